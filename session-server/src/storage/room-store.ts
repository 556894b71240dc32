// Storage is one small interface; every implementation passes tests/integration/room-store.contract.ts.
import type { Deck } from '../protocol/index.ts';
import type { RoomEvent } from '../room/state.ts';

export interface RoomRecord {
  code: string;
  createdAt: number;
  /** sha-256 of the host key and the beamer key: the keys themselves are never stored. */
  hostKeyHash: string;
  beamerKeyHash: string;
  /** The per-session HMAC key for participant tokens; null once the session ended. */
  participantKey: string | null;
}

export interface LoadedRoom {
  record: RoomRecord;
  events: RoomEvent[];
  /** Idempotency keys of the commands whose events are stored, in the order they were stored
   *  (oldest first): the server keeps only each actor's most recent ones in memory. After a
   *  compaction the keys its snapshot carries come first (see BatchEntry.compact). */
  commandKeys: string[];
}

export interface StoredRoomSummary {
  code: string;
  createdAt: number;
  /** The last time a host was connected (or the creation time). */
  hostSeenAt: number;
  /** Sealed: the session ended and nothing links to a phone any more. */
  sealed: boolean;
}

/** One command's events for a batch. */
export interface BatchEntry {
  code: string;
  events: RoomEvent[];
  commandKey: string | null;
  /**
   * Several processes: the token of this process's lease on the room (room-leases.ts). The store
   * writes nothing of the batch when a room's lease has another token now; the embedded store has
   * one process and ignores it.
   */
  fence?: number | null;
  /**
   * Compaction (issue 13): instead of events, this entry replaces every event of the room stored
   * before it (in earlier batches and earlier in this one) with `snapshot`, a snapshot of the state
   * they left, in the batch's transaction and in its order, so no append is ever lost. The snapshot
   * is stored as one event whose JSON carries `commandKeys` too (the recent idempotency keys of the
   * commands it replaces, oldest first per actor); `load` gives them back first in
   * LoadedRoom.commandKeys and leaves the field out of the event. `events` is empty for such an entry.
   */
  compact?: { snapshot: RoomEvent; commandKeys: string[] };
}

/** The JSON of a compaction's snapshot event as stored: the event with the command keys it carries. */
export function compactedBody(compact: NonNullable<BatchEntry['compact']>): string {
  return JSON.stringify({ ...compact.snapshot, commandKeys: compact.commandKeys });
}

/**
 * A room's stored rows, in order, as LoadedRoom's events and command keys: a compaction's snapshot
 * gives its carried keys (stored before any later row's), every other row its command_key column.
 */
export function readStoredRows(rows: { command_key: string | null; body: string }[]): Pick<LoadedRoom, 'events' | 'commandKeys'> {
  const events: RoomEvent[] = [];
  const keys: string[] = [];
  for (const row of rows) {
    const event = JSON.parse(row.body) as RoomEvent & { commandKeys?: string[] };
    if (event.type === 'snapshot' && event.commandKeys) {
      const { commandKeys, ...rest } = event;
      // A loop, not push(...keys): a busy room carries hundreds of thousands (too many arguments).
      for (const key of commandKeys) keys.push(key);
      events.push(rest as RoomEvent);
    } else events.push(event);
    if (row.command_key) keys.push(row.command_key);
  }
  return { events, commandKeys: [...new Set(keys)] };
}

/** A batch named a lease token that another process's takeover replaced: nothing was written. */
export class FencedError extends Error {
  readonly codes: string[];
  constructor(codes: string[]) {
    super(`lease taken over: ${codes.join(', ')}`);
    this.codes = codes;
  }
}

export interface RoomStore {
  /** Stores a new room; fails if the code is taken. */
  create(record: RoomRecord, events: RoomEvent[]): Promise<void>;
  /** Appends a command's events atomically and durably, before anyone is told about them. */
  append(code: string, events: RoomEvent[], commandKey: string | null): Promise<void>;
  /**
   * Appends the events of many commands, of any rooms, in one atomic and durable transaction: all
   * or nothing (an entry for a room that does not exist fails the whole batch). Each room's entries
   * are stored in the order given. The group commit (server/group-commit.ts) calls this. Throws
   * FencedError, writing nothing, when an entry's `fence` is no longer its room's lease token.
   */
  appendBatch(entries: BatchEntry[]): Promise<void>;
  load(code: string): Promise<LoadedRoom | null>;
  /** The room's record without its events (cheap), e.g. to check a handshake another process decides. */
  loadRecord(code: string): Promise<RoomRecord | null>;
  /**
   * Ends the link between phones and answers: replaces the room's history with one anonymised
   * snapshot event, forgets the command keys and deletes the participant key, in one transaction.
   */
  seal(code: string, snapshot: RoomEvent, fence?: number | null): Promise<void>;
  list(): Promise<StoredRoomSummary[]>;
  /** Deletes a room at once; nothing of it stays readable in the storage's files. */
  delete(code: string): Promise<void>;
  /** Retention: deletes rooms created before `time`; returns how many. Nothing stays readable. */
  deleteCreatedBefore(time: number): Promise<number>;
  /** When a host was last connected: a session nobody hosts for hours is ended by the server. */
  markHostSeen(code: string, time: number): Promise<void>;
  /** Deck versions are stored once each; rooms name theirs by version. Storing one twice is fine. */
  saveDeck(version: string, deck: Deck): Promise<void>;
  loadDeck(version: string): Promise<Deck | null>;
  close(): Promise<void>;
}
