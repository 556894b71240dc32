// Page-weight budget of the phone (issue 11, "light and fast phone pages"): what a student downloads
// until the vote buttons work, on a slow school network and a cheap phone, and whether that stays
// within the goal. Starts the real server on a free port with a temp data folder and the built site
// (dist/, precompressed by the build), opens the system Chromium with, through CDP:
//   150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, 4× CPU slowdown, cold cache every run,
// and measures two ways in:
//   - /join: the join page (until its form works), then typing the code and "Doe mee";
//   - /j/<code>: the link from the QR code.
// Each until the vote buttons of a live card can be pressed AND the socket is connected. Bytes are
// what came over the wire (headers included, as DevTools counts "transferred"), socket traffic too.
// Prints where the median of the runs stands against issue 11's goal, and exits non-zero when it is
// above the budget (the goal, since it was met), so the phone never gets heavier or slower unnoticed. Part of `npm test`, right after the build (also `npm run test:weight`).
//
//   node tests/bench/page-weight.ts [--runs 3] [--site dist]
import './protocol-paths.ts';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { startServer, type ServerProcess } from '../support/server-process.ts';

const { createRoom, connectHost } = await import('../support/clients.ts');

/** The slow school network and cheap phone of issue 11. */
const PROFILE = { latencyMs: 150, downBytesPerSecond: 1_600_000 / 8, upBytesPerSecond: 750_000 / 8, cpuSlowdown: 4 };
/** The goal of issue 11 (kB = 1000 bytes, as DevTools counts). */
const GOAL = { bytes: 30_000, scriptBytes: 25_000, readyMs: 1500 };
/**
 * What CI enforces. The bytes: the goal, met since 30 November 2026 (29.3–29.7 kB, 20.4–20.7 kB of
 * JS, the same in every run). The time: the goal plus room for the machine, because the 4× CPU
 * slowdown multiplies the speed of the machine that runs the check. The same code on the same
 * shared 2-core VM was ready on /j/<code> after 0.84–1.28 s (median of three: 0.99–1.16 s) on the
 * morning of 30 November, 1.40 s in the afternoon and 1.59–1.65 s (median of five) an hour later,
 * also with the server code of that morning (1.62 s). A gate at the goal then stopped every landing
 * without anything having changed; at 2.5 s it still stops a phone that got much slower, and the
 * check still prints whether the goal of 1.5 s was met.
 */
const BUDGET = { ...GOAL, readyMs: 2500 };
const VOTE = 'Vaak';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, site: { type: 'string', default: 'dist' } } });
const runs = Number(values.runs);
const siteDir = resolve(import.meta.dirname, '../..', values.site!);

/** A session whose host has moved to the first card with a vote, so a joining phone sees the buttons. */
async function liveSession(server: ServerProcess) {
  const room = await createRoom(server.url);
  const host = await connectHost(server.url, room);
  const ack = await host.send({ type: 'card.goto', index: 1 });
  if (!('ok' in ack) || !ack.ok) throw new Error(`card.goto: ${JSON.stringify(ack)}`);
  return { code: room.code, close: () => host.close() };
}

/** One response (or WebSocket frame) the page received; times in ms after navigation start. */
interface Received {
  path: string;
  kind: 'script' | 'socket' | 'other';
  bytes: number;
  sentAt: number;
  finishedAt: number;
}

interface Traffic {
  received: Received[];
  /** When socket.io's CONNECT was acknowledged (ms after navigation start). */
  connectedAt: () => number | null;
}

interface Totals {
  bytes: number;
  scriptBytes: number;
  socketBytes: number;
  files: Map<string, number>;
}

/**
 * What the first load took by `readyAt`: every file requested before the socket connected (the
 * socket opens only once the code for the vote has run, so a file asked for later is a lazy part
 * for the rest of the card, which the buttons do not wait for), and the socket's traffic until
 * `readyAt`. Only `readyAt` and earlier: nothing the page does afterwards counts.
 */
function totals(traffic: Traffic, readyAt: number, connectedAt = traffic.connectedAt() ?? Infinity): Totals {
  const result: Totals = { bytes: 0, scriptBytes: 0, socketBytes: 0, files: new Map() };
  for (const r of traffic.received) {
    const counts = r.kind === 'socket' ? r.finishedAt <= readyAt : r.sentAt <= connectedAt && r.finishedAt <= readyAt;
    if (!counts) continue;
    result.bytes += r.bytes;
    if (r.kind === 'script') result.scriptBytes += r.bytes;
    if (r.kind === 'socket') result.socketBytes += r.bytes;
    else result.files.set(r.path, (result.files.get(r.path) ?? 0) + r.bytes);
  }
  return result;
}

/** Records what the page receives (headers included, as DevTools counts "transferred"), and sees
 *  the socket.io CONNECT acknowledgement ("40{…}") arrive over long-polling or WebSocket, without
 *  help from the page. */
function watchTraffic(cdp: CDPSession): Traffic {
  const requests = new Map<string, { url: string; sentAt: number; type?: string }>();
  const received: Received[] = [];
  let navigationStart: number | null = null;
  let connected: number | null = null;
  const ms = (timestamp: number) => (timestamp - (navigationStart ?? timestamp)) * 1000;
  const sawConnect = (payload: string, timestamp: number) => {
    if (connected === null && /(^|\x1e)40\{/.test(payload)) connected = ms(timestamp);
  };
  cdp.on('Network.requestWillBeSent', (event) => {
    if (navigationStart === null && event.type === 'Document') navigationStart = event.timestamp;
    requests.set(event.requestId, { url: event.request.url, sentAt: ms(event.timestamp) });
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = requests.get(event.requestId);
    if (request) request.type = event.type;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    const path = new URL(request.url).pathname;
    const socket = path.startsWith('/socket.io/');
    received.push({ path, kind: socket ? 'socket' : request.type === 'Script' ? 'script' : 'other', bytes: event.encodedDataLength, sentAt: request.sentAt, finishedAt: ms(event.timestamp) });
    if (socket) {
      cdp.send('Network.getResponseBody', { requestId: event.requestId }).then(
        (body) => sawConnect(body.body, event.timestamp),
        () => {},
      );
    }
  });
  cdp.on('Network.webSocketFrameReceived', (event) => {
    const at = ms(event.timestamp);
    received.push({ path: '/socket.io/ (WebSocket)', kind: 'socket', bytes: event.response.payloadData.length, sentAt: at, finishedAt: at });
    sawConnect(event.response.payloadData, event.timestamp);
  });
  return { received, connectedAt: () => connected };
}

async function throttledPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latencyMs,
    downloadThroughput: PROFILE.downBytesPerSecond,
    uploadThroughput: PROFILE.upBytesPerSecond,
  });
  return { context, page, traffic: watchTraffic(cdp) };
}

/** Milliseconds after navigation start (page clock) when the vote button can be pressed. */
async function voteUsable(page: Page): Promise<number> {
  return page
    .waitForFunction(
      (name) => {
        const ready = [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === name && !b.disabled);
        return ready ? performance.now() : false;
      },
      VOTE,
      { timeout: 60_000, polling: 'raf' },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

async function connected(traffic: Traffic): Promise<number> {
  const deadline = Date.now() + 60_000;
  while (traffic.connectedAt() === null) {
    if (Date.now() > deadline) throw new Error('the socket never connected');
    await new Promise((done) => setTimeout(done, 20));
  }
  return traffic.connectedAt()!;
}

/** CDP's events come a moment after the page's clock: wait until they have passed `at`. */
async function settle(traffic: Traffic, at: number) {
  const deadline = Date.now() + 1000;
  while (Date.now() < deadline && !traffic.received.some((r) => r.finishedAt > at)) await new Promise((done) => setTimeout(done, 50));
}

interface Run extends Totals {
  /** From opening the link (or pressing "Doe mee") until the buttons work and the socket is connected. */
  readyMs: number;
  usableMs: number;
  connectedMs: number;
}

/** The QR link: /j/<code>, cold. */
async function viaLink(browser: Browser, server: ServerProcess): Promise<Run> {
  const session = await liveSession(server);
  const { context, page, traffic } = await throttledPage(browser);
  try {
    await page.goto(`${server.url}/j/${session.code}`, { waitUntil: 'commit' });
    const [usableMs, connectedMs] = await Promise.all([voteUsable(page), connected(traffic)]);
    const readyMs = Math.max(usableMs, connectedMs);
    await settle(traffic, readyMs);
    return { ...totals(traffic, readyMs), readyMs, usableMs, connectedMs };
  } finally {
    await context.close();
    session.close();
  }
}

/** /join, cold: the page until its form works; then the code typed and sent. Times from "Doe mee". */
async function viaForm(browser: Browser, server: ServerProcess): Promise<{ page: Run; joined: Run }> {
  const session = await liveSession(server);
  const { context, page, traffic } = await throttledPage(browser);
  try {
    await page.goto(`${server.url}/join`, { waitUntil: 'commit' });
    // The form works (islands/phone/mount.tsx marks it; an Astro island loses its `ssr` attribute).
    const formMs = await page
      .waitForFunction(() => (document.querySelector('[data-live], astro-island:not([ssr])') ? performance.now() : false), null, { timeout: 60_000, polling: 'raf' })
      .then((handle) => handle.jsonValue() as Promise<number>);
    await page.waitForLoadState('networkidle');
    const joinPage: Run = { ...totals(traffic, formMs, Infinity), readyMs: formMs, usableMs: formMs, connectedMs: 0 };
    await page.getByLabel('Code').fill(session.code);
    const sentAt = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Doe mee' }).click();
    const [usableAt, connectedAt] = await Promise.all([voteUsable(page), connected(traffic)]);
    const usableMs = usableAt - sentAt;
    const connectedMs = connectedAt - sentAt;
    await settle(traffic, Math.max(usableAt, connectedAt));
    return {
      page: joinPage,
      joined: { ...totals(traffic, Math.max(usableAt, connectedAt)), readyMs: Math.max(usableMs, connectedMs), usableMs, connectedMs },
    };
  } finally {
    await context.close();
    session.close();
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

interface Verdict {
  /** Above the goal: printed, not failing. */
  missed: string[];
  /** Above the budget: fails the run. */
  over: string[];
}

function summarise(name: string, results: Run[], judged: boolean): Verdict {
  for (const [i, r] of results.entries()) {
    console.log(
      `  ${name} run ${i + 1}: ${kB(r.bytes)} ontvangen (JavaScript ${kB(r.scriptBytes)}, socket ${kB(r.socketBytes)}), knoppen bruikbaar na ${seconds(r.usableMs)}, verbonden na ${seconds(r.connectedMs)}`,
    );
  }
  const bytes = median(results.map((r) => r.bytes));
  const scriptBytes = median(results.map((r) => r.scriptBytes));
  const readyMs = median(results.map((r) => r.readyMs));
  console.log(`  ${name} mediaan: ${kB(bytes)} (JavaScript ${kB(scriptBytes)}), klaar om te stemmen na ${seconds(readyMs)}\n`);
  if (!judged) return { missed: [], over: [] };
  const above = (limits: typeof GOAL, word: string) => [
    ...(bytes > limits.bytes ? [`${name}: ${kB(bytes)} ontvangen, ${word} ${kB(limits.bytes)}`] : []),
    ...(scriptBytes > limits.scriptBytes ? [`${name}: ${kB(scriptBytes)} JavaScript, ${word} ${kB(limits.scriptBytes)}`] : []),
    ...(readyMs > limits.readyMs ? [`${name}: klaar na ${seconds(readyMs)}, ${word} ${seconds(limits.readyMs)}`] : []),
  ];
  return { missed: above(GOAL, 'doel'), over: above(BUDGET, 'grens') };
}

const browser = await chromium.launch({ executablePath: process.env.KRING_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
let server: ServerProcess | undefined;
let verdicts: Verdict[] = [];
try {
  server = await startServer({ siteDir });
  console.log(
    `Trage school: ${PROFILE.latencyMs} ms, ${(PROFILE.downBytesPerSecond * 8) / 1e6} Mbit/s down, ${(PROFILE.upBytesPerSecond * 8) / 1e6} Mbit/s up, ${PROFILE.cpuSlowdown}× CPU, lege cache.`,
  );
  console.log(`Doel: hooguit ${kB(GOAL.bytes)} ontvangen, ${kB(GOAL.scriptBytes)} JavaScript, klaar om te stemmen binnen ${seconds(GOAL.readyMs)}.`);
  console.log(`Grens in CI: ${kB(BUDGET.bytes)}, ${kB(BUDGET.scriptBytes)} JavaScript, ${seconds(BUDGET.readyMs)}.\n`);
  const links: Run[] = [];
  const forms: { page: Run; joined: Run }[] = [];
  for (let run = 0; run < runs; run++) {
    links.push(await viaLink(browser, server));
    forms.push(await viaForm(browser, server));
  }
  console.log('Wat /j/<code> laadt (laatste run):');
  for (const [file, bytes] of links.at(-1)!.files) console.log(`  ${file.padEnd(44)} ${kB(bytes).padStart(9)}`);
  console.log('');
  verdicts = [
    summarise('/j/<code>', links, true),
    summarise('/join (tot het formulier werkt)', forms.map((f) => f.page), false),
    summarise('/join + code', forms.map((f) => f.joined), true),
  ];
} finally {
  await browser.close();
  await server?.cleanup();
}
const missed = verdicts.flatMap((v) => v.missed);
const over = verdicts.flatMap((v) => v.over);
console.log(missed.length ? `Doel nog niet gehaald:\n  ${missed.join('\n  ')}` : 'Binnen het doel.');
if (over.length) {
  console.error(`Boven de grens:\n  ${over.join('\n  ')}`);
  process.exitCode = 1;
}
