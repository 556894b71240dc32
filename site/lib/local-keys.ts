// What a browser remembers: the phone's participant token per room, the host key per room (so a
// closed host tab can be reopened), and whether a console shows its privacy screen. Nothing else
// about a person is stored.
import { SECRET_KEY_PATTERN, normaliseJoinCode } from '@protocol/constants';

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
  localStorage.removeItem(`kring:privacy:${room}`);
}

/**
 * A host link for a second device carries the keys in the address's fragment
 * (`#code=ABCD12&key=…&beamer=…`), which browsers never send to a server. Returns the room code
 * when the fragment held a usable link and its keys are now remembered, null otherwise.
 */
export function adoptHostLink(fragment: string): string | null {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const code = normaliseJoinCode(params.get('code') ?? '');
  const hostKey = params.get('key') ?? '';
  const beamerKey = params.get('beamer') ?? '';
  if (!code || !SECRET_KEY_PATTERN.test(hostKey) || !SECRET_KEY_PATTERN.test(beamerKey)) return null;
  try {
    rememberHostKeys(code, { hostKey, beamerKey });
  } catch {
    return null; // storage blocked: the console cannot keep the key, so the link cannot work here
  }
  return code;
}

/** The link that opens this room's console on another device with the same rights. */
export function hostLink(origin: string, room: string, keys: { hostKey: string; beamerKey: string }): string {
  const fragment = new URLSearchParams({ code: room, key: keys.hostKey, beamer: keys.beamerKey });
  return `${origin}/host/#${fragment.toString()}`;
}

/** Whether this browser shows the console with the privacy screen on for a room (per device). */
export function privacyScreenFor(room: string): boolean {
  try {
    return localStorage.getItem(`kring:privacy:${room}`) === 'on';
  } catch {
    return false;
  }
}

export function rememberPrivacyScreen(room: string, on: boolean) {
  try {
    if (on) localStorage.setItem(`kring:privacy:${room}`, 'on');
    else localStorage.removeItem(`kring:privacy:${room}`);
  } catch {
    // storage blocked: the toggle still works until the page is closed
  }
}

// Whether this phone saw the session live: the closing screen thanks only those who took part.
const tookPartKey = (room: string) => `kring:took-part:${room}`;
/** This page load's memory, for a browser that blocks storage. */
const seenLive = new Set<string>();

/** Remembered on this phone only, so after a reload the closing screen still thanks the person. */
export function rememberTookPart(room: string) {
  seenLive.add(room);
  try {
    localStorage.setItem(tookPartKey(room), '1');
  } catch {
    // storage blocked: this page load still knows (seenLive)
  }
}

export function tookPartIn(room: string): boolean {
  if (seenLive.has(room)) return true;
  try {
    return localStorage.getItem(tookPartKey(room)) === '1';
  } catch {
    return false;
  }
}
