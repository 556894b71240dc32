// A real server in this process, through createApplication, on a free port and a real SQLite file
// in a temp folder: for tests that need a clock they control or a store they can break.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApplication, type AppDeps } from '../../session-server/src/server/create-application.ts';
import { loadDecks } from '../../session-server/src/server/decks.ts';
import { openSqliteStore } from '../../session-server/src/storage/sqlite-store.ts';
import type { RoomStore } from '../../session-server/src/storage/room-store.ts';
import { decksDir } from './room-fixture.ts';

export interface InProcessServer {
  url: string;
  /** The data folder; the database is `kring.sqlite` in it. */
  dir: string;
  app: ReturnType<typeof createApplication>;
  close(): Promise<void>;
}

export async function startInProcess(
  options: Partial<Omit<AppDeps, 'store'>> & { name?: string; wrapStore?: (store: RoomStore) => RoomStore } = {},
): Promise<InProcessServer> {
  const { name = 'kring-test-', wrapStore = (s) => s, ...deps } = options;
  const dir = mkdtempSync(join(tmpdir(), name));
  const httpServer = createServer();
  const app = createApplication(httpServer, {
    store: wrapStore(openSqliteStore(join(dir, 'kring.sqlite'))),
    decks: loadDecks(decksDir),
    siteDir: dir,
    ...deps,
  });
  await new Promise<void>((ok) => httpServer.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    dir,
    app,
    async close() {
      httpServer.closeAllConnections();
      await app.close();
      await new Promise((ok) => httpServer.close(ok));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
