// The embedded SQLite store against the storage contract, on a real file in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../session-server/src/storage/sqlite-store.ts';
import { roomStoreContract } from './room-store.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'kring-store-'));
const file = join(dir, 'nested', 'kring.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

roomStoreContract('sqlite', async () => openSqliteStore(file));

describe('the SQLite file', () => {
  it('is opened in WAL mode, so readers never block the writer', async () => {
    const store = openSqliteStore(file);
    await store.list();
    const db = new DatabaseSync(file, { readOnly: true });
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
    await store.close();
  });
});
