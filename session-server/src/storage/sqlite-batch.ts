// Writing a batch of commands' events in one SQLite transaction: shared by the store (for a
// database in memory) and its writer thread (sqlite-writer.ts), so both write exactly the same rows.
import type { DatabaseSync } from 'node:sqlite';

/** One command's events as stored: the room, its idempotency key and each event as JSON. */
export interface StoredEntry {
  code: string;
  bodies: string[];
  commandKey: string | null;
  /** A compaction: the room's rows stored before this entry are deleted first (`bodies` is the snapshot). */
  compact?: boolean;
}

/** The pragmas every connection to the file uses. */
export const PRAGMAS =
  // WAL keeps readers off the writer's back; synchronous=FULL makes every commit durable, so an
  // acknowledged answer survives kill -9 and power loss.
  'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;';

/** When a room's host was last seen ([code, time]): housekeeping's clock, written with a batch. */
export type HostSeen = [code: string, time: number];

/**
 * A batch as it travels to the writer thread: the entries as one JSON string (`e`: the events of
 * one command; `s`: a compaction, whose snapshot body is `snapshots[s]`, kept apart so a large
 * snapshot is not escaped into the string a second time). One string crosses threads as one copy;
 * an array of objects is cloned piece by piece on the event loop. The writer makes the rows.
 */
export interface WireBatch {
  entries: string;
  snapshots: string[];
  hostSeen?: HostSeen[];
}
type WireEntry = { c: string; k: string | null; e: unknown[] } | { c: string; s: number };

/** The rows of a batch that came over the wire. */
export function decodeBatch(batch: WireBatch): StoredEntry[] {
  return (JSON.parse(batch.entries) as WireEntry[]).map((entry) =>
    'e' in entry
      ? { code: entry.c, bodies: entry.e.map((event) => JSON.stringify(event)), commandKey: entry.k }
      : { code: entry.c, bodies: [batch.snapshots[entry.s]!], commandKey: null, compact: true },
  );
}

/** A batch for the wire: `events` of each command as they are (JSON-safe), or a compaction's snapshot body. */
export function encodeBatch(entries: ({ code: string; events: unknown[]; commandKey: string | null } | { code: string; snapshot: string })[], hostSeen?: HostSeen[]): WireBatch {
  const snapshots: string[] = [];
  const wire: WireEntry[] = entries.map((entry) =>
    'snapshot' in entry ? { c: entry.code, s: snapshots.push(entry.snapshot) - 1 } : { c: entry.code, k: entry.commandKey, e: entry.events },
  );
  return { entries: JSON.stringify(wire), snapshots, hostSeen };
}

/** Rooms whose next sequence number the writer keeps; beyond this it forgets them all and asks again. */
const KNOWN_ROOMS = 10_000;

export interface BatchWriter {
  /** Writes a batch's entries (and host sightings) in one transaction: all or nothing. */
  write(batch: WireBatch): void;
  /** The room's rows (null: any room's) were changed by another connection: ask the file again. */
  forget(code: string | null): void;
}

/** The writer of batches on this connection. */
export function batchWriter(db: DatabaseSync): BatchWriter {
  const roomExists = db.prepare('SELECT 1 FROM rooms WHERE code = ?');
  const nextSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM events WHERE code = ?');
  const insertEvent = db.prepare('INSERT INTO events (code, seq, command_key, body) VALUES (?, ?, ?, ?)');
  // secure_delete (PRAGMAS) zeroes the deleted rows in the file; the numbering goes on from the
  // deleted rows', so a room's seq never runs backwards.
  const deleteEvents = db.prepare('DELETE FROM events WHERE code = ?');
  const updateHostSeen = db.prepare('UPDATE rooms SET host_seen_at = ? WHERE code = ?');
  // Each room's next sequence number, once read: appends go through this writer alone, so it counts
  // on from there without two queries per room per batch (the store tells it about a seal or a
  // delete on its own connection). A room deleted meanwhile fails on its foreign key, as before.
  const known = new Map<string, number>();
  const write = (batch: WireBatch) => {
    const entries = decodeBatch(batch);
    db.exec('BEGIN IMMEDIATE');
    try {
      const seqs = new Map<string, number>();
      for (const { code, bodies, commandKey, compact } of entries) {
        let seq = seqs.get(code) ?? known.get(code);
        if (seq === undefined) {
          if (!roomExists.get(code)) throw new Error('room not found');
          seq = Number((nextSeq.get(code) as { seq: number }).seq);
        }
        // Every row of the room present now was stored before this entry: the snapshot replaces them.
        if (compact) deleteEvents.run(code);
        for (const body of bodies) insertEvent.run(code, seq++, commandKey, body);
        seqs.set(code, seq);
      }
      for (const [code, time] of batch.hostSeen ?? []) updateHostSeen.run(time, code);
      db.exec('COMMIT');
      // Only what committed counts: after a rollback the file still has the old numbers.
      if (known.size + seqs.size > KNOWN_ROOMS) known.clear();
      for (const [code, seq] of seqs) known.set(code, seq);
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };
  return { write, forget: (code) => (code === null ? known.clear() : void known.delete(code)) };
}
