// HTTP: the small JSON API (create a room, export results, delete a room) and the built site.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { CreateRoomRequest, JoinCode } from '../protocol/index.ts';
import { exportResults, resultsToCsv } from '../room/export.ts';
import type { LiveRooms } from './live-rooms.ts';
import { UnknownDeckError } from './live-rooms.ts';
import { keyMatches } from './secrets.ts';
import { originAllowed } from './origins.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
};

export interface HttpDeps {
  rooms: LiveRooms;
  siteDir: string;
  allowedOrigins: string[];
  onRoomDeleted: (code: string) => void;
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}

export function createRequestHandler(deps: HttpDeps) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://kring.invalid');
    try {
      if (url.pathname.startsWith('/api/')) return await api(req, res, url, deps);
      return serveStatic(req, res, url.pathname, deps.siteDir);
    } catch (error) {
      console.error('[kring] request failed:', (error as Error).message);
      if (!res.headersSent) json(res, 500, { error: 'Er ging iets mis op de server.' });
    }
  };
}

function cors(req: IncomingMessage, res: ServerResponse, deps: HttpDeps): boolean {
  const origin = req.headers.origin;
  if (!originAllowed(req, deps.allowedOrigins)) {
    json(res, 403, { error: 'Deze website mag Kring niet gebruiken.' });
    return false;
  }
  if (origin) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'origin');
    res.setHeader('access-control-allow-headers', 'content-type, authorization');
    res.setHeader('access-control-allow-methods', 'GET, POST, DELETE');
  }
  return true;
}

async function api(req: IncomingMessage, res: ServerResponse, url: URL, deps: HttpDeps) {
  if (!cors(req, res, deps)) return;
  if (req.method === 'OPTIONS') return void res.writeHead(204).end();
  if (url.pathname === '/api/health') return json(res, 200, { ok: true });

  if (url.pathname === '/api/rooms' && req.method === 'POST') {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, 8192));
    } catch {
      return json(res, 400, { error: 'Het verzoek klopt niet.' });
    }
    const parsed = CreateRoomRequest.safeParse(body);
    if (!parsed.success) {
      return json(res, 400, {
        error: 'Niet alles is goed ingevuld.',
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    try {
      return json(res, 201, await deps.rooms.create(parsed.data));
    } catch (error) {
      if (error instanceof UnknownDeckError) return json(res, 404, { error: error.message });
      throw error;
    }
  }

  const match = /^\/api\/rooms\/([^/]+)(?:\/results\.(json|csv))?$/.exec(url.pathname);
  if (match) {
    const code = JoinCode.safeParse(match[1]);
    const room = code.success ? await deps.rooms.get(code.data) : null;
    const key = bearer(req);
    // Same answer for "no such room" and "wrong key": nobody learns which codes exist.
    if (!room || !key || !keyMatches(key, room.record.hostKeyHash)) return json(res, 404, { error: 'Sessie niet gevonden.' });
    if (req.method === 'DELETE' && !match[2]) {
      await deps.rooms.delete(room);
      deps.onRoomDeleted(room.code);
      return json(res, 200, { ok: true });
    }
    if (req.method === 'GET' && match[2]) {
      const results = exportResults(room.state);
      const name = `kring-${results.deckId}-${results.startedAt.slice(0, 10)}`;
      const csv = match[2] === 'csv';
      res.writeHead(200, {
        'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.${match[2]}"`,
        'cache-control': 'no-store',
        ...SECURITY_HEADERS,
      });
      return void res.end(csv ? resultsToCsv(results) : JSON.stringify(results, null, 2));
    }
  }
  json(res, 404, { error: 'Niet gevonden.' });
}

function fileAt(siteDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const candidate = normalize(join(siteDir, decoded));
  if (candidate !== siteDir && !candidate.startsWith(siteDir + sep)) return null;
  for (const path of [candidate, join(candidate, 'index.html')]) {
    try {
      if (statSync(path).isFile()) return path;
    } catch {
      /* try the next */
    }
  }
  return null;
}

function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, siteDir: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'Niet toegestaan.' });
  // A join link /j/<code> is the join page; the page reads the code from the address.
  const path = /^\/j\/[^/]+\/?$/.test(pathname) ? join(siteDir, 'join', 'index.html') : fileAt(siteDir, pathname);
  const found = path ?? fileAt(siteDir, '/404.html');
  if (!found) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
    return void res.end('Niet gevonden. Is de site gebouwd? Start Kring met: npm start');
  }
  const immutable = pathname.startsWith('/_astro/');
  res.writeHead(path ? 200 : 404, {
    'content-type': TYPES[extname(found)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...SECURITY_HEADERS,
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(found).pipe(res);
}
