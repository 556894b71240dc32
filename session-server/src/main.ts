// Starts Kring: one process serving the built site and socket.io on one port.
import { joinAddresses } from './server/join-addresses.ts';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { configFromEnv, databaseLocation } from './server/config.ts';
import { loadDecks } from './server/decks.ts';
import { openSqliteStore } from './storage/sqlite-store.ts';
import { errorKind, openPostgresStore, UnsafeDatabaseError } from './storage/postgres-store.ts';
import type { RoomStore } from './storage/room-store.ts';
import { createApplication } from './server/create-application.ts';
import { openCluster, type Cluster } from './server/cluster/cluster.ts';

const config = configFromEnv();
if (config.redisUrl && !config.databaseUrl) {
  console.error('[kring] REDIS_URL is gezet maar DATABASE_URL niet. Meer processen samen hebben PostgreSQL nodig: een SQLite-bestand hoort bij één proces. Zet DATABASE_URL, of laat REDIS_URL leeg.');
  process.exit(1);
}
const decks = loadDecks(config.decksDir);
const store = await openStore();
const cluster = await openClusterLink();
const httpServer = createServer();
const app = createApplication(httpServer, {
  store,
  decks,
  siteDir: config.siteDir,
  retentionDays: config.retentionDays,
  unattendedEndHours: config.unattendedEndHours,
  overloopSampleMs: config.overloopSampleMs,
  commitQueueLimit: config.commitQueueLimit,
  participantsPerRoom: config.participantsPerRoom,
  snapshotEvery: config.snapshotEvery,
  access: config,
  cluster,
});

/** Several processes together when REDIS_URL is set (with DATABASE_URL, checked above). */
async function openClusterLink(): Promise<Cluster | undefined> {
  if (!config.redisUrl || !config.databaseUrl) return undefined;
  try {
    return await openCluster({
      redisUrl: config.redisUrl,
      databaseUrl: config.databaseUrl,
      prefix: config.redisPrefix,
      leaseTtlMs: config.leaseTtlMs,
      leaseRenewMs: config.leaseRenewMs,
      callTimeoutMs: Math.min(2000, config.leaseTtlMs),
    });
  } catch (error) {
    console.error(`[kring] Redis op ${redisLocation(config.redisUrl)} is niet bereikbaar (${errorKind(error)}). Draait Redis, en klopt REDIS_URL?`);
    process.exit(1);
  }
}

/** Host and port of a Redis address, without a password, for messages. */
function redisLocation(address: string) {
  const url = new URL(address);
  return `${url.hostname || 'localhost'}:${url.port || '6379'}`;
}

/** The embedded SQLite file, or PostgreSQL when DATABASE_URL is set (several processes together). */
async function openStore(): Promise<RoomStore> {
  if (!config.databaseUrl) return openSqliteStore(join(config.dataDir, 'kring.sqlite'));
  try {
    return await openPostgresStore({ connectionString: config.databaseUrl });
  } catch (error) {
    const where = databaseLocation(config.databaseUrl);
    console.error(
      error instanceof UnsafeDatabaseError
        ? `[kring] PostgreSQL op ${where}: ${error.message}`
        : `[kring] PostgreSQL op ${where} is niet bereikbaar of weigert Kring (${errorKind(error)}). Draait de database, klopt DATABASE_URL, en mag deze gebruiker tabellen maken in zijn schema?`,
    );
    process.exit(1);
  }
}

// Promises kept also across a restart: old sessions deleted, unattended ones ended and sealed.
const removed = await app.applyRetention();
await app.endUnattended();
// A second `npm start`, or another program on the port: say so plainly instead of a stack trace.
httpServer.once('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(
      `[kring] Poort ${config.port} is al in gebruik. Draait Kring al in een ander venster? Gebruik dat, of start met een andere poort: PORT=${config.port + 1} npm start`,
    );
  } else if (error.code === 'EACCES') {
    console.error(`[kring] Kring mag poort ${config.port} niet gebruiken. Kies een poort boven 1024, bijvoorbeeld: PORT=8080 npm start`);
  } else {
    console.error(`[kring] De server kon niet starten (${error.code ?? error.name}).`);
  }
  process.exit(1);
});
httpServer.listen(config.port, config.host, () => {
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`[kring] klaar op http://${shown}:${config.port} (${decks.size} kaartsets, data in ${config.databaseUrl ? `PostgreSQL op ${databaseLocation(config.databaseUrl)}` : config.dataDir}${cluster ? `, samen met andere processen via Redis op ${redisLocation(config.redisUrl!)}` : ''}${removed ? `, ${removed} oude sessies verwijderd` : ''})`);
  // Phones cannot open "localhost": say which address they can use.
  const forPhones = config.host === '127.0.0.1' ? [] : joinAddresses(config.publicUrl, config.port);
  if (forPhones.length) console.log(`[kring] telefoons doen mee via: ${forPhones.join('  of  ')}`);
  else console.log('[kring] geen netwerkadres gevonden: telefoons kunnen deze laptop niet bereiken. Zie README, "In de klas".');
});

// The last safety net: every handler answers its own errors, but an error nobody caught must not
// drop every class on this server. State changes only after a commit, so carrying on is safe.
// Only the error's kind and where it happened are logged: a message could quote what a client sent.
const logUncaught = (what: string) => (error: unknown) => {
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 4).join('\n') : '';
  console.error(`[kring] ${what} (${error instanceof Error ? error.name : typeof error}); the server carries on.\n${frames}`);
};
process.on('uncaughtException', logUncaught('an error nobody caught'));
process.on('unhandledRejection', logUncaught('a promise nobody handled'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    httpServer.closeAllConnections();
    void app.close().finally(() => process.exit(0));
  });
}
