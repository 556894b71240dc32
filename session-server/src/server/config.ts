// Configuration from the environment, with embedded defaults that need no other service.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  retentionDays: number;
  /** Origins allowed to open a WebSocket or call the API; the server's own origin is always allowed. */
  allowedOrigins: string[];
  decksDir: string;
  siteDir: string;
}

const root = resolve(import.meta.dirname, '../../..');

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} moet een positief getal zijn (nu: "${raw}")`);
  return value;
}

export function configFromEnv(): Config {
  return {
    port: positiveNumber('PORT', 8080),
    host: process.env.HOST || '0.0.0.0',
    dataDir: resolve(process.env.KRING_DATA_DIR || resolve(root, 'data')),
    retentionDays: positiveNumber('KRING_RETENTION_DAYS', 30),
    allowedOrigins: (process.env.KRING_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
    decksDir: resolve(process.env.KRING_DECKS_DIR || resolve(root, 'decks')),
    siteDir: resolve(process.env.KRING_SITE_DIR || resolve(root, 'dist')),
  };
}
