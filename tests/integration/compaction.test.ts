// Compaction (issue 13): once a room stored KRING_SNAPSHOT_EVERY events since its last snapshot, the
// server replaces its stored history with one snapshot of the live state, carrying the recent command
// keys. A room loaded from the snapshot (and what came after) must be the room it was, and a command
// resent after a restart must still be recognised when the event it made was compacted away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Command } from '@protocol';
import { LiveRooms } from '../../session-server/src/server/live-rooms.ts';
import { openSqliteStore } from '../../session-server/src/storage/sqlite-store.ts';
import { openPostgresStore } from '../../session-server/src/storage/postgres-store.ts';
import type { RoomStore } from '../../session-server/src/storage/room-store.ts';
import type { Actor } from '../../session-server/src/room/state.ts';
import { makeParticipant, randomSessionDeck, randomStep, seededPick } from '../support/room-fixture.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectHost, createRoom } from '../support/clients.ts';
import { clientPool, connectPhones, disconnected, nextView, readStoredRoom } from '../support/sessions.ts';
import { requireService, TEST_DATABASE_URL, uniqueSchema } from '../support/services.ts';

const dirs: string[] = [];
const servers: ServerProcess[] = [];
const pool = clientPool();
const postgres = await requireService('postgres', TEST_DATABASE_URL);
const schema = uniqueSchema('kring_compact');
afterAll(async () => {
  pool.closeAll();
  for (const s of servers.reverse()) await s.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  if (postgres) {
    const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
});

/** Each store's `open` gives a new store (a new process's) on the same storage. */
const stores: [string, () => Promise<RoomStore>][] = [
  [
    'SQLite',
    (() => {
      const dir = mkdtempSync(join(tmpdir(), 'kring-compact-'));
      dirs.push(dir);
      return async () => openSqliteStore(join(dir, 'kring.sqlite'));
    })(),
  ],
  ...(postgres ? [['PostgreSQL', () => openPostgresStore({ connectionString: TEST_DATABASE_URL, schema })] as [string, () => Promise<RoomStore>]] : []),
];

const DECK_ID = 'willekeurig';

describe.each(stores)('a compacted room (%s)', (_name, open) => {
  it.each([1313, 7, 42])('loads to the state its whole history gave, with the same command keys (seed %i)', async (seed) => {
    const decks = new Map([[DECK_ID, randomSessionDeck()]]);
    const store = await open();
    const rooms = new LiveRooms(store, decks, Date.now, { snapshotEvery: 25 });
    const { code } = await rooms.create({ deckId: DECK_ID, minGroupSize: 3 });
    const room = (await rooms.get(code))!;
    const people = Array.from({ length: 6 }, (_, i) => makeParticipant(i + 1));
    const host: Actor = { role: 'host' };
    await rooms.run(room, host, { id: 'h0', type: 'card.goto', index: 1 });
    for (const person of people) await rooms.join(room, person.hash);
    const first = { id: 'first-vote', type: 'vote.cast', cardId: 'pesten', choice: 'nooit' } as Command;
    const phone0: Actor = { role: 'participant', participant: people[0]!.hash };
    expect((await rooms.run(room, phone0, first)).ack).toMatchObject({ ok: true });

    // Steps in groups fired together, so compactions share batches with the changes around them.
    const pick = seededPick(seed);
    let n = 0;
    let stored = 0;
    for (let group = 0; group < 60; group++) {
      const size = 1 + pick(4);
      const outcomes: Promise<unknown>[] = [];
      for (let i = 0; i < size; i++) {
        const step = randomStep(room.state, people, seededPick(seed * 1000 + n));
        const id = `c${n++}`;
        if (step.kind === 'join') outcomes.push(rooms.join(room, people[step.phone]!.hash));
        else if (step.kind === 'publish') outcomes.push(rooms.publish(room, step.minBatch));
        else {
          const actor: Actor = step.kind === 'host' ? host : { role: 'participant', participant: people[step.phone]!.hash };
          outcomes.push(rooms.run(room, actor, { id, ...step.command } as Command));
        }
      }
      await Promise.all(outcomes);
      stored = (await store.load(code))!.events.length;
    }
    await room.lastWrite;
    const rows = (await store.load(code))!;
    // The history was compacted: it starts with a snapshot, and it stays short (about 25 events
    // after the snapshot, plus what came in while the next compaction waited for its batch).
    expect(rows.events[0]!.type).toBe('snapshot');
    expect(stored).toBeLessThan(60);
    await store.close();

    // A restart: a new process on the same file.
    const reopened = await open();
    const again = new LiveRooms(reopened, decks, Date.now, { snapshotEvery: 25 });
    const loaded = (await again.get(code))!;
    expect(loaded.state).toEqual(room.state);
    // Every key it remembers was remembered before (only votes folded into one after the last
    // snapshot are stored under their last key alone, as without compaction).
    for (const key of loaded.commands.keys()) expect(room.commands.has(key), key).toBe(true);
    // Phone 0 sent fewer than RECENT_KEYS_PER_ACTOR commands, so its first is still remembered.
    expect(loaded.commands.has(`p:${people[0]!.hash}:first-vote`)).toBe(true);

    // The first vote's event was compacted away long ago; its resend is a duplicate and changes nothing.
    const before = loaded.state;
    const resent = await again.run(loaded, phone0, first);
    expect(resent.ack).toMatchObject({ ok: true, duplicate: true });
    expect(resent.events).toEqual([]);
    expect(loaded.state).toBe(before);
    await reopened.close();
  });
});

describe('a compaction after a failed batch', () => {
  it('does not carry the key of a command whose batch failed: sent again, it is applied, not a duplicate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-compact-'));
    dirs.push(dir);
    const file = join(dir, 'kring.sqlite');
    const decks = new Map([[DECK_ID, randomSessionDeck()]]);
    const inner = openSqliteStore(file);
    // A disk that fails the batch holding one particular command (nothing of that batch is stored).
    const store: RoomStore = {
      ...inner,
      appendBatch: async (entries) => {
        if (entries.some((e) => e.commandKey?.endsWith(':doomed-vote'))) throw new Error('disk full');
        return inner.appendBatch(entries);
      },
    };
    const rooms = new LiveRooms(store, decks, Date.now, { snapshotEvery: 5 });
    const { code } = await rooms.create({ deckId: DECK_ID, minGroupSize: 3 });
    const room = (await rooms.get(code))!;
    const people = Array.from({ length: 3 }, (_, i) => makeParticipant(i + 1));
    await rooms.run(room, { role: 'host' }, { id: 'goto-vote', type: 'card.goto', index: 1 } as Command);
    for (const person of people) await rooms.join(room, person.hash);
    const phone: Actor = { role: 'participant', participant: people[0]!.hash };
    const doomed = { id: 'doomed-vote', type: 'vote.cast', cardId: 'pesten', choice: 'vaak' } as Command;
    expect((await rooms.run(room, phone, doomed)).ack).toMatchObject({ ok: false, error: 'server' });
    // Enough stored changes of others for a compaction (and one more after it).
    for (const [i, choice] of (['nooit', 'soms', 'nooit', 'soms', 'nooit', 'soms'] as const).entries()) {
      const other: Actor = { role: 'participant', participant: people[1 + (i % 2)]!.hash };
      expect((await rooms.run(room, other, { id: `other-${i}`, type: 'vote.cast', cardId: 'pesten', choice } as Command)).ack).toMatchObject({ ok: true });
    }
    await room.lastWrite;
    expect(readStoredRoom(dir, code)!.events[0]!.type).toBe('snapshot');
    await inner.close();

    const reopened = openSqliteStore(file);
    const again = new LiveRooms(reopened, decks);
    const loaded = (await again.get(code))!;
    expect(loaded.commands.has(`p:${people[0]!.hash}:doomed-vote`)).toBe(false);
    const resent = await again.run(loaded, phone, doomed);
    expect(resent.ack).toEqual({ ok: true, choice: 'vaak', round: 1 });
    expect(resent.events).toHaveLength(1);
    await reopened.close();
  });
});

describe('a compacted room after kill -9', () => {
  it('answers commands resent after a restart as duplicates, also those whose events were compacted away', { timeout: 120_000 }, async () => {
    const server = await startServer({ env: { KRING_SNAPSHOT_EVERY: '20' } });
    servers.push(server);
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = pool.keep(await connectHost(server.url, room));
    const phones = (await connectPhones(server.url, room, 6)).map(pool.keep);
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;

    // Each phone answers five times, one after another; the last answer is 'vaak'.
    const choices = ['nooit', 'soms', 'pas', 'nooit', 'vaak'] as const;
    for (const [round, choice] of choices.entries()) {
      await Promise.all(
        phones.map(async (phone, i) => expect(await phone.send({ id: `resend-${round}-${i}`, type: 'vote.cast', cardId, choice })).toMatchObject({ ok: true, choice })),
      );
    }
    const stored = readStoredRoom(server.dataDir, room.code)!;
    expect(stored.events[0]!.type).toBe('snapshot');
    expect(stored.events.length).toBeLessThan(6 * choices.length);

    server.child.kill('SIGKILL');
    await server.kill();
    await Promise.all([host, ...phones].map((c) => disconnected(c)));
    const fresh = phones.map((p) => nextView(p, 20_000));
    const freshHost = nextView(host, 20_000);
    servers.push(await server.restart());
    for (const view of await Promise.all(fresh)) expect(view.vote?.mine).toBe('vaak');
    await freshHost;

    // Every answer sent again with its id (as a phone whose acknowledgement was lost does): each is
    // a duplicate, none is applied again, so every phone's answer stays 'vaak'.
    for (const [round, choice] of choices.entries()) {
      for (const [i, phone] of phones.entries()) {
        expect(await phone.send({ id: `resend-${round}-${i}`, type: 'vote.cast', cardId, choice }), `round ${round}, phone ${i}`).toMatchObject({ ok: true, duplicate: true });
      }
    }
    expect(await host.send({ type: 'result.reveal', cardId })).toEqual({ ok: true });
    const shown = await host.waitFor((v) => v.vote?.responded === 6 && v.vote.result.state === 'shown');
    const result = shown.vote!.result;
    if (result.state !== 'shown') throw new Error('the result is not shown');
    expect(result.counts).toMatchObject({ vaak: 6, nooit: 0, soms: 0 });
  });
});
