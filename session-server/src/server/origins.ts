// Which browser origins may open a WebSocket or call the API: the server's own, plus configured ones.
import type { IncomingMessage } from 'node:http';

export function originAllowed(req: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = req.headers.origin;
  // No Origin header: not a browser page (scripts, tests), so no cross-site risk to check.
  if (!origin) return true;
  if (allowedOrigins.includes(origin) || allowedOrigins.includes('*')) return true;
  const host = req.headers.host;
  return !!host && (origin === `http://${host}` || origin === `https://${host}`);
}
