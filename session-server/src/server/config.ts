// Configuration from the environment, with embedded defaults that need no other service.
import { resolve } from 'node:path';
import { DEFAULT_RETENTION_DAYS, DEFAULT_UNATTENDED_END_HOURS, LIMITS } from '../protocol/index.ts';
import { DEFAULT_COMMIT_QUEUE_LIMIT } from './group-commit.ts';
import { DEFAULT_SNAPSHOT_EVERY } from './live-rooms.ts';
import { OVERLOOP_SAMPLE_MS } from '../room/overloop.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL instead of the embedded SQLite file (DATABASE_URL), for several processes; null: SQLite. */
  databaseUrl: string | null;
  /** Redis for several processes together (REDIS_URL, needs DATABASE_URL); null: one process. */
  redisUrl: string | null;
  /** Redis channel names start with this (KRING_REDIS_PREFIX), so installations can share a Redis. */
  redisPrefix: string;
  /** How long a process's hold on a room lasts without renewal (KRING_LEASE_TTL_MS). */
  leaseTtlMs: number;
  /** How often a process renews its holds (KRING_LEASE_RENEW_MS). */
  leaseRenewMs: number;
  retentionDays: number;
  /** A live session with no host connected for this many hours is ended and sealed (KRING_UNATTENDED_END_HOURS). */
  unattendedEndHours: number;
  /** The address people use to reach Kring (KRING_PUBLIC_URL), without a trailing slash; null when
   *  Kring runs on a laptop on the school network. */
  publicUrl: string | null;
  /** Origins allowed to open a WebSocket or call the API besides the public URL's; '*' allows all. */
  allowedOrigins: string[];
  /** How many reverse proxies stand in front of Kring (KRING_TRUST_PROXY); 0: clients connect directly. */
  trustProxy: number;
  /** Sessions one address may start per hour (KRING_ROOMS_PER_HOUR); half of it may come at once. */
  roomsPerHour: number;
  /** The session server the site was built to talk to (PUBLIC_KRING_SERVER), if not this one. */
  siteServerUrl: string | null;
  decksDir: string;
  siteDir: string;
  /** How often an open overloopdebat takes a point, in ms (KRING_OVERLOOP_SAMPLE_MS; tests set it small). */
  overloopSampleMs: number;
  /** Changes that may wait for the next group commit before commands are answered `busy` (KRING_COMMIT_QUEUE). */
  commitQueueLimit: number;
  /** Phones one room takes (KRING_PARTICIPANTS_PER_ROOM): a whole location in the aula fits. */
  participantsPerRoom: number;
  /** Events a room stores before its history is compacted into one snapshot (KRING_SNAPSHOT_EVERY). */
  snapshotEvery: number;
}

/** What the HTTP and socket layers need to decide who may connect and how clients are told apart. */
export type AccessConfig = Pick<Config, 'publicUrl' | 'allowedOrigins' | 'trustProxy' | 'roomsPerHour' | 'siteServerUrl'> & {
  /** The port the server listens on; pages on the local network count as its own only on this port. */
  port: number | null;
  /** The address the server listens on; a server on 127.0.0.1 only is reachable from this machine. */
  host?: string;
};

export const DEFAULT_ROOMS_PER_HOUR = 20;

/** Access settings for a server without configuration (in-process tests). */
export function defaultAccess(allowedOrigins: string[] = []): AccessConfig {
  return { publicUrl: null, allowedOrigins, trustProxy: 0, roomsPerHour: DEFAULT_ROOMS_PER_HOUR, siteServerUrl: null, port: null };
}

const root = resolve(import.meta.dirname, '../../..');

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} moet een positief getal zijn (nu: "${raw}")`);
  return value;
}

function hopCount(name: string): number {
  const raw = (process.env[name] ?? '').trim();
  if (raw === '') return 0;
  if (!/^\d{1,2}$/.test(raw)) throw new Error(`${name} moet het aantal proxy's voor Kring zijn, bijvoorbeeld 1 (nu: "${raw}")`);
  return Number(raw);
}

/** An http(s) address without a trailing slash, or null when the variable is empty. */
function webAddress(name: string, raw: string | undefined, example: string): string | null {
  const value = (raw ?? '').trim();
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} moet een webadres zijn, zoals ${example} (nu: "${value}")`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new Error(`${name} moet een webadres zijn dat begint met https:// of http://, zoals ${example} (nu: "${value}")`);
  }
  return url.href.replace(/\/+$/, '');
}

/** A postgres:// address, or null when DATABASE_URL is empty. */
function databaseAddress(name: string): string | null {
  const value = (process.env[name] ?? '').trim();
  if (value === '') return null;
  const example = 'postgres://kring@db.school.nl:5432/kring';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} moet een PostgreSQL-adres zijn, zoals ${example}`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error(`${name} moet beginnen met postgres://, zoals ${example}`);
  return value;
}

/** A redis:// address, or null when REDIS_URL is empty. */
function redisAddress(name: string): string | null {
  const value = (process.env[name] ?? '').trim();
  if (value === '') return null;
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') throw new Error(`${name} moet beginnen met redis://, zoals redis://127.0.0.1:6379`);
  return value;
}

/** Where a database address points, without the user name or password, for messages. */
export function databaseLocation(address: string): string {
  const url = new URL(address);
  return `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname}`;
}

function originList(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => (o === '*' ? o : new URL(webAddress(name, o, 'https://kring.school.nl')!).origin));
}

export function configFromEnv(): Config {
  const leaseTtlMs = positiveNumber('KRING_LEASE_TTL_MS', 3000);
  const leaseRenewMs = positiveNumber('KRING_LEASE_RENEW_MS', Math.round(leaseTtlMs / 3));
  if (leaseRenewMs * 2 > leaseTtlMs) throw new Error(`KRING_LEASE_RENEW_MS moet hoogstens de helft van KRING_LEASE_TTL_MS zijn (nu ${leaseRenewMs} en ${leaseTtlMs})`);
  return {
    port: positiveNumber('PORT', 8080),
    host: process.env.HOST || '0.0.0.0',
    dataDir: resolve(process.env.KRING_DATA_DIR || resolve(root, 'data')),
    databaseUrl: databaseAddress('DATABASE_URL'),
    redisUrl: redisAddress('REDIS_URL'),
    redisPrefix: (process.env.KRING_REDIS_PREFIX ?? '').trim() || 'kring',
    leaseTtlMs,
    leaseRenewMs,
    retentionDays: positiveNumber('KRING_RETENTION_DAYS', DEFAULT_RETENTION_DAYS),
    unattendedEndHours: positiveNumber('KRING_UNATTENDED_END_HOURS', DEFAULT_UNATTENDED_END_HOURS),
    publicUrl: webAddress('KRING_PUBLIC_URL', process.env.KRING_PUBLIC_URL, 'https://kring.school.nl'),
    allowedOrigins: originList('KRING_ALLOWED_ORIGINS'),
    trustProxy: hopCount('KRING_TRUST_PROXY'),
    roomsPerHour: Math.ceil(positiveNumber('KRING_ROOMS_PER_HOUR', DEFAULT_ROOMS_PER_HOUR)),
    siteServerUrl: webAddress('PUBLIC_KRING_SERVER', process.env.PUBLIC_KRING_SERVER, 'https://kring.school.nl'),
    decksDir: resolve(process.env.KRING_DECKS_DIR || resolve(root, 'decks')),
    siteDir: resolve(process.env.KRING_SITE_DIR || resolve(root, 'dist')),
    overloopSampleMs: positiveNumber('KRING_OVERLOOP_SAMPLE_MS', OVERLOOP_SAMPLE_MS),
    commitQueueLimit: Math.ceil(positiveNumber('KRING_COMMIT_QUEUE', DEFAULT_COMMIT_QUEUE_LIMIT)),
    participantsPerRoom: Math.ceil(positiveNumber('KRING_PARTICIPANTS_PER_ROOM', LIMITS.participantsPerRoom)),
    snapshotEvery: Math.ceil(positiveNumber('KRING_SNAPSHOT_EVERY', DEFAULT_SNAPSHOT_EVERY)),
  };
}
