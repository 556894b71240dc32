// What a browser remembers: the phone's participant token per room, and the host key per room
// (so a closed host tab can be reopened). Nothing else about a person is stored.

export function participantTokenFor(room: string, makeToken: () => string): string {
  const key = `kring:token:${room}`;
  try {
    const existing = localStorage.getItem(key);
    if (existing && /^[A-Za-z0-9_-]{21}$/.test(existing)) return existing;
    const token = makeToken();
    localStorage.setItem(key, token);
    return token;
  } catch {
    return makeToken(); // storage blocked: the phone still takes part, but a reload counts as new
  }
}

export function rememberHostKeys(room: string, keys: { hostKey: string; beamerKey: string }) {
  localStorage.setItem(`kring:host:${room}`, JSON.stringify(keys));
}

export function hostKeysFor(room: string): { hostKey: string; beamerKey: string } | null {
  try {
    const value = JSON.parse(localStorage.getItem(`kring:host:${room}`) ?? 'null');
    return value && typeof value.hostKey === 'string' && typeof value.beamerKey === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function forgetHostKeys(room: string) {
  localStorage.removeItem(`kring:host:${room}`);
}
