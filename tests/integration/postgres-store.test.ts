// The PostgreSQL store against the storage contract, in a schema of its own in the test database,
// plus what only PostgreSQL has: the schema version, several processes starting at once, and
// connections that PostgreSQL drops under a running store.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../session-server/src/storage/postgres-store.ts';
import { createRoomEvents } from '../../session-server/src/room/create.ts';
import { newJoinCode, newParticipantKey } from '../../session-server/src/server/secrets.ts';
import { makeDeck } from '../support/room-fixture.ts';
import { requireService, TEST_DATABASE_URL, uniqueSchema } from '../support/services.ts';
import { roomStoreContract } from './room-store.contract.ts';

const available = await requireService('postgres', TEST_DATABASE_URL);
const schema = uniqueSchema('kring_store');
const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
afterAll(async () => {
  if (available) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

/** Application names let a test end the connections of one store and no one else's. */
const open = (options: { schema?: string; name?: string } = {}) => {
  const url = new URL(TEST_DATABASE_URL);
  if (options.name) url.searchParams.set('application_name', options.name);
  return openPostgresStore({ connectionString: url.href, schema: options.schema ?? schema });
};

if (available) roomStoreContract('postgres', () => open());

function newRoom() {
  const code = newJoinCode();
  const record = { code, createdAt: Date.now(), hostKeyHash: 'h', beamerKeyHash: 'b', participantKey: newParticipantKey() };
  const events = createRoomEvents({ code, deckId: 'testset', deck: makeDeck(), now: record.createdAt, minGroupSize: 5, contacts: { vertrouwenspersoon: {} } });
  return { record, events };
}

describe.skipIf(!available)('the PostgreSQL store', () => {
  it('records its schema version, and processes starting together on a new schema all get the same tables', async () => {
    const fresh = uniqueSchema('kring_start');
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => open({ schema: fresh })));
      const { record, events } = newRoom();
      await stores[0]!.create(record, events);
      expect((await stores[3]!.load(record.code))?.events).toEqual(events);
      await Promise.all(stores.map((s) => s.close()));
      const { rows } = await admin.query(`SELECT version FROM "${fresh}".kring_schema`);
      expect(rows).toEqual([{ version: 2 }]);
      // Opening again changes nothing.
      await (await open({ schema: fresh })).close();
      expect((await admin.query(`SELECT version FROM "${fresh}".kring_schema`)).rows).toEqual([{ version: 2 }]);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS "${fresh}" CASCADE`);
    }
  });

  it('refuses to start on a schema a newer Kring has updated', async () => {
    const fresh = uniqueSchema('kring_newer');
    try {
      await (await open({ schema: fresh })).close();
      await admin.query(`UPDATE "${fresh}".kring_schema SET version = 99`);
      await expect(open({ schema: fresh })).rejects.toThrow(/nieuwere versie van Kring/);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS "${fresh}" CASCADE`);
    }
  });

  it('refuses to start when PostgreSQL would confirm a commit before it is on disk', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', '-c synchronous_commit=off');
    await expect(openPostgresStore({ connectionString: url.href, schema })).rejects.toThrow(/synchronous_commit=off/);
  });

  it('deleting leaves no row of the room for any query, also not in its events', async () => {
    const store = await open();
    const { record, events } = newRoom();
    await store.create(record, events);
    await store.delete(record.code);
    const left = await admin.query(`SELECT (SELECT count(*) FROM "${schema}".rooms WHERE code = $1) + (SELECT count(*) FROM "${schema}".events WHERE code = $1) AS n`, [
      record.code,
    ]);
    expect(Number(left.rows[0].n)).toBe(0);
    await store.close();
  });

  it('refuses an append whose connection PostgreSQL ends, and works again on a new connection', async () => {
    const name = `kring_drop_${Math.random().toString(36).slice(2, 8)}`;
    const store = await open({ name });
    const { record, events } = newRoom();
    await store.create(record, events);

    // Hold the room's row, so the store's append waits in PostgreSQL; then end the store's connections.
    const holder = await admin.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT 1 FROM "${schema}".rooms WHERE code = $1 FOR UPDATE`, [record.code]);
    // Caught at once: the rejection comes while the test is still ending the connections.
    const failed = store.append(record.code, [{ type: 'participantJoined', participant: 'lost' }], 'p:lost:c').then(
      () => null,
      (error: unknown) => error,
    );
    await expect.poll(async () => (await admin.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [name])).rows[0].count).toBe('1');
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]);
    expect(await failed).toBeInstanceOf(Error);
    await holder.query('ROLLBACK');
    holder.release();

    await store.append(record.code, [{ type: 'participantJoined', participant: 'kept' }], 'p:kept:c');
    const loaded = await store.load(record.code);
    expect(loaded?.events).toEqual([...events, { type: 'participantJoined', participant: 'kept' }]);
    expect(loaded?.commandKeys).toEqual(['p:kept:c']);
    await store.close();
  });
});
