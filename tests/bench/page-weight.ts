// Page-weight benchmark: what a phone downloads to join a session, and how long until it can vote on
// a slow school network. Serves the built site twice from a real server on a free port with a temp
// data folder: once as plain files (as before precompression), once with the .br/.gz copies the build
// writes. Prints:
//  - bytes of the join page and every file it loads, fetched with and without `accept-encoding`;
//  - in the system Chromium with 4× CPU slowdown, 400 ms latency and 400 kbit/s each way: the time
//    from opening /j/<code> until the vote buttons of a live card can be pressed, and until a vote
//    is acknowledged, and the bytes the browser received. Cold cache every run.
// Needs a build (npm run build). Not part of `npm test`.
//
//   node tests/bench/page-weight.ts [--runs 3] [--site dist]
import { registerHooks } from 'node:module';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { precompress } from '../../scripts/precompress.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

// Plain node knows no tsconfig paths: map @protocol as vitest.config.ts does, then load the shared
// test clients (which import it) after the hook is in place.
const protocolDir = new URL('../../session-server/src/protocol/', import.meta.url);
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === '@protocol') return nextResolve(new URL('index.ts', protocolDir).href, context);
    if (specifier.startsWith('@protocol/')) return nextResolve(new URL(`${specifier.slice(10)}.ts`, protocolDir).href, context);
    return nextResolve(specifier, context);
  },
});
const { createRoom, connectHost } = await import('../support/clients.ts');

/** The slow school network of issue 11: DevTools-style throttling through CDP. */
const SLOW = { cpuSlowdown: 4, latencyMs: 400, bytesPerSecond: 400_000 / 8 };
const VOTE = 'Vaak';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, site: { type: 'string', default: 'dist' } } });
const runs = Number(values.runs);
const root = resolve(import.meta.dirname, '../..');

/** Two copies of the build: without any .br/.gz file (how Kring served it before), and precompressed. */
function siteCopies(): { plain: string; compressed: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kring-weight-'));
  const plain = join(dir, 'plain');
  const compressed = join(dir, 'compressed');
  const source = resolve(root, values.site!);
  cpSync(source, plain, { recursive: true, filter: (path) => !/\.(br|gz)$/.test(path) });
  cpSync(plain, compressed, { recursive: true });
  precompress(compressed);
  return { plain, compressed, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Body bytes as they come over the wire (not decompressed). */
function wireBytes(url: string, acceptEncoding: string | null): Promise<{ bytes: number; encoding: string }> {
  return new Promise((done, fail) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => done({ bytes, encoding: res.headers['content-encoding'] ?? 'identity' }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** A session whose host has moved to the first card with a vote, so a joining phone sees the buttons. */
async function liveSession(server: ServerProcess) {
  const room = await createRoom(server.url);
  const host = await connectHost(server.url, room);
  const ack = await host.send({ type: 'card.goto', index: 1 });
  if (!('ok' in ack) || !ack.ok) throw new Error(`card.goto: ${JSON.stringify(ack)}`);
  return { code: room.code, close: () => host.close() };
}

interface PhoneRun {
  /** Opening /j/<code> until the vote button is visible and enabled. */
  usableMs: number;
  /** Until the first vote is acknowledged on screen. */
  votedMs: number;
  /** Everything the browser received (headers included), as DevTools counts it. */
  receivedBytes: number;
  /** Same-origin files the page loaded (not socket.io). */
  files: string[];
}

async function phoneJoins(browser: Browser, server: ServerProcess, throttle: boolean): Promise<PhoneRun> {
  const session = await liveSession(server);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpuSlowdown });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW.latencyMs,
      downloadThroughput: SLOW.bytesPerSecond,
      uploadThroughput: SLOW.bytesPerSecond,
    });
  }
  let receivedBytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (receivedBytes += event.encodedDataLength));
  cdp.on('Network.webSocketFrameReceived', (event: { response: { payloadData: string } }) => (receivedBytes += event.response.payloadData.length));
  const files = new Set<string>();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.origin === server.url && !url.pathname.startsWith('/socket.io/')) files.add(url.pathname);
  });

  const start = performance.now();
  await page.goto(`${server.url}/j/${session.code}`, { waitUntil: 'commit' });
  const vote = page.getByRole('button', { name: VOTE, exact: true });
  await vote.waitFor({ state: 'visible', timeout: 120_000 });
  await page.waitForFunction((name) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === name && !b.disabled), VOTE, { timeout: 120_000 });
  const usableMs = performance.now() - start;
  await vote.click();
  await page.getByText('Ontvangen').waitFor({ timeout: 120_000 });
  const votedMs = performance.now() - start;
  await context.close();
  session.close();
  return { usableMs, votedMs, receivedBytes, files: [...files] };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const sites = siteCopies();
const browser = await chromium.launch({ executablePath: process.env.KRING_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const servers: ServerProcess[] = [];
try {
  const plain = await startServer({ siteDir: sites.plain });
  const compressed = await startServer({ siteDir: sites.compressed });
  servers.push(plain, compressed);

  // Which files a joining phone loads, from one unthrottled visit.
  const { files } = await phoneJoins(browser, compressed, false);
  console.log(`De telefoon laadt ${files.length} bestanden voor /j/<code>:`);
  const totals = { identity: 0, gzip: 0, br: 0 };
  for (const file of files) {
    const url = `${compressed.url}${file}`;
    const identity = await wireBytes(url, null);
    const gzip = await wireBytes(url, 'gzip');
    const br = await wireBytes(url, 'br, gzip');
    totals.identity += identity.bytes;
    totals.gzip += gzip.bytes;
    totals.br += br.bytes;
    console.log(`  ${file.padEnd(36)} ${kb(identity.bytes).padStart(9)}  gzip ${kb(gzip.bytes).padStart(9)}  br ${kb(br.bytes).padStart(9)}`);
  }
  const scripts = files.filter((f) => f.endsWith('.js'));
  let scriptBytes = 0;
  for (const file of scripts) scriptBytes += (await wireBytes(`${compressed.url}${file}`, null)).bytes;
  console.log(`  samen: zonder accept-encoding ${kb(totals.identity)} (waarvan JavaScript ${kb(scriptBytes)}), gzip ${kb(totals.gzip)}, br ${kb(totals.br)}`);

  console.log(`\nTrage school: ${SLOW.cpuSlowdown}× CPU, ${SLOW.latencyMs} ms, ${(SLOW.bytesPerSecond * 8) / 1000} kbit/s; telefoon opent /j/<code>, kaart met stemknoppen staat klaar.`);
  for (const [name, server] of [['zonder compressie', plain], ['met compressie', compressed]] as const) {
    for (let run = 1; run <= runs; run++) {
      const result = await phoneJoins(browser, server, true);
      console.log(`  ${name.padEnd(18)} run ${run}: knoppen bruikbaar na ${seconds(result.usableMs)}, stem ontvangen na ${seconds(result.votedMs)}, ${kb(result.receivedBytes)} ontvangen`);
    }
  }
} finally {
  await browser.close();
  for (const server of servers) await server.cleanup();
  sites.cleanup();
}
