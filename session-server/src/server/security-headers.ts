// Security headers for every response: a script policy that lists the hashes of a page's inline
// scripts (no 'unsafe-inline'), WebSockets only to Kring's own host or the configured server,
// features Kring never uses switched off, and HSTS only over https.
import type { IncomingMessage } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { AccessConfig } from './config.ts';
import { forwardedHttps } from './client-address.ts';

const FIXED_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Features Kring never uses, off for its pages and anything they might embed. Only names Chromium
  // knows: an unknown one (e.g. 'bluetooth' in Chromium 156) logs an error on every page.
  'permissions-policy': ['accelerometer', 'browsing-topics', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'hid', 'interest-cohort', 'magnetometer', 'microphone', 'midi', 'payment', 'serial', 'usb']
    .map((feature) => `${feature}=()`)
    .join(', '),
};

const wsOrigin = (url: URL) => `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`;

export function fixedConnectSources(access: AccessConfig): string[] {
  const sources: string[] = [];
  if (access.publicUrl) sources.push(wsOrigin(new URL(access.publicUrl)));
  // A site built to talk to another session server (PUBLIC_KRING_SERVER) connects there too.
  if (access.siteServerUrl) {
    const server = new URL(access.siteServerUrl);
    if (!access.publicUrl || server.origin !== new URL(access.publicUrl).origin) sources.push(server.origin, wsOrigin(server));
  }
  return sources;
}

/** A Host header that is a plain host[:port]; anything else (spaces, ';') stays out of the policy. */
const PLAIN_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** `connectSources`: what fixedConnectSources(access) gave, worked out once. */
export function securityHeaders(
  req: IncomingMessage,
  access: AccessConfig,
  connectSources: string[],
  scriptHashes: string[] = [],
): Record<string, string> {
  const viaHttps = forwardedHttps(req, access.trustProxy);
  const connect = ["'self'", ...connectSources];
  // Without a public URL the WebSocket goes to the host the page came from; a Host in a policy only
  // ever allows that host itself.
  const host = req.headers.host;
  if (!access.publicUrl && host && PLAIN_HOST.test(host)) connect.push(`${viaHttps ? 'wss' : 'ws'}://${host.toLowerCase()}`);
  const csp = [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(' '),
    // Solid and Astro set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
  const headers: Record<string, string> = { ...FIXED_HEADERS, 'content-security-policy': csp };
  // Only over https (browsers ignore it over http anyway), so a laptop on plain http is never pinned.
  if (viaHttps || access.publicUrl?.startsWith('https:')) headers['strict-transport-security'] = 'max-age=31536000';
  return headers;
}

/** sha256 source expressions for a page's inline scripts, as a browser hashes them. */
function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(attributes!)) continue;
    // The HTML parser turns CRLF and CR into LF before the script's text is hashed.
    const text = body!.replace(/\r\n?/g, '\n');
    hashes.add(`sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

/** Built pages in memory with their script hashes, read again when the file changes (a new build). */
export class PageCache {
  private pages = new Map<string, { mtimeMs: number; size: number; body: Buffer; hashes: string[] }>();

  get(path: string) {
    const stat = statSync(path);
    const cached = this.pages.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const body = readFileSync(path);
    const page = { mtimeMs: stat.mtimeMs, size: stat.size, body, hashes: inlineScriptHashes(body.toString('utf8')) };
    this.pages.set(path, page);
    return page;
  }
}
