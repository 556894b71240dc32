// The embedded default store: SQLite through node:sqlite (no native addon). node:sqlite is still a
// release candidate, so only this file, its writer thread and sqlite-batch.ts touch it.
// Batches of commands (appendBatch, the hot path) are written by a worker thread with its own
// connection, so their fsync never blocks the event loop; the rare rest runs on this connection.
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Deck } from '../protocol/index.ts';
import type { RoomEvent } from '../room/state.ts';
import { compactedBody, readStoredRows, type LoadedRoom, type RoomRecord, type RoomStore } from './room-store.ts';
import { batchWriter, encodeBatch, PRAGMAS, type BatchWriter as RowWriter, type WireBatch } from './sqlite-batch.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS rooms (
    code TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    host_key_hash TEXT NOT NULL,
    beamer_key_hash TEXT NOT NULL,
    participant_key TEXT
  ) STRICT;
  CREATE TABLE IF NOT EXISTS events (
    code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    command_key TEXT,
    body TEXT NOT NULL,
    PRIMARY KEY (code, seq)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS rooms_created_at ON rooms(created_at);
  CREATE TABLE IF NOT EXISTS decks (
    version TEXT PRIMARY KEY,
    body TEXT NOT NULL
  ) STRICT;
`;

/** Columns added after the first release, for files made before them. */
const MIGRATIONS: [table: string, column: string, definition: string][] = [['rooms', 'host_seen_at', 'INTEGER']];

export function openSqliteStore(file: string): RoomStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec(PRAGMAS);
  db.exec(SCHEMA);
  for (const [table, column, definition] of MIGRATIONS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }

  const insertRoom = db.prepare(
    'INSERT INTO rooms (code, created_at, host_key_hash, beamer_key_hash, participant_key) VALUES (?, ?, ?, ?, ?)',
  );
  const nextSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM events WHERE code = ?');
  const insertEvent = db.prepare('INSERT INTO events (code, seq, command_key, body) VALUES (?, ?, ?, ?)');
  const writeBatch = file === ':memory:' ? inThisThread(batchWriter(db)) : writerThread(file);
  /** Host sightings waiting for the writer, and the write that will hold them. */
  let hostSeen: Map<string, number> | null = null;
  let hostSeenWritten = Promise.resolve();
  const selectRoom = db.prepare('SELECT * FROM rooms WHERE code = ?');
  const selectEvents = db.prepare('SELECT command_key, body FROM events WHERE code = ? ORDER BY seq');
  const deleteEvents = db.prepare('DELETE FROM events WHERE code = ?');
  const forgetKey = db.prepare('UPDATE rooms SET participant_key = NULL WHERE code = ?');
  const deleteRoom = db.prepare('DELETE FROM rooms WHERE code = ?');
  const selectAll = db.prepare('SELECT code, created_at, host_seen_at, participant_key IS NULL AS sealed FROM rooms ORDER BY created_at');
  const deleteOld = db.prepare('DELETE FROM rooms WHERE created_at < ?');
  const insertDeck = db.prepare('INSERT OR IGNORE INTO decks (version, body) VALUES (?, ?)');
  const selectDeck = db.prepare('SELECT body FROM decks WHERE version = ?');

  // Deleted rows are zeroed in the main file (secure_delete) but their old pages stay in the WAL
  // until a checkpoint; TRUNCATE copies them over and empties the WAL file, so "deleted" means gone.
  const checkpoint = () => db.exec('PRAGMA wal_checkpoint(TRUNCATE)');

  function transaction<T>(work: () => T): T {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  function appendRows(code: string, events: RoomEvent[], commandKey: string | null) {
    let seq = Number((nextSeq.get(code) as { seq: number }).seq);
    for (const event of events) insertEvent.run(code, seq++, commandKey, JSON.stringify(event));
  }

  return {
    async create(record, events) {
      transaction(() => {
        insertRoom.run(record.code, record.createdAt, record.hostKeyHash, record.beamerKeyHash, record.participantKey);
        appendRows(record.code, events, null);
      });
      // A code can come back after its old room was deleted.
      writeBatch.forget(record.code);
    },
    append(code, events, commandKey) {
      return this.appendBatch([{ code, events, commandKey }]);
    },
    async appendBatch(entries) {
      const stored = entries
        .filter((e) => e.events.length || e.compact)
        .map((e) => (e.compact ? { code: e.code, snapshot: compactedBody(e.compact) } : e));
      if (stored.length) await writeBatch.write(encodeBatch(stored));
    },
    async load(code): Promise<LoadedRoom | null> {
      const row = selectRoom.get(code) as RoomRow | undefined;
      if (!row) return null;
      const rows = selectEvents.all(code) as { command_key: string | null; body: string }[];
      return { record: recordOf(row), ...readStoredRows(rows) };
    },
    async loadRecord(code) {
      const row = selectRoom.get(code) as RoomRow | undefined;
      return row ? recordOf(row) : null;
    },
    async seal(code, snapshot) {
      transaction(() => {
        deleteEvents.run(code);
        forgetKey.run(code);
        appendRows(code, [snapshot], null);
      });
      writeBatch.forget(code);
      checkpoint();
    },
    async list() {
      const rows = selectAll.all() as { code: string; created_at: number; host_seen_at: number | null; sealed: number }[];
      return rows.map((r) => ({
        code: r.code,
        createdAt: Number(r.created_at),
        hostSeenAt: Number(r.host_seen_at ?? r.created_at),
        sealed: Number(r.sealed) === 1,
      }));
    },
    async delete(code) {
      transaction(() => {
        deleteEvents.run(code);
        deleteRoom.run(code);
      });
      writeBatch.forget(code);
      checkpoint();
    },
    async deleteCreatedBefore(time) {
      const result = transaction(() => deleteOld.run(time));
      writeBatch.forget(null);
      checkpoint();
      return Number(result.changes);
    },
    markHostSeen(code, time) {
      // Through the writer, with the sightings of the same moment in one transaction: on this
      // thread each was an fsync that held every socket up (200 of them in a row at each sweep).
      if (!hostSeen) {
        const sightings = (hostSeen = new Map());
        hostSeenWritten = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          hostSeen = null;
          return writeBatch.write(encodeBatch([], [...sightings]));
        });
      }
      hostSeen.set(code, time);
      return hostSeenWritten;
    },
    async saveDeck(version, deck) {
      insertDeck.run(version, JSON.stringify(deck));
    },
    async loadDeck(version) {
      const row = selectDeck.get(version) as { body: string } | undefined;
      return row ? (JSON.parse(row.body) as Deck) : null;
    },
    async close() {
      await hostSeenWritten.catch(() => {});
      await writeBatch.close();
      db.close();
    },
  };
}

interface BatchWriter {
  write(batch: WireBatch): Promise<void>;
  /** The room's rows (null: any room's) changed on this connection: the writer reads its numbering again. */
  forget(code: string | null): void;
  close(): Promise<void>;
}

/** For a database in memory, which a second connection cannot share: batches on this thread. */
function inThisThread(writer: RowWriter): BatchWriter {
  return { write: async (batch) => writer.write(batch), forget: (code) => writer.forget(code), close: async () => {} };
}

/** Batches on a worker thread with its own connection to the file; each answer comes after COMMIT. */
function writerThread(file: string): BatchWriter {
  const worker = new Worker(new URL('./sqlite-writer.ts', import.meta.url), { workerData: { file } });
  // An idle writer must not keep the process alive; a batch in flight does (ref while waiting).
  worker.unref();
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let next = 0;
  let stopped: Error | null = null;
  const failAll = (error: Error) => {
    stopped = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', ({ id, error }: { id: number; error?: string }) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (!waiting.size) worker.unref();
    if (error) w?.reject(new Error(error));
    else w?.resolve();
  });
  worker.on('error', (error: Error) => failAll(error));
  worker.on('exit', () => failAll(new Error('the SQLite writer stopped')));
  return {
    write(batch) {
      if (stopped) return Promise.reject(stopped);
      const id = next++;
      worker.ref();
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, batch });
      });
    },
    forget(code) {
      if (!stopped) worker.postMessage({ forget: code });
    },
    async close() {
      if (stopped) return;
      const exited = new Promise((done) => worker.once('exit', done));
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}

interface RoomRow {
  code: string;
  created_at: number;
  host_key_hash: string;
  beamer_key_hash: string;
  participant_key: string | null;
}

const recordOf = (row: RoomRow): RoomRecord => ({
  code: row.code,
  createdAt: Number(row.created_at),
  hostKeyHash: row.host_key_hash,
  beamerKeyHash: row.beamer_key_hash,
  participantKey: row.participant_key,
});
