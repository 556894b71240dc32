// Compaction benchmark (issue 13): how long a restart takes to load one busy room (store.load, the
// decks put back, replay, the command keys remembered: LiveRooms.get on a fresh instance) with its
// whole history, and after that history was compacted into one snapshot. The room: 5,000 phones
// that each answered `--votes` / 5,000 times, every answer its own command (key). Not part of `npm test`.
//
//   node tests/bench/compaction-load.ts [--votes 200000] [--phones 5000]
//     PostgreSQL: KRING_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a
//     schema of its own that is dropped afterwards; without PostgreSQL only SQLite runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { RoomEvent } from '../../session-server/src/room/state.ts';
import { compactedBody, type BatchEntry, type RoomStore } from '../../session-server/src/storage/room-store.ts';
import { openSqliteStore } from '../../session-server/src/storage/sqlite-store.ts';
import { openPostgresStore } from '../../session-server/src/storage/postgres-store.ts';
import { LiveRooms } from '../../session-server/src/server/live-rooms.ts';
import { dehydrate } from '../../session-server/src/server/stored-events.ts';
import { loadDecks } from '../../session-server/src/server/decks.ts';
import { TEST_DATABASE_URL, requireService, uniqueSchema } from '../support/services.ts';

const { values } = parseArgs({ options: { votes: { type: 'string', default: '200000' }, phones: { type: 'string', default: '5000' } } });
const VOTES = Number(values.votes);
const PHONES = Number(values.phones);
const decks = loadDecks(join(import.meta.dirname, '../../decks'));
/** A real deck, and the id of its first card with a vote, which the phones answer. */
const [DECK_ID, DECK] = [...decks].find(([, deck]) => deck.cards.some((c) => c.vote))!;
const CARD_INDEX = DECK.cards.findIndex((c) => c.vote);
const CARD_ID = DECK.cards[CARD_INDEX]!.id;
const phone = (i: number) => `p${i}`.padEnd(43, 'x');

const canonical = (value: unknown): string =>
  JSON.stringify(JSON.parse(JSON.stringify(value)), function (_key, v: unknown) {
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v;
  });

/** A fresh process's load of the room: the median of `runs`. */
async function timeLoad(store: RoomStore, code: string, runs = 3) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const rooms = new LiveRooms(store, decks);
    const start = performance.now();
    const room = await rooms.get(code);
    times.push(performance.now() - start);
    if (!room) throw new Error('room not loaded');
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function run(name: string, store: RoomStore) {
  const writer = new LiveRooms(store, decks, Date.now, { snapshotEvery: Number.MAX_SAFE_INTEGER });
  const { code } = await writer.create({ deckId: DECK_ID, minGroupSize: 3 });
  const setup: BatchEntry[] = [{ code, events: [{ type: 'cardShown', index: CARD_INDEX }, { type: 'voteOpened', cardId: CARD_ID }], commandKey: 'host:bench-open' }];
  for (let i = 0; i < PHONES; i++) setup.push({ code, events: [{ type: 'participantJoined', participant: phone(i) }], commandKey: null });
  await store.appendBatch(setup);
  // Batches of 2,000 answers, as the group commit writes a busy minute.
  for (let start = 0; start < VOTES; start += 2000) {
    const entries: BatchEntry[] = [];
    for (let n = start; n < Math.min(VOTES, start + 2000); n++) {
      const p = n % PHONES;
      const event: RoomEvent = { type: 'voteCast', cardId: CARD_ID, participant: phone(p), choice: n % 3 ? 'pas' : 'eens' };
      entries.push({ code, events: [event], commandKey: `p:${phone(p)}:vote-${n}` });
    }
    await store.appendBatch(entries);
  }
  const before = await timeLoad(store, code);
  const beforeRows = (await store.load(code))!.events.length;

  // Compact as the server does: the live state and every actor's recent keys.
  const room = (await new LiveRooms(store, decks).get(code))!;
  const commandKeys = room.commands.keys();
  // What the event loop pays: the snapshot and its keys made into JSON (the writer thread does the rest).
  const jsonStart = performance.now();
  compactedBody({ snapshot: dehydrate({ type: 'snapshot', state: room.state }), commandKeys });
  const jsonMs = performance.now() - jsonStart;
  const compactStart = performance.now();
  await store.appendBatch([{ code, events: [], commandKey: null, compact: { snapshot: dehydrate({ type: 'snapshot', state: room.state }), commandKeys } }]);
  const compactMs = performance.now() - compactStart;
  const after = await timeLoad(store, code);
  const loaded = (await new LiveRooms(store, decks).get(code))!;
  // The same state: compared as JSON with keys sorted (a snapshot puts the deck back last).
  if (canonical(loaded.state) !== canonical(room.state)) throw new Error('compacted room loads to another state');
  if (loaded.commands.keys().length !== commandKeys.length) throw new Error('compacted room lost command keys');
  console.log(
    `${name}: ${beforeRows} events (${VOTES} answers of ${PHONES} phones), ${commandKeys.length} command keys kept\n` +
      `  load before compaction: ${before.toFixed(0)} ms\n  compaction (one transaction): ${compactMs.toFixed(0)} ms, of which ${jsonMs.toFixed(0)} ms making its JSON\n  load after compaction:  ${after.toFixed(0)} ms (1 snapshot event)`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'kring-bench-compact-'));
try {
  const sqlite = openSqliteStore(join(dir, 'kring.sqlite'));
  await run('SQLite', sqlite);
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (await requireService('postgres', TEST_DATABASE_URL)) {
  const schema = uniqueSchema('kring_bench_compact');
  const store = await openPostgresStore({ connectionString: TEST_DATABASE_URL, schema });
  try {
    await run('PostgreSQL', store);
  } finally {
    await store.close();
    const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}
