// Which client a request comes from, for limits only: the connecting address, or behind trusted
// reverse proxies the address they put in X-Forwarded-For. Addresses are never logged or stored.
//
// Written here rather than with the proxy-addr package: Kring trusts a number of hops (one format,
// KRING_TRUST_PROXY=1 for one nginx), which needs a right-to-left walk of one header, not a library.
import type { IncomingMessage } from 'node:http';
import { hash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

export interface ParsedIp {
  version: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: number[];
}

/** The bare address in one X-Forwarded-For entry or socket address: without port, brackets or zone. */
export function bareAddress(entry: string): string | null {
  let text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.indexOf(':'));
  text = text.replace(/%[\w.-]+$/, ''); // an IPv6 zone id (fe80::1%eth0) names a local interface
  return isIPv4(text) || isIPv6(text) ? text.toLowerCase() : null;
}

function ipv4Bytes(text: string): number[] | null {
  if (!isIPv4(text)) return null;
  return text.split('.').map(Number);
}

function ipv6Bytes(text: string): number[] | null {
  if (!isIPv6(text)) return null;
  let groups = text;
  // An IPv4 tail (::ffff:192.0.2.1) becomes two hex groups.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(groups);
  if (tail) {
    const [a, b, c, d] = ipv4Bytes(tail[1]!)!;
    groups = groups.slice(0, tail.index) + ((a! << 8) | b!).toString(16) + ':' + ((c! << 8) | d!).toString(16);
  }
  const [left, right] = groups.split('::') as [string, string | undefined];
  const head = left ? left.split(':') : [];
  const rest = right ? right.split(':') : [];
  const all = right === undefined ? head : [...head, ...Array<string>(8 - head.length - rest.length).fill('0'), ...rest];
  return all.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

/** Parses an IPv4 or IPv6 address (port, brackets and zone allowed); null for anything else. */
export function parseIp(entry: string): ParsedIp | null {
  const text = bareAddress(entry);
  if (!text) return null;
  if (isIPv4(text)) return { version: 4, bytes: ipv4Bytes(text)! };
  const bytes = ipv6Bytes(text);
  if (!bytes) return null;
  // An IPv4-mapped address (::ffff:a.b.c.d) is that IPv4 client seen through a dual-stack socket.
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return { version: 4, bytes: bytes.slice(12) };
  return { version: 6, bytes };
}

function headerValues(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined === '' ? [] : joined.split(',');
}

/**
 * The client's address as far as Kring can trust it. With `trustProxy` 0 that is the connecting
 * socket; a client's own X-Forwarded-For is ignored. With n trusted proxies the entries they added
 * are read from the right, n hops; a garbled entry stops the walk at the last sound address.
 */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  let address = bareAddress(req.socket.remoteAddress ?? '') ?? 'unknown';
  if (trustProxy <= 0) return address;
  const hops = headerValues(req.headers['x-forwarded-for']);
  for (let i = 0; i < trustProxy; i++) {
    const entry = hops.pop();
    const parsed = entry === undefined ? null : bareAddress(entry);
    if (!parsed) break;
    address = parsed;
  }
  return address;
}

/**
 * Whether the request reached the nearest trusted proxy over https (X-Forwarded-Proto). Without a
 * trusted proxy the header is the client's own word and is ignored.
 */
export function forwardedHttps(req: IncomingMessage, trustProxy: number): boolean {
  if (trustProxy <= 0) return false;
  return headerValues(req.headers['x-forwarded-proto']).pop()?.trim().toLowerCase() === 'https';
}

const hex = (bytes: number[]) => {
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
};

/**
 * The key limits count under: an IPv4 address as itself, an IPv6 address by its /64 prefix (a
 * phone rotates the low 64 bits of its address, a home or school network gets one /64).
 */
export function limitKey(address: string): string {
  const ip = parseIp(address);
  if (!ip) return 'unknown';
  if (ip.version === 4) return ip.bytes.join('.');
  return `${hex(ip.bytes.slice(0, 8))}::/64`;
}

/** A limit key as limiters keep it in memory: hashed, so no address sits in a heap dump. */
export function memoryKey(key: string): string {
  // 12 bytes are 16 base64 characters: a string of its own, not a slice that keeps the whole digest.
  // The one-shot hash() makes no Hash object: half the time of createHash() on every connection.
  return hash('sha256', key, 'buffer').toString('base64url', 0, 12);
}

/**
 * The key every limit counts a client under (limitKey), hashed (memoryKey): what the limiters keep
 * in memory and what a handshake forwarded to another process carries through Redis.
 */
export function addressKeyOf(req: IncomingMessage, trustProxy: number): string {
  return memoryKey(limitKey(clientAddress(req, trustProxy)));
}
