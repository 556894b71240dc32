// Helpers for integration tests on top of clients.ts: many phones at once, the next view after a
// reconnect, handshake refusals, and a read-only look into the server's SQLite file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type CreateRoomResponse, type ParticipantView, type View, type VoteChoice } from '@protocol';
import type { RoomEvent } from '../../session-server/src/room/state.ts';
import { participantHash } from '../../session-server/src/server/secrets.ts';
import { connectPhone, type TestClient } from './clients.ts';

/** Any connected test client, whatever its role. */
export interface Closable {
  socket: Socket;
  close(): void;
}

/** Keeps track of clients so a test file can close them all at the end. */
export function clientPool() {
  const clients: Closable[] = [];
  return {
    keep<T extends Closable>(client: T): T {
      clients.push(client);
      return client;
    },
    closeAll() {
      for (const client of clients.splice(0)) client.close();
    },
  };
}

/** Opens `count` phones on a room at once; each gets its own random token. */
export async function connectPhones(url: string, room: CreateRoomResponse, count: number): Promise<TestClient<ParticipantView>[]> {
  return Promise.all(Array.from({ length: count }, () => connectPhone(url, room)));
}

/**
 * Every phone answers at once (nooit, soms, vaak in turn) and `kill` runs as soon as `killAfter`
 * answers were acknowledged: the crash tests' "kill -9 mid-lesson". Returns what each phone sent and
 * which were acknowledged (those must all be stored afterwards).
 */
export async function answerAllAndKillMidway(phones: TestClient<ParticipantView>[], cardId: string, killAfter: number, kill: () => void) {
  const sent = phones.map((_, i): VoteChoice => (['nooit', 'soms', 'vaak'] as const)[i % 3]!);
  const acked = new Set<number>();
  await Promise.allSettled(
    phones.map((phone, i) =>
      phone.send({ type: 'vote.cast', cardId, choice: sent[i] }).then((ack) => {
        if (!ack.ok) return;
        acked.add(i);
        if (acked.size === killAfter) kill();
      }),
    ),
  );
  return { sent, acked };
}

/** Resolves with the next view this client receives (e.g. the fresh one after a reconnect). */
export function nextView<V extends View>(client: TestClient<V>, timeoutMs = 10_000): Promise<V> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no view within ${timeoutMs} ms`)), timeoutMs);
    client.socket.once('view', (view: V) => {
      clearTimeout(timer);
      resolve(view);
    });
  });
}

/** Resolves when the socket is disconnected (by the server, or because the server went away). */
export function disconnected(client: Closable, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!client.socket.connected) return resolve('already disconnected');
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    client.socket.once('disconnect', (reason: string) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Tries a handshake and returns why the server refused it (connect_error data.reason). */
export function refusalReason(url: string, auth: Record<string, unknown>): Promise<string> {
  const socket = io(url, { auth: { v: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('no answer to the handshake'));
    }, 5000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.close();
      reject(new Error('the server accepted the handshake'));
    });
    socket.once('connect_error', (error: Error & { data?: { reason?: string } }) => {
      clearTimeout(timer);
      socket.close();
      resolve(error.data?.reason ?? `no reason (${error.message})`);
    });
  });
}

export interface StoredRoom {
  participantKey: string | null;
  events: RoomEvent[];
  commandKeys: (string | null)[];
}

/** Reads a room straight from the server's SQLite file, read-only, the way an auditor would. */
export function readStoredRoom(dataDir: string, code: string): StoredRoom | null {
  const db = new DatabaseSync(join(dataDir, 'kring.sqlite'), { readOnly: true });
  try {
    const room = db.prepare('SELECT participant_key FROM rooms WHERE code = ?').get(code) as { participant_key: string | null } | undefined;
    if (!room) return null;
    const rows = db.prepare('SELECT command_key, body FROM events WHERE code = ? ORDER BY seq').all(code) as { command_key: string | null; body: string }[];
    return { participantKey: room.participant_key, events: rows.map((r) => JSON.parse(r.body) as RoomEvent), commandKeys: rows.map((r) => r.command_key) };
  } finally {
    db.close();
  }
}

/** The keyed hashes the server knows these phones by, computed from the key it stored for the room. */
export function participantHashes(dataDir: string, code: string, tokens: string[]): string[] {
  const key = readStoredRoom(dataDir, code)?.participantKey;
  if (!key) throw new Error('the room has no participant key (ended or unknown)');
  return tokens.map((token) => participantHash(key, token));
}

/** The token a phone connected with (kept by socket.io-client for its reconnects). */
export const tokenOf = (phone: TestClient<ParticipantView>): string => (phone.socket.auth as { token: string }).token;

/** Every file SQLite keeps for the database, as raw text, the way someone with the disk would read it. */
export function rawDatabase(dataDir: string): string {
  return ['kring.sqlite', 'kring.sqlite-wal', 'kring.sqlite-shm', 'kring.sqlite-journal']
    .map((f) => join(dataDir, f))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}
