// The server side of the load benchmark (tests/bench/load.ts forks this): either Kring as main.ts
// wires it (SQLite on a temporary folder, synchronous=FULL), or a bare socket.io server that does
// the least a voting server must (answer in, ack, counts to the room's host once a second, a host
// command to every phone). Both answer the parent over IPC with memory after GC and CPU time, so
// the figures are the server's own and not the generator's.
//
// kring-cluster: one of several Kring processes on PostgreSQL and Redis (load.ts --only kring-2).
//
//   node --expose-gc tests/bench/load-server.ts kring|kring-cluster|bare   (started by load.ts, not by hand)
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { GCProfiler } from 'node:v8';
import { Session } from 'node:inspector/promises';
import { createHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from 'socket.io';
import type { RoomStore } from '../../session-server/src/storage/room-store.ts';

const kind = process.argv[2];
const httpServer = createServer();
let close: () => Promise<void> = async () => {};
// How long each durable write took (the group commit's appendBatch, from call to commit), in µs:
// an ack waits for its batch's write, so a tail here that the event loop does not show was the disk.
const writes = createHistogram();
function timeWrites(store: RoomStore): RoomStore {
  const appendBatch = store.appendBatch.bind(store);
  store.appendBatch = async (entries) => {
    const start = performance.now();
    try {
      await appendBatch(entries);
    } finally {
      writes.record(Math.max(1, Math.round((performance.now() - start) * 1000)));
    }
  };
  return store;
}
const dataDir = mkdtempSync(join(tmpdir(), 'kring-load-'));

if (kind === 'kring') {
  const root = resolve(import.meta.dirname, '../..');
  const { loadDecks } = await import('../../session-server/src/server/decks.ts');
  const { openSqliteStore } = await import('../../session-server/src/storage/sqlite-store.ts');
  const { createApplication } = await import('../../session-server/src/server/create-application.ts');
  const store = timeWrites(openSqliteStore(join(dataDir, 'kring.sqlite')));
  const app = createApplication(httpServer, {
    store,
    decks: loadDecks(join(root, 'decks')),
    siteDir: join(dataDir, 'site'),
    // Each simulated phone sends its own X-Forwarded-For: the generator is one address, a school is many.
    access: { publicUrl: null, allowedOrigins: [], trustProxy: 1, roomsPerHour: 1_000_000, siteServerUrl: null, port: null },
  });
  close = () => app.close();
} else if (kind === 'kring-cluster') {
  // One of several Kring processes on PostgreSQL and Redis (load.ts --only kring-2 starts two),
  // wired as main.ts does with DATABASE_URL and REDIS_URL, in the schema and Redis prefix load.ts names.
  const root = resolve(import.meta.dirname, '../..');
  const { loadDecks } = await import('../../session-server/src/server/decks.ts');
  const { openPostgresStore } = await import('../../session-server/src/storage/postgres-store.ts');
  const { openCluster } = await import('../../session-server/src/server/cluster/cluster.ts');
  const { createApplication } = await import('../../session-server/src/server/create-application.ts');
  const schema = process.env.KRING_BENCH_SCHEMA!;
  const databaseUrl = process.env.KRING_BENCH_DATABASE_URL!;
  const store = timeWrites(await openPostgresStore({ connectionString: databaseUrl, schema }));
  const cluster = await openCluster({
    redisUrl: process.env.KRING_BENCH_REDIS_URL!,
    databaseUrl,
    schema,
    prefix: schema,
    leaseTtlMs: 3000,
    leaseRenewMs: 1000,
    callTimeoutMs: 2000,
  });
  const app = createApplication(httpServer, {
    store,
    decks: loadDecks(join(root, 'decks')),
    siteDir: join(dataDir, 'site'),
    access: { publicUrl: null, allowedOrigins: [], trustProxy: 1, roomsPerHour: 1_000_000, siteServerUrl: null, port: null },
    cluster,
  });
  close = () => app.close();
} else if (kind === 'bare') {
  const io = new Server(httpServer, { serveClient: false });
  const rooms = new Map<string, { answers: Map<string, string>; dirty: boolean; card: number }>();
  let created = 0;
  httpServer.on('request', (req, res) => {
    if (req.url === '/api/rooms' && req.method === 'POST') {
      req.resume();
      const code = `R${String(created++).padStart(5, '0')}`;
      rooms.set(code, { answers: new Map(), dirty: false, card: 1 });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ code, hostKey: 'h'.repeat(32), beamerKey: 'b'.repeat(32) }));
    } else res.writeHead(404).end();
  });
  io.use((socket, next) => {
    const auth = socket.handshake.auth as { room?: string; role?: string; token?: string };
    if (!auth.room || !rooms.has(auth.room)) return next(Object.assign(new Error('unknown-room'), { data: { reason: 'unknown-room' } }));
    socket.data = { room: auth.room, role: auth.role, token: auth.token ?? null };
    next();
  });
  io.on('connection', (socket) => {
    const { room: code, role, token } = socket.data as { room: string; role: string; token: string | null };
    const room = rooms.get(code)!;
    void socket.join([code, `${code}:${role}`]);
    socket.emit('view', { role, card: room.card, responded: room.answers.size });
    socket.on('command', (command: { type?: string; choice?: string; index?: number }, ack: (a: unknown) => void) => {
      if (typeof ack !== 'function') return;
      if (role === 'participant' && token) {
        if (command.type === 'vote.cast') room.answers.set(token, command.choice ?? '');
        room.dirty = true;
        return ack({ ok: true });
      }
      if (role === 'host') {
        if (command.type === 'card.goto') {
          room.card = command.index ?? 0;
          room.answers.clear();
        }
        ack({ ok: true });
        io.to(code).emit('view', { role: 'participant', card: room.card });
      }
    });
  });
  // Counts reach the host once a second, as Kring's batch does.
  setInterval(() => {
    for (const [code, room] of rooms) {
      if (!room.dirty) continue;
      room.dirty = false;
      io.to(`${code}:host`).emit('view', { role: 'host', card: room.card, responded: room.answers.size });
    }
  }, 1000).unref();
  close = async () => void (await io.close());
} else {
  throw new Error('usage: load-server.ts kring|kring-cluster|bare');
}

// The event loop's own delay between two stats calls (a window): a tail in the acks that shows
// here was the main thread (GC, a long task); one that does not, waited elsewhere (the disk).
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

// The collections since the previous stats call, from V8's own record of each: how often the young
// generation was collected, how long each took, and how much the program allocated meanwhile. The
// ack tail at 2,000/s is those pauses; their rate follows the bytes allocated per answer and their
// length the bytes that survive, so these figures say whether a change helped without needing
// ten runs of a noisy p99.
let collections = new GCProfiler();
collections.start();
let heapAtStats = process.memoryUsage().heapUsed;
function collectionStats() {
  const { statistics } = collections.stop();
  collections = new GCProfiler();
  collections.start();
  const young = statistics.filter((s) => s.gcType === 'Scavenge' || s.gcType === 'MinorMarkSweep');
  let allocated = 0;
  let usedAfter = heapAtStats;
  for (const s of statistics) {
    allocated += Math.max(0, s.beforeGC.heapStatistics.usedHeapSize - usedAfter);
    usedAfter = s.afterGC.heapStatistics.usedHeapSize;
  }
  const used = process.memoryUsage().heapUsed;
  allocated += Math.max(0, used - usedAfter);
  heapAtStats = used;
  const newSpace = (s: (typeof statistics)[number]) => s.afterGC.heapSpaceStatistics.find((space) => space.spaceName === 'new_space')?.spaceUsedSize ?? 0;
  return {
    count: young.length,
    // `cost` is in microseconds.
    pauseMs: young.reduce((sum, s) => sum + s.cost, 0) / 1000,
    maxPauseMs: Math.max(0, ...young.map((s) => s.cost)) / 1000,
    survivedBytes: young.reduce((sum, s) => sum + newSpace(s), 0),
    allocatedBytes: allocated,
  };
}

let profiler: Session | null = null;
const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (message: { type: string; gc?: boolean }) => {
  if (message.type === 'stats') {
    const young = collectionStats();
    if (message.gc !== false) {
      gc?.();
      gc?.();
      collectionStats(); // the forced collections are not the program's: the next window starts here
    }
    const memory = process.memoryUsage();
    const loop = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
    loopDelay.reset();
    const write = { count: writes.count, p50: writes.percentile(50) / 1000, p99: writes.percentile(99) / 1000, max: writes.max / 1000 };
    writes.reset();
    process.send!({ type: 'stats', rss: memory.rss, heap: memory.heapUsed, cpu: process.cpuUsage(), mainCpu: process.threadCpuUsage(), loop, write, young });
  } else if (message.type === 'profile-start') {
    // A profile of the measured window only (load.ts --profile-dir): --cpu-prof would also hold
    // the connect storm and the warm-up, and smear the per-answer costs over them. 'alloc' samples
    // every allocation, collected ones included: where the garbage collector's work comes from.
    // 'live' keeps only what was allocated in the window and is still alive at its end: what a
    // phone's command leaves behind for a while (the rate of such objects times how long they live),
    // which is what young-generation collections copy and promote. (V8 has no "promoted only"
    // mode: leaving out what minor collections took still keeps everything a full collection
    // found dead in the young generation, so such a profile mostly repeats the allocation profile.)
    const kind = (message as { kind?: string }).kind;
    profiler = new Session();
    profiler.connect();
    const started = kind === 'alloc' || kind === 'live'
      ? profiler.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: kind === 'alloc', includeObjectsCollectedByMinorGC: kind === 'alloc' })
      : profiler.post('Profiler.enable').then(() => profiler!.post('Profiler.start'));
    void started.then(() => process.send!({ type: 'profile-started' }));
  } else if (message.type === 'profile-stop') {
    const { kind, file } = message as { kind?: string; file?: string };
    const stopped = kind === 'alloc' || kind === 'live' ? profiler!.post('HeapProfiler.stopSampling') : profiler!.post('Profiler.stop');
    void stopped.then((result) => {
      writeFileSync(file!, JSON.stringify('profile' in result ? result.profile : result));
      profiler!.disconnect();
      profiler = null;
      process.send!({ type: 'profile-stopped' });
    });
  } else if (message.type === 'stop') {
    void close()
      .catch(() => {})
      .finally(() => {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
  }
});
httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  process.send!({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});
