// The store for several session-server processes: PostgreSQL through a pg Pool. Same contract as the
// SQLite store (tests/integration/room-store.contract.ts); only this file and postgres-schema.ts
// speak SQL to PostgreSQL.
//
// Durability: an append resolves only after PostgreSQL answered COMMIT, and with synchronous_commit
// on (checked at start) that answer comes after the WAL is flushed to disk. A connection that drops
// mid-statement rejects the promise, so the command is refused; the pool opens a fresh connection for
// the next one. A connection lost *during* COMMIT leaves the outcome unknown to us (PostgreSQL may have
// committed): the command is refused although it may be stored, never the other way round.
//
// Deleting: DELETE makes rows invisible to every query the moment it commits, but PostgreSQL has no
// secure delete. The old row versions stay in the table files as dead tuples until (auto)vacuum
// prunes them and new rows overwrite the space, and in the WAL until its segments are recycled (and
// in any WAL archive or backup the operator keeps). VACUUM cannot run inside a transaction and works
// per table, not per room, so the store does not run it after each delete; autovacuum does, and the
// README tells operators what this means for "nothing stays readable".
import pg from 'pg';
import type { Deck } from '../protocol/index.ts';
import { compactedBody, FencedError, readStoredRows, type BatchEntry, type LoadedRoom, type RoomRecord, type RoomStore } from './room-store.ts';
import { inTransaction, migrate, postgresStatements } from './postgres-schema.ts';

export interface PostgresStoreOptions {
  connectionString: string;
  /** A schema of its own (created if missing), e.g. one per test file; default: the user's search_path. */
  schema?: string;
  /** Connections in the pool. */
  maxConnections?: number;
}

interface RoomRow {
  code: string;
  created_at: string;
  host_key_hash: string;
  beamer_key_hash: string;
  participant_key: string | null;
  command_key: string | null;
  body: string | null;
}

const recordOf = (row: Omit<RoomRow, 'command_key' | 'body'>): RoomRecord => ({
  code: row.code,
  createdAt: Number(row.created_at),
  hostKeyHash: row.host_key_hash,
  beamerKeyHash: row.beamer_key_hash,
  participantKey: row.participant_key,
});

/** Thrown when the database does not keep the durability promise Kring makes to its users. */
export class UnsafeDatabaseError extends Error {}

export async function openPostgresStore(options: PostgresStoreOptions): Promise<RoomStore> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // Without these a database that stops answering would hold every room's queue forever.
    connectionTimeoutMillis: 5_000,
    query_timeout: 15_000,
    keepAlive: true,
  });
  // An idle connection that PostgreSQL closes (a restart, pg_terminate_backend) is reported here and
  // already removed from the pool; without a listener Node would end the process.
  pool.on('error', (error) => console.error(`[kring] PostgreSQL-verbinding verbroken (${errorKind(error)}); de volgende opdracht maakt een nieuwe.`));

  try {
    await assertDurable(pool);
    await migrate(pool, options.schema);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const sql = postgresStatements(options.schema);

  const transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => inTransaction(pool, work);

  /** Appends every entry's events: one statement, each room's counter moved once (no MAX(seq)). */
  async function appendRows(db: pg.Pool | pg.PoolClient, entries: BatchEntry[]) {
    const codes: string[] = [];
    const keys: (string | null)[] = [];
    const bodies: string[] = [];
    for (const entry of entries) {
      for (const event of entry.events) {
        codes.push(entry.code);
        keys.push(entry.commandKey);
        bodies.push(JSON.stringify(event));
      }
    }
    if (!bodies.length) return;
    const result = await db.query(sql.appendEvents, [codes, keys, bodies]);
    if (result.rowCount !== bodies.length) throw new Error('room not found');
  }

  /** Inside the batch's transaction: throws FencedError when a fenced room's lease moved on. */
  async function checkFences(client: pg.PoolClient, entries: Pick<BatchEntry, 'code' | 'fence'>[]) {
    const fences = new Map<string, number>();
    for (const entry of entries) if (entry.fence != null) fences.set(entry.code, entry.fence);
    if (!fences.size) return;
    const { rows } = await client.query<{ code: string; token: string }>(sql.lockFences, [[...fences.keys()].sort()]);
    const current = new Map(rows.map((r) => [r.code, Number(r.token)]));
    const stale = [...fences].filter(([code, token]) => current.get(code) !== token).map(([code]) => code);
    if (stale.length) throw new FencedError(stale);
  }

  return {
    async create(record, events) {
      await transaction(async (client) => {
        await client.query(sql.insertRoom, [record.code, record.createdAt, record.hostKeyHash, record.beamerKeyHash, record.participantKey]);
        await appendRows(client, [{ code: record.code, events, commandKey: null }]);
      });
    },
    async append(code, events, commandKey) {
      // One statement is its own transaction: when the room is missing it inserts nothing at all.
      await appendRows(pool, [{ code, events, commandKey }]);
    },
    async appendBatch(entries) {
      const codes = [...new Set(entries.filter((e) => e.events.length || e.compact).map((e) => e.code))].sort();
      if (!codes.length) return;
      await transaction(async (client) => {
        // Lock the rooms in one order, so two batches over the same rooms cannot deadlock.
        const locked = await client.query(sql.lockRooms, [codes]);
        if (locked.rowCount !== codes.length) throw new Error('room not found');
        await checkFences(client, entries);
        // In the batch's order: the appends before a compaction, then the compaction (every row of
        // the room present now was stored before it), then the rest. The room rows are locked, so
        // no other transaction appends to these rooms meanwhile.
        let run: BatchEntry[] = [];
        for (const entry of entries) {
          if (!entry.compact) {
            run.push(entry);
            continue;
          }
          await appendRows(client, run);
          run = [];
          await client.query(sql.deleteEvents, [entry.code]);
          const result = await client.query(sql.appendEvents, [[entry.code], [null], [compactedBody(entry.compact)]]);
          if (result.rowCount !== 1) throw new Error('room not found');
        }
        await appendRows(client, run);
      });
    },
    async load(code): Promise<LoadedRoom | null> {
      // One statement, so the room and its events come from the same snapshot.
      const { rows } = await pool.query<RoomRow>(sql.loadRoom, [code]);
      const row = rows[0];
      if (!row) return null;
      const stored = rows.filter((r): r is RoomRow & { body: string } => r.body !== null);
      return { record: recordOf(row), ...readStoredRows(stored) };
    },
    async loadRecord(code) {
      const { rows } = await pool.query<RoomRow>(sql.loadRecord, [code]);
      return rows[0] ? recordOf(rows[0]) : null;
    },
    async seal(code, snapshot, fence) {
      await transaction(async (client) => {
        await client.query(sql.lockRooms, [[code]]);
        await checkFences(client, [{ code, fence }]);
        await client.query(sql.deleteEvents, [code]);
        await client.query(sql.forgetParticipantKey, [code]);
        await appendRows(client, [{ code, events: [snapshot], commandKey: null }]);
      });
    },
    async list() {
      const { rows } = await pool.query<{ code: string; created_at: string; host_seen_at: string | null; sealed: boolean }>(sql.listRooms);
      return rows.map((r) => ({
        code: r.code,
        createdAt: Number(r.created_at),
        hostSeenAt: Number(r.host_seen_at ?? r.created_at),
        sealed: r.sealed,
      }));
    },
    async delete(code) {
      // The events go with the room (ON DELETE CASCADE), in the same statement.
      await pool.query(sql.deleteRoom, [code]);
    },
    async deleteCreatedBefore(time) {
      return (await pool.query(sql.deleteRoomsBefore, [time])).rowCount ?? 0;
    },
    async markHostSeen(code, time) {
      await pool.query(sql.markHostSeen, [time, code]);
    },
    async saveDeck(version, deck) {
      await pool.query(sql.insertDeck, [version, JSON.stringify(deck)]);
    },
    async loadDeck(version) {
      const { rows } = await pool.query<{ body: string }>(sql.loadDeck, [version]);
      return rows[0] ? (JSON.parse(rows[0].body) as Deck) : null;
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Kring acknowledges an answer only once it is on disk. With synchronous_commit off PostgreSQL
 * answers COMMIT before the WAL is flushed, and with fsync off it never makes sure: refuse to start.
 */
async function assertDurable(pool: pg.Pool) {
  const { rows } = await pool.query<{ synchronous_commit: string; fsync: string }>(
    "SELECT current_setting('synchronous_commit') AS synchronous_commit, current_setting('fsync') AS fsync",
  );
  const settings = rows[0]!;
  if (settings.synchronous_commit === 'off' || settings.fsync === 'off') {
    throw new UnsafeDatabaseError(
      `PostgreSQL bewaart een opdracht dan niet zeker op schijf (synchronous_commit=${settings.synchronous_commit}, fsync=${settings.fsync}); zet beide aan.`,
    );
  }
}

/** What went wrong, without the message (which could quote data). */
export function errorKind(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : typeof error;
}
