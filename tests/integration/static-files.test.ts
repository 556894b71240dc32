// The built site as a phone downloads it: the .br or .gz copy that the build wrote when the browser
// accepts one, the plain file otherwise, with the same bytes after decompression; pages keep their
// script policy; a missing file gets the friendly 404 page; nothing outside the site is ever sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from '../../scripts/precompress.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

const SECRET = 'not-for-phones-3f9a';

/** A built site with a large script, an inline script on the join page and a 404 page, precompressed
 *  as the build does; next to it, outside the site, a file no request may reach. */
function fixtureSite(): { root: string; site: string } {
  const root = mkdtempSync(join(tmpdir(), 'kring-static-'));
  const site = join(root, 'dist');
  mkdirSync(join(site, 'join'), { recursive: true });
  mkdirSync(join(site, '_astro'));
  const script = Array.from({ length: 400 }, (_, i) => `export const stem${i} = "Stem ${i}: eens, oneens of weet niet";`).join('\n');
  writeFileSync(join(site, '_astro', 'Phone.abc123.js'), script);
  writeFileSync(
    join(site, 'join', 'index.html'),
    `<!doctype html><title>Doe mee</title><script>window.hydrate = 1;</script><script type="module" src="/_astro/Phone.abc123.js"></script>${'<p>Doe mee met Kring</p>'.repeat(80)}`,
  );
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Kring</title>');
  writeFileSync(join(site, '404.html'), '<!doctype html><title>Niet gevonden</title><script>window.lost = 1;</script><h1>Deze pagina bestaat niet</h1>');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: SECRET }));
  precompress(site);
  return { root, site };
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire, not decompressed. */
  body: Buffer;
}

function get(server: ServerProcess, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Sends the request line as it is (no clean-up of `..` as fetch and URL do). */
function rawGet(server: ServerProcess, path: string): Promise<{ status: number; text: string }> {
  return new Promise((done) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
  });
}

const ASSET = '/_astro/Phone.abc123.js';
let fixture: { root: string; site: string };
let server: ServerProcess;
beforeAll(async () => {
  fixture = fixtureSite();
  server = await startServer({ siteDir: fixture.site });
});
afterAll(async () => {
  await server.cleanup();
  rmSync(fixture.root, { recursive: true, force: true });
});

describe('compressed files', () => {
  const original = () => readFileSync(join(fixture.site, '_astro', 'Phone.abc123.js'));

  it('a script goes out as brotli to a browser that accepts it, smaller and the same after decompression', async () => {
    const res = await get(server, ASSET, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(original().length / 4);
    expect(brotliDecompressSync(res.body).equals(original())).toBe(true);
  });

  it('a browser that only accepts gzip gets gzip', async () => {
    const res = await get(server, ASSET, { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(gunzipSync(res.body).equals(original())).toBe(true);
  });

  it('a client that accepts no encoding gets the file as it is', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const res = await get(server, ASSET, headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(res.headers['content-length'])).toBe(original().length);
      expect(res.body.equals(original())).toBe(true);
    }
  });

  it('hashed assets may be cached for a year; pages are checked again on every visit', async () => {
    const asset = await get(server, ASSET, { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get(server, '/join/', { 'accept-encoding': 'br' });
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('a script carries no document policy (half a kilobyte less per file on a slow network), but nosniff', async () => {
    const asset = await get(server, ASSET, { 'accept-encoding': 'br' });
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    for (const name of ['content-security-policy', 'permissions-policy', 'x-frame-options']) expect(asset.headers[name]).toBeUndefined();
    const page = await get(server, '/join/', { 'accept-encoding': 'br' });
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['permissions-policy']).toContain('camera=()');
  });

  it('a join link gets the compressed join page with its script policy and the security headers', async () => {
    const html = readFileSync(join(fixture.site, 'join', 'index.html'));
    const res = await get(server, '/j/ABC234', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(brotliDecompressSync(res.body).equals(html)).toBe(true);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("'sha256-");
    expect(csp).not.toContain("'unsafe-inline' ;");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('a page checked again (304) keeps its own script hashes, so the browser keeps running its scripts', async () => {
    const first = await get(server, '/join/', { 'accept-encoding': 'br' });
    expect(first.headers.etag).toBeTruthy();
    const again = await get(server, '/join/', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
    expect(again.headers.vary).toMatch(/accept-encoding/i);
  });
});

describe('missing and forbidden files', () => {
  it('a missing file gets the friendly 404 page with its own script policy', async () => {
    const res = await get(server, '/bestaat/niet.js', { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('Deze pagina bestaat niet');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(res.headers['content-security-policy'])).toContain("'sha256-");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/_astro/..%2f..%2fpackage.json',
    '/_astro/%2e%2e/%2e%2e/package.json',
  ])('%s does not reach a file outside the site', async (path) => {
    const res = await rawGet(server, path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toContain(SECRET);
    for (const encoding of ['br', 'gzip']) {
      const compressed = await get(server, path, { 'accept-encoding': encoding });
      expect(compressed.status).toBeGreaterThanOrEqual(400);
      expect(compressed.body.toString('latin1')).not.toContain(SECRET);
    }
  });
});

describe('a site that was never built', () => {
  it('answers an unknown address with status 404 in plain Dutch, and tells the operator in the log, once', async () => {
    const unbuilt = await startServer();
    try {
      for (const path of ['/bestaat-niet', '/ook/niet']) {
        const res = await get(unbuilt, path);
        expect(res.status).toBe(404);
        expect(res.body.toString()).toBe('Deze pagina bestaat niet.');
      }
      expect(unbuilt.output()).toContain('is de site gebouwd? Start Kring met: npm start');
      expect(unbuilt.output().match(/geen 404\.html/g)).toHaveLength(1);
    } finally {
      await unbuilt.cleanup();
    }
  });
});
