// createApplication(httpServer, deps): wires HTTP, sockets, rooms and storage. Tests start a real
// server with it on a free port and a temporary database.
import type { Server as HttpServer } from 'node:http';
import type { Deck } from '../protocol/index.ts';
import type { RoomStore } from '../storage/room-store.ts';
import { LiveRooms } from './live-rooms.ts';
import { attachSockets } from './sockets.ts';
import { createRequestHandler } from './http.ts';

export interface AppDeps {
  store: RoomStore;
  decks: Map<string, Deck>;
  siteDir: string;
  allowedOrigins?: string[];
  retentionDays?: number;
  now?: () => number;
}

const HOUR = 3_600_000;

export function createApplication(httpServer: HttpServer, deps: AppDeps) {
  const rooms = new LiveRooms(deps.store, deps.decks, deps.now);
  const allowedOrigins = deps.allowedOrigins ?? [];
  // The site's handler must be registered before socket.io attaches: Engine.IO then wraps it and
  // keeps /socket.io/ requests (long-polling) for itself. Registered after, both would answer the
  // same request and the second write would crash the process.
  httpServer.on(
    'request',
    createRequestHandler({ rooms, siteDir: deps.siteDir, allowedOrigins, onRoomDeleted: (code) => void sockets.closeRoom(code) }),
  );
  const sockets = attachSockets(httpServer, rooms, { allowedOrigins });

  // Retention: stored sessions are deleted after the retention period, checked hourly.
  const retentionMs = (deps.retentionDays ?? 30) * 24 * HOUR;
  async function applyRetention() {
    const cutoff = (deps.now ?? Date.now)() - retentionMs;
    const old = (await deps.store.list()).filter((r) => r.createdAt < cutoff);
    await deps.store.deleteCreatedBefore(cutoff);
    for (const { code } of old) {
      rooms.forget(code);
      await sockets.closeRoom(code);
    }
    return old.length;
  }
  const retentionTimer = setInterval(() => void applyRetention().catch(() => undefined), HOUR);
  retentionTimer.unref();

  return {
    rooms,
    io: sockets.io,
    applyRetention,
    async close() {
      clearInterval(retentionTimer);
      sockets.stop();
      await sockets.io.close();
      await deps.store.close();
    },
  };
}
