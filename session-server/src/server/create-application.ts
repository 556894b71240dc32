// createApplication(httpServer, deps): wires HTTP, sockets, rooms and storage. Tests start a real
// server with it on a free port and a temporary database.
import type { Server as HttpServer } from 'node:http';
import { DEFAULT_RETENTION_DAYS, DEFAULT_UNATTENDED_END_HOURS, type Deck } from '../protocol/index.ts';
import type { RoomStore } from '../storage/room-store.ts';
import { LiveRooms } from './live-rooms.ts';
import { attachSockets } from './sockets.ts';
import { createRequestHandler } from './http.ts';
import { originAllowed, originPolicy } from './origins.ts';
import { addressKeyOf } from './client-address.ts';
import { defaultAccess, type AccessConfig } from './config.ts';
import { housekeeping } from './housekeeping.ts';
import type { Cluster } from './cluster/cluster.ts';

export interface AppDeps {
  store: RoomStore;
  decks: Map<string, Deck>;
  siteDir: string;
  /** Public URL, allowed origins, trusted proxies, limits per address; main.ts passes its Config. */
  access?: AccessConfig;
  retentionDays?: number;
  /** A live session with no host connected for this long is ended and sealed (default 4). */
  unattendedEndHours?: number;
  /** How often an open overloopdebat takes a point (default 10 s; main.ts passes KRING_OVERLOOP_SAMPLE_MS). */
  overloopSampleMs?: number;
  /** Changes that may wait for the next group commit before commands get `busy` (KRING_COMMIT_QUEUE). */
  commitQueueLimit?: number;
  /** Phones one room takes (KRING_PARTICIPANTS_PER_ROOM, default LIMITS.participantsPerRoom). */
  participantsPerRoom?: number;
  /** Events a room stores before they are compacted into one snapshot (KRING_SNAPSHOT_EVERY). */
  snapshotEvery?: number;
  /** Several processes (DATABASE_URL + REDIS_URL, main.ts opens it); absent: this process serves every room. */
  cluster?: Cluster;
  now?: () => number;
}

const HOUR = 3_600_000;

export function createApplication(httpServer: HttpServer, deps: AppDeps) {
  const now = deps.now ?? Date.now;
  const cluster = deps.cluster;
  const rooms = new LiveRooms(deps.store, deps.decks, now, {
    commitQueueLimit: deps.commitQueueLimit,
    participantsPerRoom: deps.participantsPerRoom,
    snapshotEvery: deps.snapshotEvery,
    fence: cluster?.leases.token,
  });
  const access = deps.access ?? defaultAccess();
  const origins = originPolicy(access);
  // The site's handler must be registered before socket.io attaches: Engine.IO then wraps it and
  // keeps /socket.io/ requests (long-polling) for itself. Registered after, both would answer the
  // same request and the second write would crash the process.
  httpServer.on(
    'request',
    createRequestHandler({ rooms, siteDir: deps.siteDir, access, onRoomDeleted: (code) => void sockets.closeRoom(code), sharedLimits: cluster?.sharedLimits }),
  );
  const sockets = attachSockets(httpServer, rooms, {
    originAllowed: (origin) => originAllowed(origin, origins),
    addressKey: (req) => addressKeyOf(req, access.trustProxy),
    onHostSeen: (code) => jobs.markHostSeen(code),
    overloopSampleMs: deps.overloopSampleMs,
    cluster,
  });
  cluster?.onStale((code) => {
    rooms.lose(code);
    sockets.forgetRoom(code);
  });
  cluster?.keep((code) => rooms.has(code));
  const jobs = housekeeping({
    store: deps.store,
    rooms,
    now,
    retentionMs: (deps.retentionDays ?? DEFAULT_RETENTION_DAYS) * 24 * HOUR,
    unattendedEndMs: (deps.unattendedEndHours ?? DEFAULT_UNATTENDED_END_HOURS) * HOUR,
    idleEvictMs: 10 * 60_000,
    hostConnected: sockets.hostConnected,
    inUse: sockets.inUse,
    emitAll: sockets.emitAll,
    closeRoom: sockets.closeRoom,
    hold: cluster?.holder.hold,
  });

  return {
    rooms,
    io: sockets.io,
    applyRetention: jobs.applyRetention,
    endUnattended: jobs.endUnattended,
    /** One housekeeping round (unattended ends, idle rooms out of memory); runs every minute by itself. */
    sweep: jobs.sweep,
    async close() {
      jobs.stop();
      sockets.stop();
      await sockets.io.close();
      // Releasing the leases lets the other processes take this one's rooms over at once.
      await cluster?.close();
      await deps.store.close();
    },
  };
}
