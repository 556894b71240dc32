// Several processes: which one holds a room. A lease per room in PostgreSQL (owner, token,
// expiry); the holder renews it while it keeps the room in memory, and every write it makes names
// the token (BatchEntry.fence), which PostgreSQL checks inside the write's transaction. A process
// that was paused or cut off past its expiry may still believe it holds a room, but its writes fail
// once another process took over, because a takeover raised the token.
import pg from 'pg';
import { postgresStatements } from './postgres-schema.ts';
import { errorKind } from './postgres-store.ts';

export interface RoomLeasesOptions {
  connectionString: string;
  schema?: string;
  /** This process's name in the lease table (unique per process). */
  owner: string;
  /** How long a lease lasts without renewal (KRING_LEASE_TTL_MS): a killed holder's rooms move after this. */
  ttlMs: number;
  /** How often the held leases are renewed (KRING_LEASE_RENEW_MS); well below ttlMs. */
  renewMs: number;
  /**
   * The room's copy in memory, if any, may be stale and must leave memory: its lease was lost (taken
   * over, or not renewed in time), or it was just taken afresh (a copy loaded without the lease,
   * e.g. for an export, may predate another holder's writes).
   */
  onStale: (code: string) => void;
  /** Whether the room is still in memory; a lease on a room that left memory is released on renewal. */
  keep?: (code: string) => boolean;
}

/** Ours (with the token), held by another (`owner`; null: it just came free), or no such room. */
export type Acquired = { token: number } | { owner: string | null } | { missing: true };

export interface RoomLeases {
  readonly owner: string;
  /** Our token for the room while our lease on it is surely valid; null otherwise. */
  token(code: string): number | null;
  /** Takes the lease when it is free, expired or ours; otherwise says who holds it. */
  acquire(code: string): Promise<Acquired>;
  /** Gives the room up (it left memory). */
  release(code: string): Promise<void>;
  /** Releases every lease so others take over at once, and stops renewing. */
  close(): Promise<void>;
}

interface Held {
  token: number;
  /** Local clock: after this we no longer count on the lease (renewal may have failed). */
  validUntil: number;
}

export function openRoomLeases(options: RoomLeasesOptions): RoomLeases {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 3, connectionTimeoutMillis: 2_000, query_timeout: 2_000, keepAlive: true });
  pool.on('error', (error) => console.error(`[kring] PostgreSQL-verbinding voor leases verbroken (${errorKind(error)}).`));
  const sql = postgresStatements(options.schema);
  const held = new Map<string, Held>();
  // The margin covers the time a query takes to reach PostgreSQL: the expiry there counts from then.
  const validFor = options.ttlMs - Math.min(500, options.ttlMs / 4);

  function lose(code: string) {
    if (!held.delete(code)) return;
    options.onStale(code);
  }

  async function renew() {
    const now = Date.now();
    for (const [code, lease] of held) if (lease.validUntil <= now) lose(code);
    const unused = [...held.keys()].filter((code) => options.keep && !options.keep(code));
    for (const code of unused) held.delete(code);
    if (unused.length) await pool.query(sql.releaseLeases, [unused, options.owner]);
    if (!held.size) return;
    const codes = [...held.keys()];
    const tokens = codes.map((c) => held.get(c)!.token);
    const { rows } = await pool.query<{ code: string }>(sql.renewLeases, [codes, tokens, options.owner, options.ttlMs]);
    const renewed = new Set(rows.map((r) => r.code));
    for (const code of codes) {
      const lease = held.get(code);
      if (!lease || lease.token !== tokens[codes.indexOf(code)]) continue;
      if (renewed.has(code)) lease.validUntil = now + validFor;
      else lose(code);
    }
  }
  let renewing = false;
  const timer = setInterval(() => {
    if (renewing) return;
    renewing = true;
    renew()
      .catch((error: unknown) => console.error(`[kring] leases verlengen lukte niet (${errorKind(error)}); opnieuw over ${options.renewMs} ms.`))
      .finally(() => (renewing = false));
  }, options.renewMs);
  timer.unref();

  return {
    owner: options.owner,
    token(code) {
      const lease = held.get(code);
      return lease && lease.validUntil > Date.now() ? lease.token : null;
    },
    async acquire(code) {
      const started = Date.now();
      const { rows } = await pool.query<{ token: string }>(sql.acquireLease, [code, options.owner, options.ttlMs]);
      if (rows[0]) {
        const token = Number(rows[0].token);
        const before = held.get(code);
        // Not ours until now, or a higher token than ours: whatever is in memory may be stale.
        if (!before || before.token !== token) {
          held.delete(code);
          options.onStale(code);
        }
        held.set(code, { token, validUntil: started + validFor });
        return { token };
      }
      if (held.has(code)) lose(code);
      const { rows: owners } = await pool.query<{ owner: string | null }>(sql.leaseOwner, [code]);
      return owners[0] ? { owner: owners[0].owner } : { missing: true };
    },
    async release(code) {
      if (!held.delete(code)) return;
      await pool.query(sql.releaseLeases, [[code], options.owner]);
    },
    async close() {
      clearInterval(timer);
      const codes = [...held.keys()];
      held.clear();
      if (codes.length) await pool.query(sql.releaseLeases, [codes, options.owner]).catch(() => undefined);
      await pool.end();
    },
  };
}
