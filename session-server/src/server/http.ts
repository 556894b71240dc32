// HTTP: the small JSON API (create a room, export results, delete a room) and the built site. Every
// response carries the security headers of security-headers.ts. Files go out through sirv, which
// picks the .br or .gz copy that scripts/precompress.ts wrote when the browser accepts it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statSync } from 'node:fs';
import { extname, join, normalize, relative, sep } from 'node:path';
import sirv, { type RequestHandler } from 'sirv';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SharedLimits } from './cluster/cluster.ts';
import { CreateRoomRequest, JoinCode } from '../protocol/index.ts';
import { exportResults, resultsToCsv } from '../room/export.ts';
import { resultsFileName } from '../protocol/file-names.ts';
import type { LiveRooms } from './live-rooms.ts';
import { joinAddresses } from './join-addresses.ts';
import { UnknownDeckError, InvalidCardsError } from './live-rooms.ts';
import { keyMatches } from './secrets.ts';
import { originAllowed, originPolicy, type OriginPolicy } from './origins.ts';
import type { AccessConfig } from './config.ts';
import { addressKeyOf } from './client-address.ts';
import { PageCache, fixedConnectSources, securityHeaders } from './security-headers.ts';

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

export interface HttpDeps {
  rooms: LiveRooms;
  siteDir: string;
  /** Public URL, allowed origins, trusted proxies, limits per address. */
  access: AccessConfig;
  onRoomDeleted: (code: string) => void;
  /** Several processes: the limits count in Redis, so every process counts the same starts. */
  sharedLimits?: SharedLimits;
}

/** What the handler works out once from its deps. */
interface Context {
  deps: HttpDeps;
  access: AccessConfig;
  origins: OriginPolicy;
  roomLimiter: BurstyRateLimiter;
  /** connect-src entries besides 'self' that do not depend on the request. */
  connectSources: string[];
  pages: PageCache;
  /** Sends a file of the site that fileAt found, compressed when the browser accepts it. */
  files: RequestHandler;
}

const ROOM_LIMIT_MESSAGE = 'Er zijn vanaf dit adres te veel sessies gestart. Probeer het over een paar minuten opnieuw.';

/**
 * Rooms per limit key: one every 3600/perHour seconds, plus a burst so that half the hourly number
 * can start at once (a teacher trying things out). With 20: 10 at once, then one every 3 minutes.
 */
function roomLimiter(perHour: number, shared: SharedLimits | undefined): BurstyRateLimiter {
  const burst = Math.max(1, Math.floor(perHour / 2));
  const limiter = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    if (!shared) return memory;
    // While Redis is away each process counts on its own (the insurance), instead of refusing all.
    return new RateLimiterRedis({ storeClient: shared.client, keyPrefix: `${shared.prefix}:${keyPrefix}`, points, duration, rejectIfRedisNotReady: true, insuranceLimiter: memory });
  };
  return new BurstyRateLimiter(limiter('rooms', 1, Math.ceil(3600 / perHour)), limiter('rooms-burst', burst - 1, 3600));
}

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(JSON.stringify(body));
}

/** `drained`: the whole body was read, so the connection can carry the next request. */
class BodyTooLarge extends Error {
  drained: boolean;
  constructor(drained: boolean) {
    super('too large');
    this.drained = drained;
  }
}

/** Reads up to `limit` bytes. A larger body is read to its end and dropped when it is at most
 *  `drainLimit` (the client can then read the refusal instead of failing on a closed socket). */
async function readBody(req: IncomingMessage, limit: number, drainLimit = 2 * 1024 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > drainLimit) throw new BodyTooLarge(false);
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) throw new BodyTooLarge(true);
  return Buffer.concat(chunks).toString('utf8');
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}

export function createRequestHandler(deps: HttpDeps) {
  const access = deps.access;
  const ctx: Context = {
    deps,
    access,
    origins: originPolicy(access),
    roomLimiter: roomLimiter(access.roomsPerHour, deps.sharedLimits),
    connectSources: fixedConnectSources(access),
    pages: new PageCache(),
    // dev: look each file up on every request, as before, instead of listing the site once at start:
    // a rebuilt site is served at once, without a restart (and without stale lengths).
    files: sirv(deps.siteDir, { dev: true, etag: true, brotli: true, gzip: true, extensions: ['html'] }),
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(securityHeaders(req, ctx.access, ctx.connectSources))) res.setHeader(name, value);
    hintAtProxy(req, ctx);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://kring.invalid');
    } catch {
      return json(res, 400, { error: 'Het verzoek klopt niet.' });
    }
    try {
      if (url.pathname.startsWith('/api/')) return await api(req, res, url, ctx);
      return serveStatic(req, res, url.pathname, ctx);
    } catch (error) {
      console.error('[kring] request failed:', (error as Error).message);
      if (!res.headersSent) json(res, 500, { error: 'Er ging iets mis op de server.' });
    }
  };
}

function cors(req: IncomingMessage, res: ServerResponse, ctx: Context): boolean {
  const origin = req.headers.origin;
  if (!originAllowed(origin, ctx.origins)) {
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

let proxyHintShown = false;
/** Once per process: a request came through a proxy that Kring was not told about (no address logged). */
function hintAtProxy(req: IncomingMessage, ctx: Context) {
  if (proxyHintShown || ctx.access.trustProxy > 0 || req.headers['x-forwarded-for'] === undefined) return;
  proxyHintShown = true;
  console.warn('[kring] er komen verzoeken via een proxy, maar KRING_TRUST_PROXY staat niet aan: voor de grenzen tellen alle bezoekers dan als één adres (zie README, Instellingen)');
}

/** Takes one room from this client's allowance; the seconds to wait when there is none left. */
async function roomAllowance(req: IncomingMessage, ctx: Context): Promise<number> {
  const key = addressKeyOf(req, ctx.access.trustProxy);
  try {
    await ctx.roomLimiter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

async function api(req: IncomingMessage, res: ServerResponse, url: URL, ctx: Context) {
  const { deps } = ctx;
  if (!cors(req, res, ctx)) return;
  if (req.method === 'OPTIONS') return void res.writeHead(204).end();
  if (url.pathname === '/api/health') {
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'Niet toegestaan.' }, { allow: 'GET, HEAD' });
    return json(res, 200, { ok: true });
  }
  // Asked by a console or beamer opened on this machine itself (localhost): it needs an address
  // phones can use. The machine's network addresses go only to a request from the machine itself.
  if (url.pathname === '/api/join-addresses' && req.method === 'GET') {
    const fromHere = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
    // A server listening on loopback only cannot be reached from the network at all.
    const onNetwork = !!ctx.access.host && !['127.0.0.1', 'localhost', '::1'].includes(ctx.access.host);
    const addresses = ctx.access.publicUrl
      ? joinAddresses(ctx.access.publicUrl, 0)
      : fromHere && onNetwork && ctx.access.port
        ? joinAddresses(null, ctx.access.port)
        : [];
    return json(res, 200, { addresses });
  }

  if (url.pathname === '/api/rooms' && req.method === 'POST') {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, 8192));
    } catch (error) {
      // A body too large even to drain was not read to its end: this connection cannot carry another request.
      return json(res, 400, { error: 'Het verzoek klopt niet.' }, error instanceof BodyTooLarge && !error.drained ? { connection: 'close' } : {});
    }
    const parsed = CreateRoomRequest.safeParse(body);
    if (!parsed.success) {
      return json(res, 400, {
        error: 'Niet alles is goed ingevuld.',
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const wait = await roomAllowance(req, ctx);
    if (wait > 0) return json(res, 429, { error: ROOM_LIMIT_MESSAGE }, { 'retry-after': String(wait) });
    try {
      return json(res, 201, await deps.rooms.create(parsed.data));
    } catch (error) {
      if (error instanceof UnknownDeckError) return json(res, 404, { error: error.message });
      if (error instanceof InvalidCardsError) return json(res, 400, { error: error.message, issues: [{ path: 'cardIds', message: error.message }] });
      throw error;
    }
  }

  const match = /^\/api\/rooms\/([^/]+)(?:\/results\.(json|csv))?$/.exec(url.pathname);
  if (match) {
    const code = JoinCode.safeParse(match[1]);
    const room = code.success ? await deps.rooms.read(code.data) : null;
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
      const name = resultsFileName(results);
      const csv = match[2] === 'csv';
      res.writeHead(200, {
        'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.${match[2]}"`,
        'cache-control': 'no-store',
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
  if (decoded.includes('\0')) return null;
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

/** The path sirv should look up for a file fileAt found: exactly that file (and its .br and .gz). */
function sitePath(siteDir: string, file: string): string {
  return encodeURI(`/${relative(siteDir, file).split(sep).join('/')}`);
}

const DOCUMENT_ONLY_HEADERS = ['content-security-policy', 'permissions-policy', 'x-frame-options'];

function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, ctx: Context) {
  const { siteDir } = ctx.deps;
  if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'Niet toegestaan.' }, { allow: 'GET, HEAD' });
  // A join link /j/<code> is the join page; the page reads the code from the address.
  const found = /^\/j\/[^/]+\/?$/.test(pathname) ? join(siteDir, 'join', 'index.html') : fileAt(siteDir, pathname);
  if (!found) return notFound(req, res, ctx);
  res.setHeader('content-type', TYPES[extname(found)] ?? 'application/octet-stream');
  const asset = pathname.startsWith('/_astro/');
  res.setHeader('cache-control', asset ? 'public, max-age=31536000, immutable' : 'no-cache');
  // A script or stylesheet is no document: a policy for documents (which scripts, frames, features)
  // means nothing on it. Left off, each of the phone's files is half a kilobyte lighter on a slow
  // school network (issue 11); nosniff and the referrer policy stay.
  if (asset) for (const name of DOCUMENT_ONLY_HEADERS) res.removeHeader(name);
  // sirv adds this only to a full answer; a 304 varies by encoding as well (each copy has its own etag).
  res.setHeader('vary', 'accept-encoding');
  // Set before sirv answers, so a 304 carries the page's own script hashes too (a browser stores the
  // headers of a 304 with the page).
  if (extname(found) === '.html') {
    for (const [name, value] of Object.entries(securityHeaders(req, ctx.access, ctx.connectSources, ctx.pages.get(found).hashes))) res.setHeader(name, value);
  }
  // Routing stays here (fileAt refuses paths outside the site, /j/<code> is the join page); sirv gets
  // the one file to send and chooses its encoding, length, etag and range.
  req.url = sitePath(siteDir, found);
  ctx.files(req, res, () => notFound(req, res, ctx));
}

/** The site's 404.html with status 404. Not through sirv: it sends what it finds with status 200. */
function notFound(req: IncomingMessage, res: ServerResponse, ctx: Context) {
  const page = fileAt(ctx.deps.siteDir, '/404.html');
  if (!page) {
    // Only a site that was never built lacks it: the visitor gets plain Dutch, the operator the hint.
    warnUnbuiltOnce(ctx.deps.siteDir);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
    return void res.end('Deze pagina bestaat niet.');
  }
  const { body, size, hashes } = ctx.pages.get(page);
  res.writeHead(404, {
    'content-type': TYPES['.html']!,
    'cache-control': 'no-cache',
    ...securityHeaders(req, ctx.access, ctx.connectSources, hashes),
    'content-length': String(size),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const warnedUnbuilt = new Set<string>();
function warnUnbuiltOnce(siteDir: string) {
  if (warnedUnbuilt.has(siteDir)) return;
  warnedUnbuilt.add(siteDir);
  console.warn(`[kring] geen 404.html in ${siteDir}: is de site gebouwd? Start Kring met: npm start`);
}
