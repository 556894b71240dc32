// Flood benchmark: does one phone flooding the server slow down everyone else's answers?
// Starts a real server on loopback, a room with a host and 30 phones that each cast 2 votes a second
// (alternating choices) and measures every acknowledgement. Once without a flood, once with one
// attacking phone in the same room that floods votes and post-its without waiting for answers, over
// its own socket plus 3 more on the same token. Each run gets a fresh server and a warm-up.
// Prints p50/p95/p99/max for both runs, the p99 ratio (the issue asks for at most 2), what the
// attacker got, and the server's CPU and memory. Not part of `npm test`.
//
//   node tests/bench/flood.ts [--phones 30] [--rate 2] [--seconds 20] [--warmup 3] [--flood-rate 0] [--reconnect]
//     --flood-rate: the attacker's commands a second (0: as fast as its sockets take them)
//     [--server-node-options='--cpu-prof --cpu-prof-dir=/tmp/kring-prof']   (to see where the time goes)
import './protocol-paths.ts';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import { nanoid } from 'nanoid';
import { PROTOCOL_VERSION } from '../../session-server/src/protocol/constants.ts';
import type { CommandAck } from '../../session-server/src/protocol/commands.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';


const ACK_TIMEOUT_MS = 10_000;

interface AttackerData {
  url: string;
  code: string;
  cardId: string;
  columnId: string;
  /** Commands a second; 0 for as fast as the sockets take them. */
  rate: number;
  /** Open a closed socket again at once, as a script would (with the same token). */
  reconnect: boolean;
}
interface AttackerReport {
  sent: number;
  answers: Record<string, number>;
  kicked: number;
  /** Connections opened again after the server closed one, and how many of those it refused. */
  reopened: number;
  reopenRefused: number;
}

if (!isMainThread) await attack(workerData as AttackerData);
else await main();

async function main() {
  const { values } = parseArgs({
    options: {
      phones: { type: 'string', default: '30' },
      rate: { type: 'string', default: '2' },
      seconds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      'flood-rate': { type: 'string', default: '0' },
      reconnect: { type: 'boolean', default: false },
      'server-node-options': { type: 'string', default: '' },
    },
  });
  const settings: Settings = {
    phones: Number(values.phones),
    rate: Number(values.rate),
    seconds: Number(values.seconds),
    warmup: Number(values.warmup),
    floodRate: Number(values['flood-rate']),
    reconnect: values.reconnect,
    serverNodeOptions: values['server-node-options'],
  };
  console.log(
    `flood benchmark: ${settings.phones} phones × ${settings.rate} votes/s for ${settings.seconds} s (after ${settings.warmup} s warm-up), ` +
      `attacker ${settings.floodRate ? `${settings.floodRate} commands/s` : 'as fast as it can'}, loopback`,
  );

  const quiet = await run(settings, false);
  report('without flood', quiet);
  const flooded = await run(settings, true);
  report('with flood', flooded);

  const ratio = flooded.stats.p99 / quiet.stats.p99;
  console.log(`\np99 ratio (flood / no flood): ${ratio.toFixed(2)} ${ratio <= 2 ? '(within 2×)' : '(NOT within 2×)'}`);
  console.log(
    JSON.stringify({
      quiet: { ...quiet.stats, timeouts: quiet.timeouts, refused: quiet.refused },
      flooded: { ...flooded.stats, timeouts: flooded.timeouts, refused: flooded.refused },
      ratio: Number(ratio.toFixed(3)),
      attacker: flooded.attacker,
      server: { quiet: quiet.server, flooded: flooded.server },
    }),
  );
  process.exit(0);
}

interface Settings {
  phones: number;
  rate: number;
  seconds: number;
  warmup: number;
  floodRate: number;
  reconnect: boolean;
  serverNodeOptions: string;
}

interface RunResult {
  stats: Stats;
  /** Votes without an answer within ACK_TIMEOUT_MS (counted in the stats as that long). */
  timeouts: number;
  /** Votes answered with a refusal (none expected), by error code. */
  refused: Record<string, number>;
  server: ServerUse;
  attacker?: AttackerReport;
}

async function run(settings: Settings, withFlood: boolean): Promise<RunResult> {
  const { connectHost, connectPhone, createRoom } = await import('../support/clients.ts');
  const env: Record<string, string> = { KRING_ROOMS_PER_HOUR: '1000' };
  if (settings.serverNodeOptions) env.NODE_OPTIONS = settings.serverNodeOptions;
  const server = await startServer({ env });
  try {
    const room = await createRoom(server.url, { deckId: 'focusgroep', expectedGroupSize: settings.phones + 5 });
    const host = await connectHost(server.url, room);
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    const phones = await Promise.all(Array.from({ length: settings.phones }, () => connectPhone(server.url, room)));

    let worker: Worker | undefined;
    let attacker: Promise<AttackerReport> | undefined;
    if (withFlood) {
      worker = new Worker(new URL(import.meta.url), {
        workerData: { url: server.url, code: room.code, cardId, columnId: 'soms', rate: settings.floodRate, reconnect: settings.reconnect } satisfies AttackerData,
      });
      attacker = new Promise((resolve) => worker!.once('message', resolve));
      await new Promise((ready) => worker!.once('online', ready));
    }

    await steadyVotes(phones.map((p) => p.socket), cardId, settings.rate, settings.warmup * 1000);
    const before = serverUse(server);
    const latencies = await steadyVotes(phones.map((p) => p.socket), cardId, settings.rate, settings.seconds * 1000);
    const { ticks: _ticks, at: _at, ...use } = serverUse(server, before);

    let attackerReport: AttackerReport | undefined;
    if (worker) {
      worker.postMessage('stop');
      attackerReport = await attacker;
      await worker.terminate();
    }
    for (const p of phones) p.close();
    host.close();
    // A vote that got no answer within the timeout counts as taking the whole timeout.
    const timed = latencies.map((l) => (l === 'timeout' ? ACK_TIMEOUT_MS : l)).filter((l): l is number => typeof l === 'number');
    return {
      stats: stats(timed),
      timeouts: latencies.filter((l) => l === 'timeout').length,
      refused: latencies.reduce<Record<string, number>>((all, l) => (typeof l === 'string' && l !== 'timeout' ? { ...all, [l]: (all[l] ?? 0) + 1 } : all), {}),
      server: use,
      attacker: attackerReport,
    };
  } finally {
    // A clean stop (SIGINT), so a --cpu-prof profile gets written.
    await server.kill('SIGINT');
    await server.cleanup();
  }
}

/**
 * Each phone casts `rate` votes a second for `durationMs`, on a fixed schedule spread evenly over
 * the phones (open loop: a slow answer does not delay the next vote). Returns each vote's
 * acknowledgement time in ms, or the refusal/timeout as a string.
 */
async function steadyVotes(sockets: Socket[], cardId: string, rate: number, durationMs: number): Promise<(number | string)[]> {
  const interval = 1000 / rate;
  const start = performance.now();
  const pending: Promise<number | string>[] = [];
  await Promise.all(
    sockets.map(async (socket, i) => {
      await sleep((interval / sockets.length) * i);
      for (let n = 0; performance.now() - start < durationMs; n++) {
        const sent = performance.now();
        pending.push(
          socket
            .timeout(ACK_TIMEOUT_MS)
            .emitWithAck('command', { id: nanoid(), type: 'vote.cast', cardId, choice: n % 2 ? 'nooit' : 'soms' })
            .then(
              (ack: CommandAck) => (ack.ok ? performance.now() - sent : ack.error),
              () => 'timeout',
            ),
        );
        // Schedule against the start, so timer drift does not lower the rate.
        const next = start + (interval / sockets.length) * i + interval * (n + 1);
        await sleep(Math.max(0, next - performance.now()));
      }
    }),
  );
  return Promise.all(pending);
}

/** The attacking phone, in a worker so its loop does not slow down the measuring phones' event loop. */
async function attack({ url, code, cardId, columnId, rate, reconnect }: AttackerData) {
  const token = nanoid();
  const result: AttackerReport = { sent: 0, answers: {}, kicked: 0, reopened: 0, reopenRefused: 0 };
  let running = true;
  parentPort!.once('message', () => (running = false));
  const open = () =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(url, { auth: { v: PROTOCOL_VERSION, role: 'participant', room: code, token }, transports: ['websocket'], forceNew: true, reconnection: false });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
      socket.on('disconnect', (reason) => reason === 'io server disconnect' && result.kicked++);
    });
  // Its own socket plus 3 more on the same token: the server keeps 3 and closes the oldest.
  const sockets: Socket[] = [];
  for (let i = 0; i < 4; i++) sockets.push(await open());
  // With --reconnect, every socket the server closes is opened again at once, and again after
  // each refusal: the handshake itself becomes the flood.
  if (reconnect) {
    const reopen = async (slot: number): Promise<void> => {
      while (running) {
        result.reopened++;
        try {
          const socket = await open();
          sockets[slot] = socket;
          socket.once('disconnect', () => void reopen(slot));
          return;
        } catch {
          result.reopenRefused++;
        }
      }
    };
    sockets.forEach((socket, slot) => socket.once('disconnect', () => void reopen(slot)));
  }
  const count = (ack: CommandAck) => {
    const key = ack.ok ? 'ok' : ack.error;
    result.answers[key] = (result.answers[key] ?? 0) + 1;
  };
  let n = 0;
  const start = performance.now();
  while (running) {
    for (const socket of sockets) {
      if (!socket.connected) continue;
      // As fast as the socket takes them: keep its send buffer topped up, never wait for an answer.
      // With a rate, only as many as the rate allows by now.
      const buffered = (socket.io.engine as unknown as { writeBuffer: unknown[] }).writeBuffer.length;
      const due = rate ? Math.min(64, Math.floor(((performance.now() - start) / 1000) * rate) - n) : 64 - buffered;
      for (let k = 0; k < due; k++, n++) {
        const command =
          n % 2
            ? { id: nanoid(), type: 'vote.cast', cardId, choice: n % 4 === 1 ? 'vaak' : 'nooit' }
            : { id: nanoid(), type: 'postIt.add', cardId, columnId, text: `Flood ${n}` };
        socket.emit('command', command, count);
        result.sent++;
      }
    }
    await new Promise((next) => setImmediate(next));
  }
  // Answers still on their way are counted for a moment, then the worker reports.
  await sleep(500);
  for (const socket of sockets) socket.close();
  parentPort!.postMessage(result);
}

interface Stats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  const round = (ms: number) => Number(ms.toFixed(2));
  return { count: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? NaN) };
}

interface ServerUse {
  /** Share of one core the server used during the measurement. */
  cpu: number;
  rssMB: number;
  peakRssMB: number;
}

/** CPU time and memory of the server process from /proc (Linux); zeros elsewhere. */
function serverUse(server: ServerProcess, since?: { ticks: number; at: number }): ServerUse & { ticks: number; at: number } {
  const at = performance.now();
  try {
    const stat = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8');
    // Fields after the command name (which is in parentheses and may hold spaces): utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    // Linux counts CPU time in 1/100 s (USER_HZ) on every common platform.
    const cpu = since ? (ticks - since.ticks) / 100 / ((at - since.at) / 1000) : 0;
    return { cpu: Number(cpu.toFixed(2)), rssMB: Math.round(kb('VmRSS') / 1024), peakRssMB: Math.round(kb('VmHWM') / 1024), ticks, at };
  } catch {
    return { cpu: 0, rssMB: 0, peakRssMB: 0, ticks: 0, at };
  }
}

function report(name: string, result: RunResult) {
  const { stats: s, server: cpu } = result;
  console.log(
    `\n${name}: ${s.count} votes, p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms, max ${s.max} ms; ` +
      `${result.timeouts} timed out, refused ${JSON.stringify(result.refused)}; server CPU ${Math.round(cpu.cpu * 100)}% of a core, RSS ${cpu.rssMB} MB (peak ${cpu.peakRssMB} MB)`,
  );
  if (result.attacker) {
    const { sent, answers, kicked } = result.attacker;
    const { reopened, reopenRefused } = result.attacker;
    console.log(`attacker: ${sent} commands sent, answers ${JSON.stringify(answers)}, ${kicked} of its sockets closed by the server`);
    if (reopened) console.log(`attacker: ${reopened} connections opened again, ${reopenRefused} of them refused`);
  }
}

function sleep(ms: number) {
  return new Promise<void>((done) => setTimeout(done, ms));
}
