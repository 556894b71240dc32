// Several session-server processes together (DATABASE_URL and REDIS_URL): the Redis connections
// for socket.io's adapter (broadcasts reach sockets on every process) and for forwarded calls, and
// the room leases in PostgreSQL. main.ts opens it; createApplication wires it in.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-adapter';
import { openRoomLeases, type RoomLeases } from '../../storage/room-leases.ts';
import { roomCalls, type RoomCalls } from './room-calls.ts';
import { leasedRooms, type RoomHolder } from './room-holder.ts';

export interface ClusterOptions {
  redisUrl: string;
  databaseUrl: string;
  /** A PostgreSQL schema of its own (tests); default: the search_path's. */
  schema?: string;
  /** Redis channel names start with this (KRING_REDIS_PREFIX), so installations can share a Redis. */
  prefix: string;
  leaseTtlMs: number;
  leaseRenewMs: number;
  /** How long a forwarded call waits for the holder before the client hears `busy`. */
  callTimeoutMs: number;
}

/** A Redis connection and key prefix for limits every process counts together (rate-limiter-flexible). */
export interface SharedLimits {
  client: Redis;
  prefix: string;
}

export interface Cluster {
  processId: string;
  leases: RoomLeases;
  holder: RoomHolder;
  sharedLimits: SharedLimits;
  /** For `new Server({ adapter })`. */
  adapter: ReturnType<typeof createAdapter>;
  /** Answers calls forwarded by other processes (set once the socket layer exists). */
  serve(handle: (call: unknown) => Promise<unknown>): void;
  /** A room's copy in memory may be stale (lease lost, or just taken); the handler drops it. */
  onStale(handler: (code: string) => void): void;
  /** Which leased rooms this process still keeps in memory (others are released). */
  keep(inMemory: (code: string) => boolean): void;
  close(): Promise<void>;
}

function connection(url: string, name: string): Redis {
  // Commands wait (offline queue) while Redis reconnects; a forwarded call has its own timeout.
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, retryStrategy: (times) => Math.min(times * 200, 2000) });
  let down = false;
  redis.on('error', (error: Error & { code?: string }) => {
    if (down) return;
    down = true;
    console.error(`[kring] Redis (${name}) niet bereikbaar (${error.code ?? error.name}); Kring probeert het steeds opnieuw.`);
  });
  redis.on('ready', () => {
    if (down) console.error(`[kring] Redis (${name}) weer bereikbaar.`);
    down = false;
  });
  return redis;
}

export async function openCluster(options: ClusterOptions): Promise<Cluster> {
  const processId = randomUUID();
  const adapterPub = connection(options.redisUrl, 'adapter');
  const adapterSub = connection(options.redisUrl, 'adapter');
  const callsPub = connection(options.redisUrl, 'calls');
  const callsSub = connection(options.redisUrl, 'calls');
  const redis = [adapterPub, adapterSub, callsPub, callsSub];
  await Promise.all(redis.map((r) => r.connect()));

  let handle: (call: unknown) => Promise<unknown> = async () => ({ busy: true });
  let stale: (code: string) => void = () => undefined;
  let inMemory: (code: string) => boolean = () => true;
  const leases = openRoomLeases({
    connectionString: options.databaseUrl,
    schema: options.schema,
    owner: processId,
    ttlMs: options.leaseTtlMs,
    renewMs: options.leaseRenewMs,
    onStale: (code) => stale(code),
    keep: (code) => inMemory(code),
  });
  const calls: RoomCalls = roomCalls({
    publisher: callsPub,
    subscriber: callsSub,
    prefix: options.prefix,
    processId,
    timeoutMs: options.callTimeoutMs,
    handle: (call) => handle(call),
  });
  await calls.start();

  return {
    processId,
    leases,
    holder: leasedRooms(leases, calls),
    // The calls' publishing connection is an ordinary one (not subscribed), so it can count too.
    sharedLimits: { client: callsPub, prefix: `${options.prefix}:limits` },
    adapter: createAdapter(adapterPub, adapterSub, { key: `${options.prefix}:io`, requestsTimeout: options.callTimeoutMs }),
    serve: (h) => (handle = h),
    onStale: (h) => (stale = h),
    keep: (h) => (inMemory = h),
    async close() {
      await leases.close();
      for (const r of redis) r.disconnect();
    },
  };
}
