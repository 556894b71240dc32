// Load benchmark: many classes answering at once, Kring beside a bare socket.io server in one run.
// This process is the load generator: it speaks Engine.IO v4 / socket.io v5 itself over raw
// WebSockets (Node's global WebSocket, one per phone), because a socket.io-client per phone costs
// so much CPU on a small machine that the generator would measure itself. The `ws` package's client
// was tried: it halves the generator's CPU in the connect storm (about 420 to 250 µs a connection),
// but in the windows it stalled the generator longer (event-loop delay max 17-20 ms against 9) and
// measured Kring's ack p99 at 2,000/s at 11.7-16.2 ms against 5.5 ms, with the same server code and
// the same server CPU per answer: the generator measured itself. In the storm this client runs most
// of a core, which the storm's row then says (GENERATOR-BOUND): the server's own CPU is the figure. Each server runs in its
// own process (load-server.ts). R rooms of P phones plus a host and a beamer per room; phones
// answer, change answers and write post-its as a Poisson process at a compressed human rhythm
// (--rate is commands a second over all phones: a phone's first command on a card is its answer,
// later ones change it or, in the ratio --post-its : --changes, add a post-it);
// hosts reveal and step to the next card every few seconds.
//
// Printed per server and as the ratio Kring / bare: connect storm, memory per phone after GC, and
// per rate: throughput, ack p50/p99/max, batched count latency (a new answer in the host's count
// within the batch interval + 50 ms), a host step on every phone, server CPU per answer, the
// server's event-loop delay (an ack tail it does not show waited elsewhere), its durable writes (how
// many group-commit batches a second and how long each took: an ack waits for its batch's), errors (must be 0), and the generator's own event-loop lag p99 and max and CPU (a run whose generator lags over
// 5 ms p99 or uses over 70% of a core is marked INVALID: it measured itself). Not part of `npm test`.
//
//   npm run bench:load -- [--rooms 200] [--phones 30] [--rate 2000[,4000,...]] [--seconds 15]
//     [--warmup 3] [--step-seconds 10] [--post-its 0.05] [--changes 0.3] [--only kring|bare|kring-2]
//     [--server-node-options='--cpu-prof --cpu-prof-dir=/tmp/kring-prof'] [--profile-dir /tmp/kring-prof]
//   --profile-dir: a profile of each server's main thread over each measured window and the connect storm only, for
//   tests/bench/profile-top.ts: CPU (<kind>-<process>-<rate>.cpuprofile) or, with --profile alloc,
//   sampled allocations, collected ones included (.alloc.heapprofile): where the GC's work comes
//   from; --profile live: what the window allocated and still holds at its end (.live.heapprofile):
//   what commands leave behind for a while, which young-generation collections copy and promote
//   one school in one room: --rooms 1 --phones 5000 --rate 500
//   kring-2: Kring as two processes on PostgreSQL and Redis (--database-url, --redis-url); each
//   room's host and beamer on one process, its phones split over both, so half of them reach the
//   room through the other process (forwarded): the worst case, without nginx keeping a room together.
//   With --sticky each room's phones go to its host's process, as deploy/nginx/kring-cluster.conf
//   does (hash by room): nothing is forwarded, the processes share only Redis and PostgreSQL.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PROTOCOL_VERSION } from '../../session-server/src/protocol/constants.ts';

const { values: args } = parseArgs({
  options: {
    rooms: { type: 'string', default: '200' },
    phones: { type: 'string', default: '30' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    'step-seconds': { type: 'string', default: '10' },
    'post-its': { type: 'string', default: '0.05' },
    changes: { type: 'string', default: '0.3' },
    only: { type: 'string' },
    'server-node-options': { type: 'string', default: '' },
    'profile-dir': { type: 'string' },
    sticky: { type: 'boolean', default: false },
    profile: { type: 'string', default: 'cpu' },
    'handshakes-in-flight': { type: 'string', default: '256' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
  },
});
const ROOMS = Number(args.rooms);
const PHONES = Number(args.phones);
const RATES = args.rate.split(',').map(Number);
const SECONDS = Number(args.seconds);
const WARMUP = Number(args.warmup);
const STEP_MS = Number(args['step-seconds']) * 1000;
const POST_IT_SHARE = Number(args['post-its']);
const CHANGE_SHARE = Number(args.changes);
const HANDSHAKES_IN_FLIGHT = Number(args['handshakes-in-flight']);
const ACK_TIMEOUT_MS = 10_000;
const BATCH_MS = 1000;
/** focusgroep's theme cards (index 1..6): each has a nooit/soms/vaak vote and a board in columns. */
const CARDS = ['discriminatie', 'online-veiligheid', 'lhbtiq', 'gelijke-kansen', 'agressie-geweld', 'seksueel-geweld'];
const CHOICES = ['nooit', 'soms', 'vaak'];

type Ack = { ok: boolean; error?: string; message?: string };

/** One client connection over the wire protocol: only what the benchmark needs. */
class WireClient {
  ws!: WebSocket;
  private acks = new Map<number, (ack: Ack) => void>();
  private nextAck = 0;
  connected = false;
  /** Called with the raw frame of every view, and its arrival time. */
  onView: (frame: string, at: number) => void = () => {};
  onClose: () => void = () => {};

  private port: number;
  private auth: Record<string, unknown>;
  private address: string;

  constructor(port: number, auth: Record<string, unknown>, address: string) {
    this.port = port;
    this.auth = auth;
    this.address = address;
  }

  /** Resolves at the first view (the server's welcome), rejects with the refusal's reason. */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve();
      };
      this.ws = new WebSocket(`ws://127.0.0.1:${this.port}/socket.io/?EIO=4&transport=websocket`, {
        headers: { 'x-forwarded-for': this.address },
      } as unknown as string[]);
      this.ws.onmessage = (event) => {
        const frame = event.data as string;
        const type = frame.charCodeAt(0);
        if (type === 50 /* '2' ping */) return this.ws.send('3');
        if (type === 48 /* '0' open */) return this.ws.send(`40${JSON.stringify(this.auth)}`);
        if (type !== 52 /* '4' message */) return;
        const packet = frame.charCodeAt(1);
        if (packet === 50 /* '2' event */) {
          // A whole view, or (host and beamer, after the first) a patch: '42["view:patch",…'.
          if (frame.startsWith('42["view')) {
            const now = performance.now();
            if (!this.connected) {
              this.connected = true;
              settle();
            }
            this.onView(frame, now);
          }
        } else if (packet === 51 /* '3' ack */) {
          const bracket = frame.indexOf('[');
          const id = Number(frame.slice(2, bracket));
          const done = this.acks.get(id);
          if (done) {
            this.acks.delete(id);
            done((JSON.parse(frame.slice(bracket)) as Ack[])[0]!);
          }
        } else if (packet === 52 /* '4' connect_error */) {
          const body = JSON.parse(frame.slice(2)) as { message?: string; data?: { reason?: string } };
          settle(new Error(body.data?.reason ?? body.message ?? 'refused'));
          this.ws.close();
        }
      };
      this.ws.onerror = () => settle(new Error('socket error'));
      this.ws.onclose = () => {
        const wasConnected = this.connected;
        this.connected = false;
        settle(new Error('closed'));
        for (const done of this.acks.values()) done({ ok: false, error: 'disconnected' });
        this.acks.clear();
        if (wasConnected) this.onClose();
      };
    });
  }

  send(command: Record<string, unknown>): Promise<Ack> {
    if (!this.connected) return Promise.resolve({ ok: false, error: 'disconnected' });
    const id = this.nextAck++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.acks.delete(id)) resolve({ ok: false, error: 'timeout' });
      }, ACK_TIMEOUT_MS);
      this.acks.set(id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      this.ws.send(`42${id}${JSON.stringify(['command', command])}`);
    });
  }

  close() {
    try {
      this.ws.close();
    } catch {
      /* already closed */
    }
  }
}

interface Phone {
  client: WireClient;
  room: Room;
  /** This phone's answer on the room's current card (null: none yet) and post-its written there. */
  choice: string | null;
  postIts: number;
  sent: number;
}

interface Room {
  index: number;
  code: string;
  host: WireClient;
  beamer: WireClient;
  phones: Phone[];
  card: number;
  /** Cards the host showed before: on a second visit it opens a new round, as a teacher asking again would. */
  visited: Set<number>;
  stepping: boolean;
  postIts: number;
  /** Ack times of new answers on the current card, in ack order; `counted` of them reached the host. */
  newAnswers: number[];
  counted: number;
  /** A host step waiting for every phone's view: when it was sent, and how many phones saw it. */
  step: { sentAt: number; seen: Set<Phone>; expected: number } | null;
}

/** Measurements of one window (one rate). */
class Window {
  acks: number[] = [];
  countLatency: number[] = [];
  stepLatency: number[] = [];
  errors = new Map<string, number>();
  refusedRace = 0;
  busyRetries = 0;
  sent = 0;
  skipped = 0;
  recording = false;

  error(kind: string) {
    if (this.recording) this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const token = () => randomBytes(16).toString('base64url').slice(0, 21);
let commandCounter = 0;
const commandId = () => `b${(commandCounter++).toString(36).padStart(9, '0')}`;
/** A made-up client address per phone (10.x.y.z): the generator is one address, phones are many. */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** The PostgreSQL schema and Redis prefix of a kring-2 run (dropped afterwards). */
const benchSchema = `kring_bench_${Date.now().toString(36)}`;

async function startServer(kind: string): Promise<{ child: ChildProcess; port: number }> {
  const execArgv = ['--expose-gc', ...(args['server-node-options'] ? args['server-node-options'].split(' ').filter(Boolean) : [])];
  const env = { ...process.env, KRING_BENCH_SCHEMA: benchSchema, KRING_BENCH_DATABASE_URL: args['database-url'], KRING_BENCH_REDIS_URL: args['redis-url'] };
  const child = fork(new URL('./load-server.ts', import.meta.url).pathname, [kind], { execArgv, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
  return { child, port };
}

interface ServerStats {
  rss: number;
  heap: number;
  cpu: NodeJS.CpuUsage;
  /** The main threads' own CPU (the rest of `cpu` is the SQLite writer thread and Node's own threads). */
  mainCpu: NodeJS.CpuUsage;
  /** The server's event-loop delay since its previous stats (ms): the worst process's. */
  loop: { p99: number; max: number };
  /** Durable writes (group-commit batches) since the previous stats, in ms: the worst process's. */
  write: { count: number; p50: number; p99: number; max: number };
  /** Young-generation collections since the previous stats (load-server.ts): all processes' together, max the worst. */
  young: { count: number; pauseMs: number; maxPauseMs: number; survivedBytes: number; allocatedBytes: number };
}
/**
 * `gc`: collect garbage first, for memory figures. Never inside a measured window: a forced full
 * GC stalls the server for 30–150 ms, and earlier runs measured exactly that as their ack p99.
 */
function oneServerStats(child: ChildProcess, gc: boolean): Promise<ServerStats> {
  return new Promise((resolve) => {
    child.once('message', (m: ServerStats) => resolve(m));
    child.send({ type: 'stats', gc });
  });
}
/** Sends `message` and waits for the answer of type `answer`. */
function ask(child: ChildProcess, message: Record<string, unknown>, answer: string): Promise<void> {
  return new Promise((resolve) => {
    const listen = (m: { type?: string }) => {
      if (m.type !== answer) return;
      child.off('message', listen);
      resolve();
    };
    child.on('message', listen);
    child.send(message);
  });
}
/** All processes of a run together. */
async function serverStats(children: ChildProcess[], options: { gc: boolean } = { gc: true }): Promise<ServerStats> {
  const all = await Promise.all(children.map((child) => oneServerStats(child, options.gc)));
  return all.reduce((sum, s) => ({
    rss: sum.rss + s.rss,
    heap: sum.heap + s.heap,
    cpu: { user: sum.cpu.user + s.cpu.user, system: sum.cpu.system + s.cpu.system },
    mainCpu: { user: sum.mainCpu.user + s.mainCpu.user, system: sum.mainCpu.system + s.mainCpu.system },
    loop: { p99: Math.max(sum.loop.p99, s.loop.p99), max: Math.max(sum.loop.max, s.loop.max) },
    write: { count: sum.write.count + s.write.count, p50: Math.max(sum.write.p50, s.write.p50), p99: Math.max(sum.write.p99, s.write.p99), max: Math.max(sum.write.max, s.write.max) },
    young: {
      count: sum.young.count + s.young.count,
      pauseMs: sum.young.pauseMs + s.young.pauseMs,
      maxPauseMs: Math.max(sum.young.maxPauseMs, s.young.maxPauseMs),
      survivedBytes: sum.young.survivedBytes + s.young.survivedBytes,
      allocatedBytes: sum.young.allocatedBytes + s.young.allocatedBytes,
    },
  }));
}

/** Runs `work` on every item with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function createRooms(port: number): Promise<{ code: string; hostKey: string; beamerKey: string }[]> {
  const created: { code: string; hostKey: string; beamerKey: string }[] = [];
  await pool(
    Array.from({ length: ROOMS }, (_, i) => i),
    8,
    async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.255.255.1' },
        body: JSON.stringify({ deckId: 'focusgroep' }),
      });
      if (res.status !== 201) throw new Error(`create room: ${res.status} ${await res.text()}`);
      created.push((await res.json()) as { code: string; hostKey: string; beamerKey: string });
    },
  );
  return created;
}

interface Result {
  kind: string;
  phones: number;
  connectMs: number;
  /** The storm's CPU (ms): the servers' (all threads), their main threads', and this generator's. */
  stormCpu: { server: number; main: number; generator: number };
  /** Durable writes (group-commit batches) during the storm. */
  stormWrites: number;
  connectErrors: Map<string, number>;
  rssPerPhone: number;
  heapPerPhone: number;
  windows: { rate: number; window: Window; seconds: number; serverCpuMs: number; serverLoop: ServerStats['loop']; serverWrite: ServerStats['write']; serverYoung: ServerStats['young']; answers: number; lagP99: number; lagMax: number; generatorCpu: number }[];
}

/** Writes each server's profile of the window that just ended as <kind>-<process>-<window>.<ext>. */
async function stopProfiles(children: ChildProcess[], kind: string, window: string) {
  const dir = args['profile-dir']!;
  mkdirSync(dir, { recursive: true });
  const extension = args.profile === 'cpu' ? 'cpuprofile' : `${args.profile}.heapprofile`;
  await Promise.all(children.map((child, n) => ask(child, { type: 'profile-stop', kind: args.profile, file: join(dir, `${kind}-${n}-${window}.${extension}`) }, 'profile-stopped')));
}

async function run(kind: string): Promise<Result> {
  const started = kind === 'kring-2' ? await Promise.all([startServer('kring-cluster'), startServer('kring-cluster')]) : [await startServer(kind)];
  const children = started.map((s) => s.child);
  const ports = started.map((s) => s.port);
  const port = ports[0]!;
  /** Each room's host and beamer on one process (rooms alternate), phones alternate over all. */
  const portOf = (n: number) => ports[n % ports.length]!;
  const auth = (role: string, code: string, extra: Record<string, unknown>) => ({ v: PROTOCOL_VERSION, role, room: code, ...extra });
  const specs = await createRooms(port);
  let current = new Window();
  const rooms: Room[] = [];
  // Hosts and beamers first (not timed), on the first card with its vote and board open.
  await pool(specs, 32, async (spec) => {
    const index = rooms.length;
    const room: Room = {
      index,
      code: spec.code,
      host: new WireClient(portOf(index), auth('host', spec.code, { key: spec.hostKey }), `10.254.${index >> 8}.${index & 255}`),
      beamer: new WireClient(portOf(index), auth('beamer', spec.code, { key: spec.beamerKey }), `10.253.${index >> 8}.${index & 255}`),
      phones: [],
      card: 0,
      visited: new Set([0]),
      stepping: false,
      postIts: 0,
      newAnswers: [],
      counted: 0,
      step: null,
    };
    rooms.push(room);
    await room.host.open();
    await room.beamer.open();
    const ack = await room.host.send({ id: commandId(), type: 'card.goto', index: 1 });
    if (!ack.ok) throw new Error(`host could not start: ${JSON.stringify(ack)}`);
    room.host.onView = (frame, at) => onHostView(room, frame, at);
  });
  function onHostView(room: Room, frame: string, at: number) {
    const [event, body] = JSON.parse(frame.slice(2)) as [string, Record<string, unknown>];
    // Kring's host gets patches after its first view (protocol/view-patch.ts); the bare server whole views.
    const view = (event === 'view:patch' ? { vote: { responded: (body as { patch?: { vote?: { p?: { responded?: { s?: number } } } } }).patch?.vote?.p?.responded?.s } } : body) as {
      vote?: { responded?: number } | null;
      responded?: number;
    };
    const responded = view.vote?.responded ?? view.responded;
    if (responded === undefined) return;
    while (room.counted < Math.min(responded, room.newAnswers.length)) {
      const ackedAt = room.newAnswers[room.counted++]!;
      if (current.recording && ackedAt > 0) current.countLatency.push(at - ackedAt);
    }
  }

  const before = await serverStats(children);
  // The connect storm: every phone at once (at most `handshakes-in-flight` opening at a time).
  let phoneNumber = 0;
  const phones: Phone[] = [];
  for (const room of rooms) {
    for (let i = 0; i < PHONES; i++) {
      const phone: Phone = {
        client: new WireClient(args.sticky ? portOf(room.index) : portOf(phoneNumber + 1), auth('participant', room.code, { token: token() }), addressOf(++phoneNumber)),
        room,
        choice: null,
        postIts: 0,
        sent: 0,
      };
      phone.client.onView = (_frame, at) => {
        const step = room.step;
        if (step && at >= step.sentAt && !step.seen.has(phone)) {
          step.seen.add(phone);
          if (step.seen.size >= step.expected) {
            if (current.recording) current.stepLatency.push(at - step.sentAt);
            room.step = null;
          }
        }
      };
      phone.client.onClose = () => current.error('disconnected');
      room.phones.push(phone);
      phones.push(phone);
    }
  }
  const connectErrors = new Map<string, number>();
  if (args['profile-dir']) await Promise.all(children.map((child) => ask(child, { type: 'profile-start', kind: args.profile }, 'profile-started')));
  const stormStart = performance.now();
  const generatorStormStart = process.cpuUsage();
  await pool(phones, HANDSHAKES_IN_FLIGHT, async (phone) => {
    try {
      await phone.client.open();
    } catch (error) {
      const reason = (error as Error).message;
      connectErrors.set(reason, (connectErrors.get(reason) ?? 0) + 1);
    }
  });
  const connectMs = performance.now() - stormStart;
  const generatorStorm = process.cpuUsage(generatorStormStart);
  const stormEnd = await serverStats(children, { gc: false });
  const stormCpu = { server: cpuMs(stormEnd.cpu) - cpuMs(before.cpu), main: cpuMs(stormEnd.mainCpu) - cpuMs(before.mainCpu), generator: cpuMs(generatorStorm) };
  if (args['profile-dir']) await stopProfiles(children, kind, 'storm');
  await sleep(1500); // the joins' batch tick
  const afterConnect = await serverStats(children);
  const connectedPhones = phones.filter((p) => p.client.connected);
  const live = connectedPhones.length;

  // Hosts step through the cards: reveal, then the next card (which opens its vote and board).
  async function step(room: Room) {
    room.stepping = true;
    const cardId = CARDS[room.card]!;
    const reveal = await room.host.send({ id: commandId(), type: 'result.reveal', cardId });
    if (!reveal.ok) current.error(`host reveal: ${reveal.error}`);
    room.card = (room.card + 1) % CARDS.length;
    room.step = { sentAt: performance.now(), seen: new Set(), expected: room.phones.filter((p) => p.client.connected).length };
    const goto = await room.host.send({ id: commandId(), type: 'card.goto', index: room.card + 1 });
    if (!goto.ok) current.error(`host step: ${goto.error}`);
    // Without a new round, a card shown again already has its result out, and revealing it again
    // is refused until enough phones answered anew (a run of six rates comes back to its first cards).
    if (room.visited.has(room.card)) {
      const round = await room.host.send({ id: commandId(), type: 'vote.newRound', cardId: CARDS[room.card]! });
      if (!round.ok && round.error !== 'conflict') current.error(`host new round: ${round.error}`);
    }
    room.visited.add(room.card);
    for (const phone of room.phones) {
      phone.choice = null;
      phone.postIts = 0;
    }
    room.postIts = 0;
    room.newAnswers = [];
    room.counted = 0;
    room.stepping = false;
  }
  const stepTimers = rooms.map((room) =>
    setTimeout(function again() {
      void step(room).finally(() => stepTimers[room.index] = setTimeout(again, STEP_MS));
    }, Math.random() * STEP_MS),
  );

  // One phone's action: a first answer, an answer change, or a post-it.
  function act(phone: Phone) {
    const room = phone.room;
    const window = current;
    if (room.stepping || !phone.client.connected) return void window.skipped++;
    const cardId = CARDS[room.card]!;
    let command: Record<string, unknown>;
    let isNew = false;
    const roll = Math.random();
    if (phone.choice === null) {
      phone.choice = CHOICES[Math.floor(Math.random() * 3)]!;
      command = { type: 'vote.cast', cardId, choice: phone.choice };
      isNew = true;
    } else if (roll < POST_IT_SHARE / (POST_IT_SHARE + CHANGE_SHARE) && phone.postIts < 5 && room.postIts < 390) {
      phone.postIts++;
      room.postIts++;
      command = { type: 'postIt.add', cardId, text: `Bericht ${commandCounter} over wat hier speelt op school`, columnId: CHOICES[Math.floor(Math.random() * 3)] };
    } else {
      // A phone that already answered changes its mind (or, more rarely, writes a post-it).
      phone.choice = CHOICES[(CHOICES.indexOf(phone.choice) + 1) % 3]!;
      command = { type: 'vote.cast', cardId, choice: phone.choice };
    }
    command.id = commandId();
    const card = room.card;
    const sentAt = performance.now();
    const recording = window.recording;
    window.sent++;
    const attempt = (): Promise<void> =>
      phone.client.send(command).then((ack) => {
        if (!ack.ok && ack.error === 'busy') {
          window.busyRetries++;
          return sleep(50 + Math.random() * 200).then(attempt);
        }
        const at = performance.now();
        if (recording) window.acks.push(at - sentAt);
        if (ack.ok) {
          if (isNew && room.card === card) room.newAnswers.push(recording ? at : -1);
        } else if ((ack.error === 'conflict' || ack.error === 'closed') && room.card !== card) window.refusedRace++;
        else if (ack.error === 'limit' && command.type === 'postIt.add') window.refusedRace++;
        else if (recording) window.error(`ack ${ack.error}`);
      });
    void attempt();
  }

  const lag = monitorEventLoopDelay({ resolution: 1 });
  const windows: Result['windows'] = [];
  for (const rate of RATES) {
    // The generator's own full collection, here and not inside a window: after the bare server's
    // run it carries that run's garbage, and one stall of 100-150 ms in a window of the second
    // server would be the worst 300 of its acks (its ack p99 at 2,000/s) while hardly moving the
    // generator's lag p99; the lag max, printed with it, shows such a stall.
    collectGeneratorGarbage();
    // Poisson arrivals over all phones together, drawn every 2 ms.
    let nextAt = performance.now();
    const driver = setInterval(() => {
      const now = performance.now();
      while (nextAt <= now) {
        act(connectedPhones[Math.floor(Math.random() * connectedPhones.length)]!);
        nextAt += -Math.log(1 - Math.random()) * (1000 / rate);
      }
    }, 2);
    current = new Window();
    await sleep(WARMUP * 1000);
    current.recording = true;
    if (args['profile-dir']) await Promise.all(children.map((child) => ask(child, { type: 'profile-start', kind: args.profile }, 'profile-started')));
    const start = await serverStats(children, { gc: false });
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    lag.reset();
    lag.enable();
    await sleep(SECONDS * 1000);
    lag.disable();
    const wall = performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuStart);
    const end = await serverStats(children, { gc: false });
    current.recording = false;
    if (args['profile-dir']) await stopProfiles(children, kind, String(rate));
    clearInterval(driver);
    await sleep(1500); // let the last acks and counts arrive before the next window
    windows.push({
      rate,
      window: current,
      seconds: wall / 1000,
      serverCpuMs: cpuMs(end.cpu) - cpuMs(start.cpu),
      serverLoop: end.loop,
      serverWrite: end.write,
      serverYoung: end.young,
      answers: current.acks.length,
      lagP99: lag.percentile(99) / 1e6,
      lagMax: lag.max / 1e6,
      generatorCpu: (cpu.user + cpu.system) / 1000 / wall,
    });
  }
  for (const timer of stepTimers) clearTimeout(timer);
  for (const phone of phones) phone.client.close();
  for (const room of rooms) {
    room.host.close();
    room.beamer.close();
  }
  await Promise.all(
    children.map((child) => {
      const exited = new Promise((done) => child.once('exit', done));
      child.send({ type: 'stop' });
      return exited;
    }),
  );
  if (kind === 'kring-2') await dropBenchSchema();
  return {
    kind,
    phones: live,
    connectMs,
    stormCpu,
    stormWrites: stormEnd.write.count,
    connectErrors,
    rssPerPhone: (afterConnect.rss - before.rss) / Math.max(1, live),
    heapPerPhone: (afterConnect.heap - before.heap) / Math.max(1, live),
    windows,
  };
}

async function dropBenchSchema() {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: args['database-url'] });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${benchSchema}" CASCADE`);
  await admin.end();
}

/** A window whose generator lagged over 5 ms p99 or used over 70% of a core measured itself. */
/** A full garbage collection of this process (gc is not exposed without --expose-gc; this exposes it). */
function collectGeneratorGarbage() {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const isValid = (w: Result['windows'][number]) => w.lagP99 <= 5 && w.generatorCpu <= 0.7;

function rows(result: Result): Map<string, [number | string, string]> {
  const out = new Map<string, [number | string, string]>();
  const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  out.set('phones connected', [result.phones, String(result.phones)]);
  out.set('connect storm (s)', [result.connectMs / 1000, f(result.connectMs / 1000, 2)]);
  const { server, main, generator } = result.stormCpu;
  // A storm in which the generator used most of a core measured the generator too (as a window's
  // 70% rule says): then the server's own CPU is the figure to compare.
  const generatorShare = (generator / result.connectMs) * 100;
  out.set('storm CPU (s): server all threads / main; generator (% of a core)', [server / 1000, `${f(server / 1000, 2)} / ${f(main / 1000, 2)}; ${f(generator / 1000, 2)} (${f(generatorShare, 0)}%${generatorShare > 70 ? ' GENERATOR-BOUND' : ''})`]);
  out.set('storm durable writes', [result.stormWrites, String(result.stormWrites)]);
  const refused = [...result.connectErrors].map(([k, v]) => `${k}:${v}`).join(' ') || '0';
  out.set('connect refusals', [refused, refused]);
  out.set('RSS per phone (KB)', [result.rssPerPhone / 1024, f(result.rssPerPhone / 1024)]);
  out.set('heap per phone (KB)', [result.heapPerPhone / 1024, f(result.heapPerPhone / 1024)]);
  // The goal's figure: the highest rate up to which every rate run held, each with acks within
  // 50 ms p99, nothing lost (no errors) and a generator that kept up (valid). A rate that held
  // above one that did not is luck, not capacity (one run held 8,000/s after 6,000/s failed).
  const holds = (w: Result['windows'][number]) => percentile([...w.window.acks].sort((a, b) => a - b), 99) <= 50 && !w.window.errors.size && isValid(w);
  let highest = 0;
  for (const w of [...result.windows].sort((a, b) => a.rate - b.rate)) {
    if (!holds(w)) break;
    highest = w.rate;
  }
  out.set('highest rate with ack p99 ≤ 50 ms (/s)', [highest, highest ? String(highest) : 'none']);
  for (const w of result.windows) {
    const acks = [...w.window.acks].sort((a, b) => a - b);
    const counts = [...w.window.countLatency].sort((a, b) => a - b);
    const steps = [...w.window.stepLatency].sort((a, b) => a - b);
    const errors = [...w.window.errors].map(([k, v]) => `${k}:${v}`).join(' ') || '0';
    const p = `@${w.rate}/s`;
    out.set(`${p} acked /s`, [w.answers / w.seconds, f(w.answers / w.seconds, 0)]);
    out.set(`${p} ack p50 (ms)`, [percentile(acks, 50), f(percentile(acks, 50), 2)]);
    out.set(`${p} ack p99 (ms)`, [percentile(acks, 99), f(percentile(acks, 99), 2)]);
    out.set(`${p} ack max (ms)`, [acks.at(-1) ?? NaN, f(acks.at(-1) ?? NaN, 0)]);
    const within = counts.filter((c) => c <= BATCH_MS + 50).length / Math.max(1, counts.length);
    out.set(`${p} count p99 (ms)`, [percentile(counts, 99), f(percentile(counts, 99), 0)]);
    out.set(`${p} counts ≤ ${BATCH_MS + 50} ms`, [within * 100, `${f(within * 100, 1)}% of ${counts.length}`]);
    out.set(`${p} host step on all phones p50/max (ms)`, [percentile(steps, 50), `${f(percentile(steps, 50), 0)} / ${f(steps.at(-1) ?? NaN, 0)} (${steps.length})`]);
    out.set(`${p} server CPU (% of a core)`, [(w.serverCpuMs / (w.seconds * 1000)) * 100, f((w.serverCpuMs / (w.seconds * 1000)) * 100, 0)]);
    out.set(`${p} server event-loop delay p99 / max (ms)`, [w.serverLoop.max, `${f(w.serverLoop.p99, 1)} / ${f(w.serverLoop.max, 0)}`]);
    const write = w.serverWrite;
    out.set(`${p} durable writes /s, p50 / p99 / max (ms)`, [write.p99, write.count ? `${f(write.count / w.seconds, 0)}, ${f(write.p50, 1)} / ${f(write.p99, 1)} / ${f(write.max, 0)}` : '–']);
    const young = w.serverYoung;
    out.set(`${p} young GCs /s, pause mean / max (ms)`, [young.count / w.seconds, young.count ? `${f(young.count / w.seconds, 2)}, ${f(young.pauseMs / young.count, 1)} / ${f(young.maxPauseMs, 1)}` : '0']);
    out.set(`${p} allocated per answer (KB), left per young GC (MB)`, [young.allocatedBytes / Math.max(1, w.answers) / 1024, `${f(young.allocatedBytes / Math.max(1, w.answers) / 1024, 1)}, ${young.count ? f(young.survivedBytes / young.count / 2 ** 20, 2) : '–'}`]);
    out.set(`${p} CPU per answer (µs)`, [(w.serverCpuMs * 1000) / Math.max(1, w.answers), f((w.serverCpuMs * 1000) / Math.max(1, w.answers), 0)]);
    out.set(`${p} errors`, [errors, errors]);
    out.set(`${p} refused by a card change / cap`, [w.window.refusedRace, String(w.window.refusedRace)]);
    out.set(`${p} busy, retried`, [w.window.busyRetries, String(w.window.busyRetries)]);
    const valid = isValid(w);
    out.set(`${p} generator lag p99 / max, CPU`, [0, `${f(w.lagP99, 1)} / ${f(w.lagMax, 0)} ms, ${f(w.generatorCpu * 100, 0)}%${valid ? '' : ' INVALID'}`]);
  }
  return out;
}

const kinds = args.only ? [args.only] : ['bare', 'kring'];
const results: Result[] = [];
for (const kind of kinds) results.push(await run(kind));
const tables = results.map(rows);
const names = [...tables[0]!.keys()];
const width = Math.max(...names.map((n) => n.length)) + 2;
console.log(`\nload: ${ROOMS} rooms × ${PHONES} phones (+ host and beamer), rates ${RATES.join(', ')}/s, ${SECONDS} s each after ${WARMUP} s warm-up, host step every ${STEP_MS / 1000} s`);
console.log(`${''.padEnd(width)}${kinds.map((k) => k.padStart(26)).join('')}${kinds.length === 2 ? 'kring/bare'.padStart(14) : ''}`);
for (const name of names) {
  const cells = tables.map((t) => t.get(name)!);
  const ratio = cells.length === 2 && typeof cells[0]![0] === 'number' && typeof cells[1]![0] === 'number' && cells[0]![0] !== 0 ? (cells[1]![0] / cells[0]![0]).toFixed(2) : '';
  console.log(`${name.padEnd(width)}${cells.map((c) => c[1].padStart(26)).join('')}${ratio.padStart(14)}`);
}
process.exit(0);
