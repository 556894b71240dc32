// The storage contract: every RoomStore (SQLite, PostgreSQL) passes these tests.
// `open()` returns a new store on the same underlying storage each time it is called, so the suite
// can close a store and open it again. Tests use their own random room codes and never assume the
// storage is empty, so they can share it.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomStore, RoomRecord } from '../../session-server/src/storage/room-store.ts';
import type { RoomEvent } from '../../session-server/src/room/state.ts';
import { anonymise, replay } from '../../session-server/src/room/apply.ts';
import { createRoomEvents } from '../../session-server/src/room/create.ts';
import { hashKey, newJoinCode, newParticipantKey, newSecretKey } from '../../session-server/src/server/secrets.ts';
import { makeDeck, makeParticipant, makeRoom, randomSessionDeck, randomStep, runStep, seededIds, seededPick } from '../support/room-fixture.ts';

const NOW = Date.UTC(2025, 4, 1, 10, 0);

function roomRecord(createdAt = NOW): RoomRecord {
  return {
    code: newJoinCode(),
    createdAt,
    hostKeyHash: hashKey(newSecretKey()),
    beamerKeyHash: hashKey(newSecretKey()),
    participantKey: newParticipantKey(),
  };
}

function startEvents(record: RoomRecord): RoomEvent[] {
  return createRoomEvents({
    code: record.code,
    deckId: 'testset',
    deck: makeDeck(),
    now: record.createdAt,
    minGroupSize: 5,
    contacts: { vertrouwenspersoon: { name: 'Mevrouw Bakker' } },
  });
}

const joined = (participant: string): RoomEvent => ({ type: 'participantJoined', participant });
/** Events as a store gives them back: JSON, so a snapshot's persistent maps come back as plain
 *  objects and arrays (apply's reviveState turns them back, which the replay checks below). */
const asStored = (events: RoomEvent[]): unknown => JSON.parse(JSON.stringify(events));
const voted = (participant: string, choice: 'nooit' | 'soms' | 'vaak' | 'pas'): RoomEvent => ({ type: 'voteCast', cardId: 'pesten', participant, choice });

export function roomStoreContract(name: string, open: () => Promise<RoomStore>) {
  describe(`RoomStore contract: ${name}`, () => {
    const opened: RoomStore[] = [];
    async function store() {
      const s = await open();
      opened.push(s);
      return s;
    }
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close().catch(() => undefined);
    });

    it('stores a new room with its first events', async () => {
      const s = await store();
      const record = roomRecord();
      await s.create(record, startEvents(record));
      const loaded = await s.load(record.code);
      expect(loaded?.record).toEqual(record);
      expect(loaded?.events).toEqual(startEvents(record));
      expect(loaded?.commandKeys).toEqual([]);
    });

    it('an unknown room loads as null', async () => {
      const s = await store();
      expect(await s.load(newJoinCode())).toBeNull();
    });

    it('refuses a second room with a code that is taken, and keeps the first', async () => {
      const s = await store();
      const record = roomRecord();
      await s.create(record, startEvents(record));
      const intruder = { ...roomRecord(), code: record.code };
      await expect(s.create(intruder, [])).rejects.toThrow();
      const loaded = await s.load(record.code);
      expect(loaded?.record).toEqual(record);
      expect(loaded?.events).toHaveLength(startEvents(record).length);
    });

    it('appends events in order and remembers the command keys', async () => {
      const s = await store();
      const record = roomRecord();
      await s.create(record, startEvents(record));
      await s.append(record.code, [joined('p1'), joined('p2')], null);
      await s.append(record.code, [voted('p1', 'vaak')], 'p:p1:cmd-0001');
      await s.append(record.code, [voted('p2', 'pas'), voted('p1', 'soms')], 'p:p2:cmd-0001');
      const loaded = await s.load(record.code);
      expect(loaded?.events).toEqual([...startEvents(record), joined('p1'), joined('p2'), voted('p1', 'vaak'), voted('p2', 'pas'), voted('p1', 'soms')]);
      expect(loaded?.commandKeys.sort()).toEqual(['p:p1:cmd-0001', 'p:p2:cmd-0001']);
    });

    it('appending nothing changes nothing', async () => {
      const s = await store();
      const record = roomRecord();
      await s.create(record, startEvents(record));
      await s.append(record.code, [], 'p:p1:cmd-0002');
      expect((await s.load(record.code))?.events).toEqual(startEvents(record));
    });

    it('refuses to append to a room that does not exist', async () => {
      const s = await store();
      const code = newJoinCode();
      await expect(s.append(code, [joined('p1')], null)).rejects.toThrow();
      expect(await s.load(code)).toBeNull();
    });

    it('keeps rooms apart', async () => {
      const s = await store();
      const a = roomRecord();
      const b = roomRecord();
      await s.create(a, startEvents(a));
      await s.create(b, startEvents(b));
      await s.append(a.code, [joined('only-in-a')], 'x:1');
      expect((await s.load(b.code))?.events).toEqual(startEvents(b));
      expect((await s.load(b.code))?.commandKeys).toEqual([]);
    });

    it('rebuilds the same room state from what it stored, including JSON-awkward text', async () => {
      const s = await store();
      const record = roomRecord();
      const events = [
        ...startEvents(record),
        joined('p1'),
        { type: 'cardShown', index: 3 },
        { type: 'boardOpened', cardId: 'muur' },
        { type: 'postItAdded', cardId: 'muur', postItId: 'abc123', author: 'p1', text: 'Quote " backslash \\ emoji 👩‍👩‍👧 \u0000? nee: ﷽', columnId: null, status: 'approved', flags: [] },
      ] satisfies RoomEvent[];
      await s.create(record, events.slice(0, 2));
      await s.append(record.code, events.slice(2), 'p:p1:x');
      const loaded = await s.load(record.code);
      expect(replay(loaded!.events)).toEqual(replay(events));
    });

    it('sealing replaces the history with one snapshot, forgets the command keys and the participant key', async () => {
      const s = await store();
      const record = roomRecord();
      await s.create(record, startEvents(record));
      await s.append(record.code, [joined('hash-one'), joined('hash-two')], null);
      await s.append(record.code, [{ type: 'cardShown', index: 1 }, { type: 'voteOpened', cardId: 'pesten' }], 'host:c1');
      await s.append(record.code, [voted('hash-one', 'vaak')], 'p:hash-one:c1');
      await s.append(record.code, [{ type: 'sessionEnded', at: NOW + 1000 }], 'host:c2');
      const live = replay((await s.load(record.code))!.events)!;
      const snapshot: RoomEvent = { type: 'snapshot', state: anonymise(live) };
      await s.seal(record.code, snapshot);

      const loaded = await s.load(record.code);
      expect(loaded?.events).toEqual(asStored([snapshot]));
      expect(loaded?.commandKeys).toEqual([]);
      expect(loaded?.record).toEqual({ ...record, participantKey: null });
      expect(JSON.stringify(loaded)).not.toContain('hash-one');
      expect(JSON.stringify(loaded)).not.toContain('hash-two');
      expect(replay(loaded!.events)).toEqual(anonymise(live));
    });

    it('gives a room\'s record without its events, without the participant key once sealed, and null for an unknown room', async () => {
      const s = await store();
      const record = roomRecord();
      await s.create(record, startEvents(record));
      expect(await s.loadRecord(record.code)).toEqual(record);
      await s.seal(record.code, { type: 'snapshot', state: anonymise(replay(startEvents(record))!) });
      expect(await s.loadRecord(record.code)).toEqual({ ...record, participantKey: null });
      expect(await s.loadRecord('NOPE22')).toBeNull();
    });

    it('a sealed room can be sealed again (a crash between end and seal is finished on load)', async () => {
      const s = await store();
      const record = roomRecord();
      await s.create(record, startEvents(record));
      const snapshot: RoomEvent = { type: 'snapshot', state: anonymise(replay(startEvents(record))!) };
      await s.seal(record.code, snapshot);
      await s.seal(record.code, snapshot);
      expect((await s.load(record.code))?.events).toEqual(asStored([snapshot]));
    });

    it('lists stored rooms with when they were created', async () => {
      const s = await store();
      const a = roomRecord(NOW + 5);
      const b = roomRecord(NOW + 6);
      await s.create(a, startEvents(a));
      await s.create(b, startEvents(b));
      const listed = await s.list();
      expect(listed).toEqual(
        expect.arrayContaining([
          { code: a.code, createdAt: a.createdAt, hostSeenAt: a.createdAt, sealed: false },
          { code: b.code, createdAt: b.createdAt, hostSeenAt: b.createdAt, sealed: false },
        ]),
      );
    });

    it('remembers when a host was last seen, and lists a sealed room as sealed', async () => {
      const s = await store();
      const record = roomRecord();
      await s.create(record, startEvents(record));
      await s.markHostSeen(record.code, NOW + 60_000);
      expect((await s.list()).find((r) => r.code === record.code)).toMatchObject({ hostSeenAt: NOW + 60_000, sealed: false });
      await s.append(record.code, [{ type: 'sessionEnded', at: NOW + 2 }], null);
      await s.seal(record.code, { type: 'snapshot', state: anonymise(replay(startEvents(record))!) });
      expect((await s.list()).find((r) => r.code === record.code)).toMatchObject({ sealed: true });
    });

    it('keeps each deck version once and gives it back; an unknown version is null', async () => {
      const s = await store();
      const deck = makeDeck();
      const version = `v-${newJoinCode()}`;
      await s.saveDeck(version, deck);
      await s.saveDeck(version, deck);
      expect(await s.loadDeck(version)).toEqual(deck);
      expect(await s.loadDeck(`v-${newJoinCode()}`)).toBeNull();
    });

    it('deletes a room with all its events', async () => {
      const s = await store();
      const record = roomRecord();
      await s.create(record, startEvents(record));
      await s.append(record.code, [joined('p1')], 'p:p1:c');
      await s.delete(record.code);
      expect(await s.load(record.code)).toBeNull();
      expect((await s.list()).map((r) => r.code)).not.toContain(record.code);
      // The code is free again, and nothing of the old room comes back with it; the new room's
      // appends follow its own first events (a writer that remembered the old numbering would clash).
      const longer = [...startEvents(record), joined('a'), joined('b'), joined('c')];
      await s.create(record, longer);
      expect((await s.load(record.code))?.events).toEqual(longer);
      await s.append(record.code, [joined('p2')], 'p:p2:c');
      expect((await s.load(record.code))?.events).toEqual([...longer, joined('p2')]);
    });

    it('deleting a room that does not exist is fine', async () => {
      const s = await store();
      await expect(s.delete(newJoinCode())).resolves.toBeUndefined();
    });

    it('retention deletes the rooms created before a time and says how many', async () => {
      const s = await store();
      // Far in the past, so rooms of other tests sharing this storage are never touched.
      const old1 = roomRecord(1_000);
      const old2 = roomRecord(1_001);
      const boundary = roomRecord(1_002);
      const recent = roomRecord(NOW);
      for (const r of [old1, old2, boundary, recent]) await s.create(r, startEvents(r));
      await s.append(old1.code, [joined('p1')], 'p:p1:c');
      expect(await s.deleteCreatedBefore(1_002)).toBe(2);
      expect(await s.load(old1.code)).toBeNull();
      expect(await s.load(old2.code)).toBeNull();
      expect(await s.load(boundary.code)).not.toBeNull();
      expect(await s.load(recent.code)).not.toBeNull();
      expect(await s.deleteCreatedBefore(1_002)).toBe(0);
      await s.delete(boundary.code);
      // A code retention freed can come back: the new room's appends follow its own first events.
      const longer = [...startEvents(old1), joined('a'), joined('b'), joined('c')];
      await s.create(old1, longer);
      await s.append(old1.code, [joined('p2')], 'p:p2:c');
      expect((await s.load(old1.code))?.events).toEqual([...longer, joined('p2')]);
      await s.delete(old1.code);
    });

    it('everything survives closing the store and opening it again', async () => {
      const first = await store();
      const record = roomRecord();
      await first.create(record, startEvents(record));
      await first.append(record.code, [joined('p1'), voted('p1', 'nooit')], 'p:p1:c9');
      const sealed = roomRecord();
      await first.create(sealed, startEvents(sealed));
      await first.seal(sealed.code, { type: 'snapshot', state: anonymise(replay(startEvents(sealed))!) });
      await first.close();

      const second = await store();
      const loaded = await second.load(record.code);
      expect(loaded?.record).toEqual(record);
      expect(loaded?.events).toEqual([...startEvents(record), joined('p1'), voted('p1', 'nooit')]);
      expect(loaded?.commandKeys).toEqual(['p:p1:c9']);
      expect((await second.load(sealed.code))?.record.participantKey).toBeNull();
      expect((await second.load(sealed.code))?.events).toHaveLength(1);
    });

    it('a batch stores the commands of several rooms, each room in order, with their keys', async () => {
      const s = await store();
      const a = roomRecord();
      const b = roomRecord();
      await s.create(a, startEvents(a));
      await s.create(b, startEvents(b));
      await s.append(a.code, [joined('p1')], null);
      await s.appendBatch([
        { code: a.code, events: [voted('p1', 'vaak')], commandKey: 'p:p1:b1' },
        { code: b.code, events: [joined('q1'), joined('q2')], commandKey: null },
        { code: a.code, events: [], commandKey: 'p:p1:nothing' },
        { code: a.code, events: [voted('p1', 'soms'), { type: 'cardShown', index: 2 }], commandKey: 'host:b2' },
      ]);
      await s.append(a.code, [voted('p1', 'nooit')], 'p:p1:after');
      const loadedA = await s.load(a.code);
      expect(loadedA?.events).toEqual([...startEvents(a), joined('p1'), voted('p1', 'vaak'), voted('p1', 'soms'), { type: 'cardShown', index: 2 }, voted('p1', 'nooit')]);
      expect(loadedA?.commandKeys.sort()).toEqual(['host:b2', 'p:p1:after', 'p:p1:b1']);
      expect((await s.load(b.code))?.events).toEqual([...startEvents(b), joined('q1'), joined('q2')]);
      await s.appendBatch([]);
    });

    it('a batch with one entry for a room that does not exist stores nothing of any entry', async () => {
      const s = await store();
      const a = roomRecord();
      const b = roomRecord();
      await s.create(a, startEvents(a));
      await s.create(b, startEvents(b));
      const missing = newJoinCode();
      await expect(
        s.appendBatch([
          { code: a.code, events: [joined('p1')], commandKey: 'p:p1:j' },
          { code: missing, events: [joined('p2')], commandKey: 'p:p2:j' },
          { code: b.code, events: [joined('p3')], commandKey: 'p:p3:j' },
        ]),
      ).rejects.toThrow();
      for (const record of [a, b]) {
        const loaded = await s.load(record.code);
        expect(loaded?.events).toEqual(startEvents(record));
        expect(loaded?.commandKeys).toEqual([]);
      }
      expect(await s.load(missing)).toBeNull();
      // The rooms carry on where they were.
      await s.appendBatch([{ code: a.code, events: [joined('p1')], commandKey: 'p:p1:j' }]);
      expect((await s.load(a.code))?.events).toEqual([...startEvents(a), joined('p1')]);
    });

    it('batches and appends from concurrent callers all land, each command’s events together', async () => {
      const s = await store();
      const a = roomRecord();
      const b = roomRecord();
      await s.create(a, startEvents(a));
      await s.create(b, startEvents(b));
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2
            ? s.append(a.code, [joined(`s${i}`), voted(`s${i}`, 'soms')], `p:s${i}:c`)
            : s.appendBatch([
                { code: b.code, events: [joined(`b${i}`), voted(`b${i}`, 'soms')], commandKey: `p:b${i}:c` },
                { code: a.code, events: [joined(`a${i}`), voted(`a${i}`, 'soms')], commandKey: `p:a${i}:c` },
              ]),
        ),
      );
      for (const [record, count] of [[a, 20], [b, 10]] as const) {
        const added = (await s.load(record.code))!.events.slice(startEvents(record).length);
        expect(added).toHaveLength(count);
        for (let i = 0; i < count; i += 2) {
          const first = added[i] as Extract<RoomEvent, { type: 'participantJoined' }>;
          expect(added[i + 1]).toEqual(voted(first.participant, 'soms'));
        }
      }
    });

    it('appends from concurrent callers all land, each command’s events together', async () => {
      const s = await store();
      const record = roomRecord();
      await s.create(record, startEvents(record));
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => s.append(record.code, [joined(`p${i}`), voted(`p${i}`, 'soms')], `p:p${i}:c`)),
      );
      const loaded = await s.load(record.code);
      const added = loaded!.events.slice(startEvents(record).length);
      expect(added).toHaveLength(40);
      for (let i = 0; i < 40; i += 2) {
        const first = added[i] as Extract<RoomEvent, { type: 'participantJoined' }>;
        expect(added[i + 1]).toEqual(voted(first.participant, 'soms'));
      }
      expect(loaded!.commandKeys).toHaveLength(20);
    });

    it('a compaction replaces the events stored before it with its snapshot, in the batch\'s order, and keeps its command keys', async () => {
      const s = await store();
      const a = roomRecord();
      const b = roomRecord();
      await s.create(a, startEvents(a));
      await s.create(b, startEvents(b));
      await s.append(a.code, [joined('p1'), joined('p2')], 'p:p1:c1');
      const before = [...startEvents(a), joined('p1'), joined('p2'), { type: 'cardShown', index: 1 }, voted('p1', 'vaak')] satisfies RoomEvent[];
      const snapshot: RoomEvent = { type: 'snapshot', state: replay(before)! };
      await s.appendBatch([
        { code: a.code, events: [{ type: 'cardShown', index: 1 }], commandKey: 'host:c1' },
        { code: b.code, events: [joined('q1')], commandKey: null },
        { code: a.code, events: [voted('p1', 'vaak')], commandKey: 'p:p1:c2' },
        { code: a.code, events: [], commandKey: null, compact: { snapshot, commandKeys: ['p:p1:c1', 'host:c1', 'p:p1:c2'] } },
        { code: a.code, events: [voted('p2', 'soms')], commandKey: 'p:p2:c1' },
      ]);
      await s.append(a.code, [voted('p1', 'nooit')], 'p:p1:c3');
      const loaded = await s.load(a.code);
      expect(loaded?.events).toEqual([...(asStored([snapshot]) as RoomEvent[]), voted('p2', 'soms'), voted('p1', 'nooit')]);
      expect(loaded?.commandKeys).toEqual(['p:p1:c1', 'host:c1', 'p:p1:c2', 'p:p2:c1', 'p:p1:c3']);
      expect(replay(loaded!.events)).toEqual(replay([...before, voted('p2', 'soms'), voted('p1', 'nooit')]));
      expect(JSON.stringify(loaded!.events)).not.toContain('commandKeys');
      // The other room in the batch is untouched.
      expect((await s.load(b.code))?.events).toEqual([...startEvents(b), joined('q1')]);

      // A second compaction replaces the first snapshot too; the store survives reopening.
      const again: RoomEvent = { type: 'snapshot', state: replay(loaded!.events)! };
      await s.appendBatch([{ code: a.code, events: [], commandKey: null, compact: { snapshot: again, commandKeys: ['p:p2:c1', 'p:p1:c3'] } }]);
      await s.close();
      const reopened = await store();
      const compacted = await reopened.load(a.code);
      expect(compacted?.events).toEqual(asStored([again]));
      expect(compacted?.commandKeys).toEqual(['p:p2:c1', 'p:p1:c3']);
    });

    it('a compaction for a room that does not exist fails the whole batch', async () => {
      const s = await store();
      const a = roomRecord();
      await s.create(a, startEvents(a));
      const snapshot: RoomEvent = { type: 'snapshot', state: replay(startEvents(a))! };
      await expect(
        s.appendBatch([
          { code: a.code, events: [], commandKey: null, compact: { snapshot, commandKeys: [] } },
          { code: 'NOPE22', events: [], commandKey: null, compact: { snapshot, commandKeys: [] } },
        ]),
      ).rejects.toThrow();
      expect((await s.load(a.code))?.events).toEqual(startEvents(a));
    });

    it('random sessions load to the same state and keys whether or not (and however often) they were compacted', async () => {
      const s = await store();
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            phones: fc.integer({ min: 2, max: 6 }),
            idSeed: fc.nat(),
            /** One seed per step (randomStep); a batch ends after a step with probability 1/3. */
            steps: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 9 })), { minLength: 5, maxLength: 120 }),
          }),
          async ({ phones, idSeed, steps }) => {
            const pick = seededPick(idSeed);
            const room = makeRoom({ deck: randomSessionDeck(), minGroupSize: 3, newId: seededIds(idSeed) });
            const people = Array.from({ length: phones }, (_, i) => makeParticipant(i + 1));
            const record = roomRecord();
            room.host({ type: 'card.goto', index: 1 });
            await s.create(record, room.events);
            const keys: string[] = [];
            let batch: Parameters<RoomStore['appendBatch']>[0] = [];
            for (const [i, [seed, endsBatch, compactRoll]] of steps.entries()) {
              const step = randomStep(room.state, people, seededPick(seed));
              const events = runStep(room, step, people);
              const key = `k${i}`;
              batch.push({ code: record.code, events, commandKey: key });
              if (events.length) keys.push(key);
              // About one step in five is followed by a compaction, in the same batch as the steps around it.
              if (compactRoll < 2) {
                batch.push({ code: record.code, events: [], commandKey: null, compact: { snapshot: { type: 'snapshot', state: room.state }, commandKeys: [...keys] } });
              }
              if (endsBatch === 0 || pick(3) === 0) {
                await s.appendBatch(batch);
                batch = [];
              }
            }
            await s.appendBatch(batch);
            const loaded = (await s.load(record.code))!;
            expect(replay(loaded.events)).toEqual(replay(room.events));
            expect(loaded.commandKeys).toEqual(keys);
            await s.delete(record.code);
          },
        ),
        { numRuns: 25, seed: 1313 },
      );
    });
  });
}
