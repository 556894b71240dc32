// Which browser origins may open a WebSocket or call the API: the public URL's, configured ones,
// and without a public URL pages on this machine or the school network. Never the Host header: a
// DNS-rebinding page (http://evil.example:8080 resolving to 127.0.0.1) sends a Host that matches.
import type { AccessConfig } from './config.ts';
import { parseIp } from './client-address.ts';

export interface OriginPolicy {
  /** Exact origins (scheme, host, port) that may connect. */
  origins: ReadonlySet<string>;
  /** KRING_ALLOWED_ORIGINS contains '*'. */
  anyOrigin: boolean;
  /** Without a public URL: pages on a loopback or private address on this port count as Kring's own. */
  localNetworkPort: number | null;
}

export function originPolicy(access: Pick<AccessConfig, 'publicUrl' | 'allowedOrigins' | 'port'>): OriginPolicy {
  const origins = new Set<string>();
  let anyOrigin = false;
  for (const entry of [...(access.publicUrl ? [access.publicUrl] : []), ...access.allowedOrigins]) {
    if (entry === '*') anyOrigin = true;
    else origins.add(normalisedOrigin(entry) ?? entry);
  }
  return { origins, anyOrigin, localNetworkPort: access.publicUrl ? null : access.port };
}

function normalisedOrigin(text: string): string | null {
  try {
    const origin = new URL(text).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Loopback, private and link-local addresses, and `localhost`: a page there is on this machine or network. */
export function localNetworkHost(hostname: string): boolean {
  if (hostname === 'localhost') return true;
  // Only IP literals: a name could resolve anywhere, which is what DNS rebinding abuses.
  const ip = parseIp(hostname.replace(/^\[(.*)\]$/, '$1'));
  if (!ip) return false;
  const [a, b] = ip.bytes as [number, number];
  if (ip.version === 4) {
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  const loopback = ip.bytes.slice(0, 15).every((x) => x === 0) && ip.bytes[15] === 1;
  return loopback || (a & 0xfe) === 0xfc || (a === 0xfe && (b & 0xc0) === 0x80);
}

function defaultPort(protocol: string): number | null {
  return protocol === 'http:' ? 80 : protocol === 'https:' ? 443 : null;
}

export function originAllowed(origin: string | undefined, policy: OriginPolicy): boolean {
  // No Origin header: not a browser page (scripts, tests), so no cross-site risk to check.
  if (!origin) return true;
  if (policy.anyOrigin) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== 'null' && policy.origins.has(url.origin)) return true;
  if (policy.localNetworkPort === null) return false;
  const port = url.port ? Number(url.port) : defaultPort(url.protocol);
  return port === policy.localNetworkPort && localNetworkHost(url.hostname);
}
