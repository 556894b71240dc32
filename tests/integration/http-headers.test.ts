// Security headers and hostile HTTP: every page's script policy allows exactly its own inline
// scripts (no 'unsafe-inline'), WebSockets only to Kring itself, HSTS only over https; broken
// paths and methods get a 4xx and the server keeps running; one address cannot start endless sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { startServer, type ServerProcess } from '../support/server-process.ts';

const root = resolve(import.meta.dirname, '../..');
const INLINE = ['window.first = 1;', '\n  (() => { window.second = "</scr" + "ipt>"; })();\n'];

/** A small built site: inline scripts (one with Windows line ends), a module script, a data block. */
function fixtureSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kring-site-'));
  mkdirSync(join(dir, 'join'));
  mkdirSync(join(dir, '_astro'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><title>Kring</title><script>${INLINE[0]}</script>` +
      `<script type="module" src="/_astro/page.js"></script><SCRIPT data-x>${INLINE[1]}</SCRIPT>` +
      `<script>window.crlf = 1;\r\nwindow.crlf2 = 2;</script><script type="application/json">{"a":1}</script>`,
  );
  writeFileSync(join(dir, 'join', 'index.html'), '<!doctype html><title>Doe mee</title>');
  writeFileSync(join(dir, '_astro', 'page.js'), 'console.log(1)');
  return dir;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The inline scripts of a page as a browser reads them: without src, line ends normalised. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs]) => !/\bsrc=/.test(attrs!)).map(([, , body]) => body!.replace(/\r\n?/g, '\n'));
}

function directives(csp: string | null): Map<string, string[]> {
  return new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

/** Sends bytes as they are (no URL clean-up as fetch does) and returns the status code, or 0 if the connection broke. */
function rawRequest(server: ServerProcess, head: string): Promise<number> {
  return new Promise((done) => {
    const socket = connect(server.port, '127.0.0.1');
    let response = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => done(Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0)));
    socket.write(`${head}\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
  });
}

let siteDir: string;
let server: ServerProcess;
beforeAll(async () => {
  siteDir = fixtureSite();
  server = await startServer({ siteDir });
});
afterAll(async () => {
  await server.cleanup();
  rmSync(siteDir, { recursive: true, force: true });
});

describe('content security policy', () => {
  it("a page's script-src lists a hash for every inline script and has no 'unsafe-inline'", async () => {
    const res = await fetch(`${server.url}/`);
    const html = await res.text();
    const scriptSrc = directives(res.headers.get('content-security-policy')).get('script-src')!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const scripts = inlineScripts(html);
    expect(scripts).toHaveLength(4);
    for (const script of scripts) expect(scriptSrc).toContain(sha256(script));
    expect(scriptSrc).toContain(sha256(INLINE[1]!));
    expect(scriptSrc).toContain(sha256('window.crlf = 1;\nwindow.crlf2 = 2;'));
  });

  it('a page without inline scripts allows only scripts from Kring itself', async () => {
    const res = await fetch(`${server.url}/join/`);
    await res.text();
    expect(directives(res.headers.get('content-security-policy')).get('script-src')).toEqual(["'self'"]);
  });

  it('a rebuilt page gets the hashes of its new scripts', async () => {
    const page = join(siteDir, 'join', 'index.html');
    writeFileSync(page, '<!doctype html><title>Doe mee</title><script>window.rebuilt = true;</script>');
    const res = await fetch(`${server.url}/join/`);
    await res.text();
    expect(directives(res.headers.get('content-security-policy')).get('script-src')).toContain(sha256('window.rebuilt = true;'));
  });

  it('WebSockets may go to Kring’s own host only, never to any ws: or wss: address', async () => {
    const res = await fetch(`${server.url}/`);
    await res.text();
    const connectSrc = directives(res.headers.get('content-security-policy')).get('connect-src')!;
    expect(connectSrc).toEqual(["'self'", `ws://127.0.0.1:${server.port}`]);
    for (const bare of ['ws:', 'wss:', '*', 'https:']) expect(connectSrc).not.toContain(bare);
  });

  it('a Host header with extra policy in it does not reach the policy', async () => {
    const socket = connect(server.port, '127.0.0.1');
    const response = await new Promise<string>((done) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('close', () => done(text));
      socket.write("GET / HTTP/1.1\r\nHost: evil.example; script-src * 'unsafe-inline'\r\nConnection: close\r\n\r\n");
    });
    const csp = /content-security-policy: (.*)/i.exec(response)?.[1] ?? '';
    expect(csp).not.toContain('evil.example');
    expect(csp).not.toContain("'unsafe-inline' ;");
    expect(directives(csp).get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('API answers carry the policy and the other security headers too', async () => {
    const res = await fetch(`${server.url}/api/health`);
    await res.text();
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
  });
});

describe('the built site', () => {
  const dist = join(root, 'dist');
  const pages = existsSync(join(dist, 'index.html'))
    ? readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('index.html')).map((p) => `/${relative(dist, join(dist, p)).replace(/index\.html$/, '')}`)
    : [];
  let built: ServerProcess | undefined;
  beforeAll(async () => {
    if (pages.length) built = await startServer({ siteDir: dist });
  });
  afterAll(() => built?.cleanup());

  it.skipIf(!pages.length)('every built page lists a hash for each of its inline scripts (island hydration included)', async () => {
    let withScripts = 0;
    for (const page of pages) {
      const res = await fetch(`${built!.url}${page}`);
      const scripts = inlineScripts(await res.text());
      const scriptSrc = directives(res.headers.get('content-security-policy')).get('script-src')!;
      expect(scriptSrc, page).not.toContain("'unsafe-inline'");
      for (const script of scripts) expect(scriptSrc, page).toContain(sha256(script));
      if (scripts.length) withScripts++;
    }
    expect(withScripts).toBeGreaterThan(0);
  });
});

describe('other headers', () => {
  it('Permissions-Policy switches off what Kring never uses', async () => {
    const res = await fetch(`${server.url}/`);
    await res.text();
    const policy = res.headers.get('permissions-policy')!;
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(policy).toContain(`${feature}=()`);
  });

  it('no HSTS over plain http, also not when a client claims https without a trusted proxy', async () => {
    for (const headers of [{}, { 'x-forwarded-proto': 'https' }] as Record<string, string>[]) {
      const res = await fetch(`${server.url}/`, { headers });
      await res.text();
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('HSTS when the public URL is https, or a trusted proxy says the request came over https', async () => {
    const hosted = await startServer({ env: { KRING_PUBLIC_URL: 'https://kring.school.nl' }, siteDir });
    const proxied = await startServer({ env: { KRING_TRUST_PROXY: '1' }, siteDir });
    try {
      let res = await fetch(`${hosted.url}/`);
      await res.text();
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(directives(res.headers.get('content-security-policy')).get('connect-src')).toEqual(["'self'", 'wss://kring.school.nl']);
      res = await fetch(`${proxied.url}/`);
      await res.text();
      expect(res.headers.get('strict-transport-security')).toBeNull();
      res = await fetch(`${proxied.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
      await res.text();
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(directives(res.headers.get('content-security-policy')).get('connect-src')).toContain(`wss://127.0.0.1:${proxied.port}`);
    } finally {
      await hosted.cleanup();
      await proxied.cleanup();
    }
  });

  it('a site built for another session server (PUBLIC_KRING_SERVER) may connect to it', async () => {
    const other = await startServer({ env: { PUBLIC_KRING_SERVER: 'https://sessies.school.nl' }, siteDir });
    try {
      const res = await fetch(`${other.url}/`);
      await res.text();
      const connectSrc = directives(res.headers.get('content-security-policy')).get('connect-src')!;
      expect(connectSrc).toEqual(expect.arrayContaining(['https://sessies.school.nl', 'wss://sessies.school.nl']));
    } finally {
      await other.cleanup();
    }
  });
});

describe('malformed requests', () => {
  it.each([
    ['a lone percent sign', 'GET /% HTTP/1.1'],
    ['an encoded path escape', 'GET /..%2f..%2fetc/passwd HTTP/1.1'],
    ['a raw path escape', 'GET /../../etc/passwd HTTP/1.1'],
    ['an encoded NUL byte in a room code', 'GET /api/rooms/%00 HTTP/1.1'],
    ['an encoded NUL byte in a file name', 'GET /index.html%00.png HTTP/1.1'],
    ['a very long path', `GET /${'a'.repeat(8000)} HTTP/1.1`],
    ['a path too long for the server', `GET /${'a/'.repeat(20_000)} HTTP/1.1`],
    ['an empty host in the path', 'GET // HTTP/1.1'],
    ['a protocol-relative path escape', 'GET //evil.example/../../etc/passwd HTTP/1.1'],
    ['an absolute URL escape', 'GET http://evil.example/..%2f..%2fetc/passwd HTTP/1.1'],
    ['PUT on a page', 'PUT / HTTP/1.1'],
    ['TRACE on a page', 'TRACE / HTTP/1.1'],
    ['TRACE on the API', 'TRACE /api/health HTTP/1.1'],
    ['DELETE on a page', 'DELETE /index.html HTTP/1.1'],
    ['HEAD on the room list', 'HEAD /api/rooms HTTP/1.1'],
    ['a made-up method', 'BREW / HTTP/1.1'],
    ['a request line that is not HTTP', 'GARBAGE'],
  ])('%s gets a 4xx and the server keeps running', async (_name, line) => {
    const status = await rawRequest(server, line);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    await health.text();
  });

  it('HEAD on a page answers without a body, with the page’s headers', async () => {
    const res = await fetch(`${server.url}/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('sha256-');
    expect(await res.text()).toBe('');
  });

  it('nothing of the above was logged with a path outside the site', () => {
    expect(server.output()).not.toContain('/etc/passwd');
  });
});

describe('sessions started per address', () => {
  const create = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ deckId: 'focusgroep' }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error?: string } };
  };

  it('behind a trusted proxy: the 11th quick session from one client waits, another client still starts one', async () => {
    const proxied = await startServer({ env: { KRING_TRUST_PROXY: '1', KRING_ROOMS_PER_HOUR: '20' } });
    try {
      const school = { 'x-forwarded-for': '203.0.113.7' };
      for (let i = 0; i < 10; i++) expect((await create(proxied.url, school)).status).toBe(201);
      const refused = await create(proxied.url, school);
      expect(refused.status).toBe(429);
      expect(refused.body.error).toBe('Er zijn vanaf dit adres te veel sessies gestart. Probeer het over een paar minuten opnieuw.');
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(180);
      expect((await create(proxied.url, school)).status).toBe(429);
      expect((await create(proxied.url, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(201);
      // The client cannot escape by adding its own entries in front: the proxy's entry is the last.
      expect((await create(proxied.url, { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).status).toBe(429);
      expect(proxied.output()).not.toContain('203.0.113');
    } finally {
      await proxied.cleanup();
    }
  });

  it('without a trusted proxy a made-up X-Forwarded-For does not give a fresh allowance', async () => {
    const direct = await startServer({ env: { KRING_ROOMS_PER_HOUR: '4' } });
    try {
      for (let i = 0; i < 2; i++) expect((await create(direct.url, { 'x-forwarded-for': `198.51.100.${i}` })).status).toBe(201);
      expect((await create(direct.url, { 'x-forwarded-for': '198.51.100.99' })).status).toBe(429);
      // The admin hears once that a proxy seems to be there; no address is logged.
      expect(direct.output()).toContain('KRING_TRUST_PROXY staat niet aan');
      expect(direct.output()).not.toContain('198.51.100');
    } finally {
      await direct.cleanup();
    }
  });
});
