// Store benchmark: what one durable append costs on the embedded SQLite store and on PostgreSQL,
// and what a group commit (appendBatch) saves on each. Every figure is a committed, durable write.
// Three runs per store: appends one after another (one room's queue), appends from many rooms at
// once (many queues), and batches of many rooms' commands in one transaction. Not part of `npm test`.
//
//   node tests/bench/store-append.ts [--appends 400] [--rooms 50] [--batch 100] [--batches 40]
//     PostgreSQL: KRING_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a
//     schema of its own that is dropped afterwards; without PostgreSQL only SQLite runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { RoomEvent } from '../../session-server/src/room/state.ts';
import type { RoomStore } from '../../session-server/src/storage/room-store.ts';
import { openSqliteStore } from '../../session-server/src/storage/sqlite-store.ts';
import { openPostgresStore } from '../../session-server/src/storage/postgres-store.ts';
import { newJoinCode, newParticipantKey } from '../../session-server/src/server/secrets.ts';
import { TEST_DATABASE_URL, requireService, uniqueSchema } from '../support/services.ts';

const { values } = parseArgs({
  options: { appends: { type: 'string', default: '400' }, rooms: { type: 'string', default: '50' }, batch: { type: 'string', default: '100' }, batches: { type: 'string', default: '40' } },
});
const APPENDS = Number(values.appends);
const ROOMS = Number(values.rooms);
const BATCH = Number(values.batch);
const BATCHES = Number(values.batches);

/** A vote as storage keeps it: about the size of a real one. */
const vote = (i: number): RoomEvent => ({ type: 'voteCast', cardId: 'pesten', participant: `p${i}`.padEnd(43, 'x'), choice: 'soms' });

async function makeRooms(store: RoomStore, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const code = newJoinCode();
    await store.create({ code, createdAt: Date.now(), hostKeyHash: 'h', beamerKeyHash: 'b', participantKey: newParticipantKey() }, []);
    codes.push(code);
  }
  return codes;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
const ms = (n: number) => n.toFixed(2).padStart(8);

async function measure(name: string, store: RoomStore) {
  const codes = await makeRooms(store, ROOMS);
  const rows: string[] = [];

  const latencies: number[] = [];
  let started = performance.now();
  for (let i = 0; i < APPENDS; i++) {
    const t = performance.now();
    await store.append(codes[0]!, [vote(i)], `p:${i}:c`);
    latencies.push(performance.now() - t);
  }
  let seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  rows.push(`${name.padEnd(10)} one after another   ${String(Math.round(APPENDS / seconds)).padStart(7)}/s   p50 ${ms(percentile(latencies, 50))} ms  p99 ${ms(percentile(latencies, 99))} ms`);

  started = performance.now();
  await Promise.all(codes.map(async (code, r) => {
    for (let i = 0; i < APPENDS / ROOMS; i++) await store.append(code, [vote(i)], `p:${r}-${i}:c`);
  }));
  seconds = (performance.now() - started) / 1000;
  rows.push(`${name.padEnd(10)} ${String(ROOMS).padStart(3)} rooms at once   ${String(Math.round(APPENDS / seconds)).padStart(7)}/s`);

  const batchTimes: number[] = [];
  started = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    const entries = Array.from({ length: BATCH }, (_, i) => ({ code: codes[i % ROOMS]!, events: [vote(i)], commandKey: `p:b${b}-${i}:c` }));
    const t = performance.now();
    await store.appendBatch(entries);
    batchTimes.push(performance.now() - t);
  }
  seconds = (performance.now() - started) / 1000;
  batchTimes.sort((a, b) => a - b);
  rows.push(
    `${name.padEnd(10)} batches of ${String(BATCH).padStart(4)}  ${String(Math.round((BATCH * BATCHES) / seconds)).padStart(7)}/s   p50 ${ms(percentile(batchTimes, 50))} ms  p99 ${ms(percentile(batchTimes, 99))} ms per batch`,
  );
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), 'kring-bench-store-'));
const output: string[] = [];
try {
  const sqlite = openSqliteStore(join(dir, 'kring.sqlite'));
  output.push(...(await measure('sqlite', sqlite)));
  await sqlite.close();
  if (await requireService('postgres', TEST_DATABASE_URL)) {
    const schema = uniqueSchema('kring_bench');
    const postgres = await openPostgresStore({ connectionString: TEST_DATABASE_URL, schema });
    try {
      output.push(...(await measure('postgres', postgres)));
    } finally {
      await postgres.close();
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`durable appends, one 160-byte vote each (${APPENDS} appends, ${ROOMS} rooms, ${BATCHES} batches)`);
for (const row of output) console.log(row);
