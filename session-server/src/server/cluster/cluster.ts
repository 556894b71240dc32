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

/** Thrown when Redis does not answer at the start; `code` says why (e.g. ECONNREFUSED). */
class RedisUnreachableError extends Error {
  code: string;
  constructor(code: string) {
    super('Redis unreachable');
    this.code = code;
  }
}

function connection(url: string, name: string): { redis: Redis; lastError: () => string } {
  // Commands wait (offline queue) while Redis reconnects; a forwarded call has its own timeout.
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, retryStrategy: (times) => Math.min(times * 200, 2000) });
  let down = false;
  let ready = false;
  let lastError = 'unknown';
  redis.on('error', (error: Error & { code?: string }) => {
    lastError = error.code ?? error.name;
    // Before the first connection main.ts reports the failure in one line and stops.
    if (down || !ready) return;
    down = true;
    console.error(`[kring] Redis (${name}) niet bereikbaar (${lastError}); Kring probeert het steeds opnieuw.`);
  });
  redis.on('ready', () => {
    if (down) console.error(`[kring] Redis (${name}) weer bereikbaar.`);
    down = false;
    ready = true;
  });
  return { redis, lastError: () => lastError };
}

/**
 * socket.io's Redis adapter publishes broadcasts without waiting for the result. While Redis is
 * away each would end as an unhandled rejection (a log line per view sent); those views are lost
 * either way (the next one is whole again), and the connection's 'error' already said Redis is away.
 */
function quietPublish(redis: Redis) {
  const publish = redis.publish.bind(redis) as (channel: string, message: string | Buffer) => Promise<number>;
  redis.publish = ((channel: string, message: string | Buffer) => publish(channel, message).catch(() => 0)) as typeof redis.publish;
}

export async function openCluster(options: ClusterOptions): Promise<Cluster> {
  const processId = randomUUID();
  const connections = [connection(options.redisUrl, 'adapter'), connection(options.redisUrl, 'adapter'), connection(options.redisUrl, 'calls'), connection(options.redisUrl, 'calls')];
  const redis = connections.map((c) => c.redis);
  const [adapterPub, adapterSub, callsPub, callsSub] = redis as [Redis, Redis, Redis, Redis];
  quietPublish(adapterPub);
  try {
    await Promise.all(redis.map((r) => r.connect()));
  } catch {
    for (const r of redis) r.disconnect();
    throw new RedisUnreachableError(connections.map((c) => c.lastError()).find((e) => e !== 'unknown') ?? 'unknown');
  }

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
