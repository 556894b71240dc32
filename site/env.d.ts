/// <reference types="astro/client" />
interface ImportMetaEnv {
  /** Build-time: the session server's address when the site is hosted elsewhere. */
  readonly PUBLIC_KRING_SERVER?: string;
}
