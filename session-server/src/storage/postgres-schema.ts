// The PostgreSQL tables and the statements postgres-store.ts runs on them. Every statement is
// parameterised; the only text put into SQL is a schema name, checked against a strict pattern.
import type pg from 'pg';

/** Versioned steps; a database records the last one it ran, so a new release only adds steps. */
const MIGRATIONS: ((t: (table: string) => string) => string)[] = [
  (t) => `
    CREATE TABLE IF NOT EXISTS ${t('rooms')} (
      code text PRIMARY KEY,
      created_at bigint NOT NULL,
      host_key_hash text NOT NULL,
      beamer_key_hash text NOT NULL,
      participant_key text,
      host_seen_at bigint,
      -- The seq the next event gets: moved in the append itself, under the room's row lock, so
      -- appends need no MAX(seq) query and two appends to one room cannot interleave.
      next_seq bigint NOT NULL DEFAULT 1
    );
    CREATE INDEX IF NOT EXISTS rooms_created_at ON ${t('rooms')} (created_at);
    -- Events as the SQLite store keeps them: the dehydrated event as JSON text. Not jsonb: jsonb
    -- refuses \\u0000, which a post-it may hold, and nothing queries inside an event.
    CREATE TABLE IF NOT EXISTS ${t('events')} (
      code text NOT NULL REFERENCES ${t('rooms')} (code) ON DELETE CASCADE,
      seq bigint NOT NULL,
      command_key text,
      body text NOT NULL,
      PRIMARY KEY (code, seq)
    );
    CREATE TABLE IF NOT EXISTS ${t('decks')} (
      version text PRIMARY KEY,
      body text NOT NULL
    );
  `,
  // Several processes: one holds a room at a time. The token grows on every takeover, and every
  // write of a holder names its token, so a holder that was paused past its lease cannot write.
  (t) => `
    CREATE TABLE IF NOT EXISTS ${t('room_leases')} (
      code text PRIMARY KEY REFERENCES ${t('rooms')} (code) ON DELETE CASCADE,
      owner text NOT NULL,
      token bigint NOT NULL,
      expires_at timestamptz NOT NULL
    );
  `,
];

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function tableNamer(schema: string | undefined) {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`not a schema name Kring uses: ${schema}`);
  return (table: string) => (schema ? `"${schema}".${table}` : table);
}

/** Runs `work` in one transaction on one connection; a connection that failed is not reused. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    // Passing the error destroys the connection: after a failure its state is not to be trusted.
    client.release(failure);
  }
}

/** Creates or updates the tables, one process at a time (several may start together). */
export async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const t = tableNamer(schema);
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('kring-schema:' || $1))", [schema ?? '']);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${t('kring_schema')} (version integer NOT NULL)`);
    const { rows } = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${t('kring_schema')}`);
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`De database is bijgewerkt door een nieuwere versie van Kring (schema ${current}, deze versie kent ${MIGRATIONS.length}). Werk Kring bij.`);
    }
    for (let version = current + 1; version <= MIGRATIONS.length; version++) await client.query(MIGRATIONS[version - 1]!(t));
    if (current < MIGRATIONS.length) {
      await client.query(`DELETE FROM ${t('kring_schema')}`);
      await client.query(`INSERT INTO ${t('kring_schema')} (version) VALUES ($1)`, [MIGRATIONS.length]);
    }
  });
}

export function postgresStatements(schema: string | undefined) {
  const t = tableNamer(schema);
  return {
    insertRoom: `INSERT INTO ${t('rooms')} (code, created_at, host_key_hash, beamer_key_hash, participant_key) VALUES ($1, $2, $3, $4, $5)`,
    /**
     * $1 codes, $2 command keys, $3 bodies: one row per event, in order. Each room's counter moves
     * once by its number of events; a room that does not exist gets no rows (the caller counts).
     */
    appendEvents: `
      WITH input AS (
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS i(code, command_key, body, ord)
      ), counts AS (
        SELECT code, count(*) AS n FROM input GROUP BY code
      ), bumped AS (
        UPDATE ${t('rooms')} r SET next_seq = r.next_seq + c.n FROM counts c WHERE r.code = c.code
        RETURNING r.code, r.next_seq - c.n AS first
      )
      INSERT INTO ${t('events')} (code, seq, command_key, body)
      SELECT i.code, b.first + row_number() OVER (PARTITION BY i.code ORDER BY i.ord) - 1, i.command_key, i.body
      FROM input i JOIN bumped b ON b.code = i.code`,
    /**
     * The lease tokens of rooms a batch writes to ($1 codes). FOR SHARE makes a takeover wait until
     * the batch's transaction ends (and the batch wait for a takeover in flight), so the tokens read
     * here still hold at COMMIT.
     */
    lockFences: `SELECT code, token FROM ${t('room_leases')} WHERE code = ANY($1::text[]) ORDER BY code FOR SHARE`,
    /**
     * Takes a room's lease when it is free, expired or already ours ($1 code, $2 owner, $3 ttl ms);
     * a takeover gets a higher token, a renewal of our own keeps it. No row back: someone else holds
     * it, or the room does not exist (a code that was guessed gets no lease row).
     */
    acquireLease: `
      INSERT INTO ${t('room_leases')} AS l (code, owner, token, expires_at)
      SELECT $1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond'
      WHERE EXISTS (SELECT 1 FROM ${t('rooms')} WHERE code = $1)
      ON CONFLICT (code) DO UPDATE SET
        owner = EXCLUDED.owner,
        token = CASE WHEN l.owner = EXCLUDED.owner AND l.expires_at > clock_timestamp() THEN l.token ELSE l.token + 1 END,
        expires_at = EXCLUDED.expires_at
      WHERE l.owner = EXCLUDED.owner OR l.expires_at <= clock_timestamp()
      RETURNING token`,
    /** Who holds the room now (no row: the room does not exist; owner null: nobody holds it). */
    leaseOwner: `
      SELECT l.owner FROM ${t('rooms')} r
      LEFT JOIN ${t('room_leases')} l ON l.code = r.code AND l.expires_at > clock_timestamp()
      WHERE r.code = $1`,
    /**
     * $1 codes, $2 tokens, $3 owner, $4 ttl ms: extends the leases still ours; returns their codes.
     * The rows are locked in code order first, as a batch's fence check (lockFences) locks them: an
     * UPDATE alone locks in whatever order its plan meets them, and a renewal that took one lease
     * and waited for another while a batch held that one and waited for the first was a deadlock
     * (PostgreSQL then fails one of them: a batch of answers refused). Likewise releaseLeases.
     */
    renewLeases: `
      WITH ours AS (
        SELECT l.code FROM ${t('room_leases')} l
        JOIN unnest($1::text[], $2::bigint[]) AS f(code, token) ON l.code = f.code AND l.token = f.token
        WHERE l.owner = $3
        ORDER BY l.code FOR UPDATE OF l
      )
      UPDATE ${t('room_leases')} l SET expires_at = clock_timestamp() + $4 * interval '1 millisecond'
      FROM ours WHERE l.code = ours.code
      RETURNING l.code`,
    /** Lets the next process take over at once (a clean shutdown): the token stays, the lease expires. */
    releaseLeases: `
      WITH ours AS (SELECT code FROM ${t('room_leases')} WHERE code = ANY($1::text[]) AND owner = $2 ORDER BY code FOR UPDATE)
      UPDATE ${t('room_leases')} l SET expires_at = clock_timestamp() FROM ours WHERE l.code = ours.code`,
    lockRooms: `SELECT code FROM ${t('rooms')} WHERE code = ANY($1::text[]) ORDER BY code FOR UPDATE`,
    loadRoom: `
      SELECT r.code, r.created_at, r.host_key_hash, r.beamer_key_hash, r.participant_key, e.command_key, e.body
      FROM ${t('rooms')} r LEFT JOIN ${t('events')} e ON e.code = r.code
      WHERE r.code = $1 ORDER BY e.seq`,
    loadRecord: `SELECT code, created_at, host_key_hash, beamer_key_hash, participant_key FROM ${t('rooms')} WHERE code = $1`,
    deleteEvents: `DELETE FROM ${t('events')} WHERE code = $1`,
    forgetParticipantKey: `UPDATE ${t('rooms')} SET participant_key = NULL WHERE code = $1`,
    listRooms: `SELECT code, created_at, host_seen_at, participant_key IS NULL AS sealed FROM ${t('rooms')} ORDER BY created_at`,
    deleteRoom: `DELETE FROM ${t('rooms')} WHERE code = $1`,
    deleteRoomsBefore: `DELETE FROM ${t('rooms')} WHERE created_at < $1`,
    markHostSeen: `UPDATE ${t('rooms')} SET host_seen_at = $1 WHERE code = $2`,
    insertDeck: `INSERT INTO ${t('decks')} (version, body) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING`,
    loadDeck: `SELECT body FROM ${t('decks')} WHERE version = $1`,
  };
}
