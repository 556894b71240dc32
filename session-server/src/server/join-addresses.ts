// Where phones can reach this server. A teacher who opens Kring on http://localhost:8080 cannot
// give phones that address; they need the laptop's address in the school's (or a hotspot's)
// network, or the school's public address when Kring is hosted (KRING_PUBLIC_URL).
import { networkInterfaces } from 'node:os';

/** The machine's IPv4 addresses that other devices in its network can use, as http URLs. */
export function lanUrls(port: number): string[] {
  const urls: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) {
      // Internal (loopback) and link-local (169.254.x.x: no network configured) reach no phone.
      if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.')) urls.push(`http://${a.address}:${port}`);
    }
  }
  return urls;
}

/** The addresses to give phones: the public one when set, else the LAN ones. */
export function joinAddresses(publicUrl: string | null, port: number): string[] {
  return publicUrl ? [publicUrl.replace(/\/$/, '')] : lanUrls(port);
}
