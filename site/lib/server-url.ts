// Where the session server is: the same origin by default, or a build-time setting when the
// static site is hosted elsewhere (PUBLIC_KRING_SERVER=https://kring.school.nl).
export function serverUrl(): string {
  const configured = import.meta.env.PUBLIC_KRING_SERVER as string | undefined;
  return (configured || window.location.origin).replace(/\/$/, '');
}
