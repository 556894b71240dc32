// Random codes and keys, and the hashes the server stores instead of them.
import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { nanoid } from 'nanoid';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../protocol/index.ts';

/** A join code from an alphabet without look-alikes: 31^6 ≈ 887 million codes. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Host and beamer keys: 32 url-safe characters (192 bits). */
export const newSecretKey = (): string => nanoid(32);
/** The per-session HMAC key for participant tokens. */
export const newParticipantKey = (): string => nanoid(43);
export const newEntityId = (): string => nanoid(12);

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('base64url');

export function keyMatches(key: string, expectedHash: string): boolean {
  return hashMatches(hashKey(key), expectedHash);
}

/** Compares a key's hash (hashKey) with the stored one, in constant time. */
export function hashMatches(hash: string, expectedHash: string): boolean {
  const a = Buffer.from(hash);
  const b = Buffer.from(expectedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What the server knows a participant by: a keyed hash that means nothing once the key is deleted. */
export const participantHash = (participantKey: string, token: string): string =>
  createHmac('sha256', participantKey).update(token).digest('base64url').slice(0, 22);

/** A crypto-random order (Fisher–Yates): who ends up in a small group with whom. */
export function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
