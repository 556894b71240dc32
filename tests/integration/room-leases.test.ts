// Several processes share one PostgreSQL: a room's lease says which process writes to it, and the
// fencing token makes sure a process that lost the lease (paused, cut off) never writes after
// another took over, not even a batch it had already formed.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../session-server/src/storage/postgres-store.ts';
import { openRoomLeases, type RoomLeases } from '../../session-server/src/storage/room-leases.ts';
import { FencedError, type RoomStore } from '../../session-server/src/storage/room-store.ts';
import { GroupCommit } from '../../session-server/src/server/group-commit.ts';
import { createRoomEvents } from '../../session-server/src/room/create.ts';
import type { RoomEvent } from '../../session-server/src/room/state.ts';
import { newJoinCode, newParticipantKey } from '../../session-server/src/server/secrets.ts';
import { postgresStatements } from '../../session-server/src/storage/postgres-schema.ts';
import { makeDeck } from '../support/room-fixture.ts';
import { requireService, TEST_DATABASE_URL, uniqueSchema } from '../support/services.ts';

const available = await requireService('postgres', TEST_DATABASE_URL);
const schema = uniqueSchema('kring_leases');
const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const o of opened.reverse()) await o.close().catch(() => undefined);
  if (available) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

async function openStore(): Promise<RoomStore> {
  const store = await openPostgresStore({ connectionString: TEST_DATABASE_URL, schema });
  opened.push(store);
  return store;
}

function leases(owner: string, ttlMs = 3000, stale: string[] = []): RoomLeases {
  const l = openRoomLeases({ connectionString: TEST_DATABASE_URL, schema, owner, ttlMs, renewMs: 1000, onStale: (code) => stale.push(code) });
  opened.push(l);
  return l;
}

async function newRoom(store: RoomStore) {
  const code = newJoinCode();
  const record = { code, createdAt: Date.now(), hostKeyHash: 'h', beamerKeyHash: 'b', participantKey: newParticipantKey() };
  const events = createRoomEvents({ code, deckId: 'testset', deck: makeDeck(), now: record.createdAt, minGroupSize: 5, contacts: { vertrouwenspersoon: {} } });
  await store.create(record, events);
  return code;
}

const marker = (n: number) => ({ type: 'participantJoined', participant: `marker-${n}` }) as unknown as RoomEvent;
const markersIn = async (store: RoomStore, code: string) =>
  (await store.load(code))!.events.filter((e) => JSON.stringify(e).includes('marker-')).map((e) => (e as unknown as { participant: string }).participant);

describe.skipIf(!available)('room leases in PostgreSQL', () => {
  it('give a room to one process at a time, and to another once the holder stopped renewing', async () => {
    const store = await openStore();
    const code = await newRoom(store);
    const staleInA: string[] = [];
    const a = leases('a', 400, staleInA);
    const b = leases('b', 400);
    expect(await a.acquire(code)).toEqual({ token: 1 });
    // Taken afresh: a copy `a` had loaded before (without the lease) must not be used.
    expect(staleInA).toEqual([code]);
    expect(await b.acquire(code)).toEqual({ owner: 'a' });
    // Taking it again while holding it keeps the token: a renewal, not a takeover, and the copy stays.
    expect(await a.acquire(code)).toEqual({ token: 1 });
    expect(staleInA).toEqual([code]);
    // `a` renews only every second, longer than its lease lasts: it runs out, as when a process dies.
    await new Promise((done) => setTimeout(done, 500));
    expect(a.token(code)).toBeNull();
    expect(await b.acquire(code)).toEqual({ token: 2 });
    expect(await a.acquire(code)).toEqual({ owner: 'b' });
  });

  it('refuse a write of the old holder after a takeover, and store nothing of its batch', async () => {
    const store = await openStore();
    const code = await newRoom(store);
    const a = leases('a');
    const { token } = (await a.acquire(code)) as { token: number };
    await store.appendBatch([{ code, events: [marker(1)], commandKey: 'p:x:1', fence: token }]);
    // Another process takes the room over (as after `a` was paused past its lease).
    await admin.query(`UPDATE "${schema}".room_leases SET owner = 'b', token = token + 1 WHERE code = $1`, [code]);
    const late = store.appendBatch([{ code, events: [marker(2), marker(3)], commandKey: 'p:x:2', fence: token }]);
    await expect(late).rejects.toBeInstanceOf(FencedError);
    await expect(store.seal(code, marker(4), token)).rejects.toBeInstanceOf(FencedError);
    // A compaction the old holder formed deletes nothing either (issue 13).
    const snapshot = { type: 'snapshot', state: {} } as unknown as RoomEvent;
    await expect(store.appendBatch([{ code, events: [], commandKey: null, compact: { snapshot, commandKeys: [] }, fence: token }])).rejects.toBeInstanceOf(FencedError);
    expect(await markersIn(store, code)).toEqual(['marker-1']);
  });

  it('let the group commit store the other rooms of a batch in which one room was taken over', async () => {
    const store = await openStore();
    const kept = await newRoom(store);
    const taken = await newRoom(store);
    const a = leases('a');
    const fences = new Map<string, number>();
    for (const code of [kept, taken]) fences.set(code, ((await a.acquire(code)) as { token: number }).token);
    await admin.query(`UPDATE "${schema}".room_leases SET owner = 'b', token = token + 1 WHERE code = $1`, [taken]);
    const commits = new GroupCommit(store);
    const outcome = (code: string, n: number) =>
      new Promise<string>((done) =>
        commits.submit(
          {
            prepare: () => ({ code, events: [marker(n)], commandKey: `p:y:${n}`, fence: fences.get(code)! }),
            committed: () => done('stored'),
            failed: (error) => done(error instanceof FencedError ? 'fenced' : 'failed'),
          },
          false,
        ),
      );
    expect(await Promise.all([outcome(kept, 1), outcome(taken, 2), outcome(kept, 3)])).toEqual(['stored', 'fenced', 'stored']);
    expect(await markersIn(store, kept)).toEqual(['marker-1', 'marker-3']);
    expect(await markersIn(store, taken)).toEqual([]);
  });

  it('renew while a batch checks its fences, without a deadlock (both lock the leases in code order)', { timeout: 20_000 }, async () => {
    const store = await openStore();
    const [first, second] = [await newRoom(store), await newRoom(store)].sort();
    const holder = leases('a');
    // Taken second room first: a renewal that went by the order they were taken locked that one first.
    expect(await holder.acquire(second!)).toEqual({ token: 1 });
    expect(await holder.acquire(first!)).toEqual({ token: 1 });
    const sql = postgresStatements(schema);
    const batch = await admin.connect();
    const renewal = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await renewal.connect();
    try {
      // A batch checks its fences in code order (lockFences): the first room's lease now, the second's next.
      await batch.query('BEGIN');
      await batch.query(sql.lockFences, [[first]]);
      const renewed = renewal.query<{ code: string }>(sql.renewLeases, [[second, first], [1, 1], 'a', 3000]);
      await new Promise((done) => setTimeout(done, 300));
      // Had the renewal taken the second lease before waiting for the first, this would deadlock.
      await batch.query(sql.lockFences, [[second]]);
      await batch.query('COMMIT');
      expect((await renewed).rows.map((r) => r.code).sort()).toEqual([first, second]);
    } finally {
      batch.release();
      await renewal.end();
    }
  });
});

