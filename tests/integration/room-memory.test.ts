// Rooms cost little: storage keeps a deck once per version instead of a copy per room, and rooms
// nobody uses leave memory and load again, unchanged, when a phone or the host comes back.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectHost, connectPhone, createRoom } from '../support/clients.ts';
import { startInProcess, type InProcessServer } from '../support/in-process-server.ts';
import { readStoredRoom } from '../support/sessions.ts';

const MINUTE = 60_000;
let now = Date.UTC(2025, 0, 6, 9, 0);
let server: InProcessServer;
let app: InProcessServer['app'];
let url: string;
let dir: string;

beforeAll(async () => {
  server = await startInProcess({ name: 'kring-memory-', now: () => now });
  ({ app, url, dir } = server);
});
afterAll(() => server.close());

describe('what a room costs', () => {
  it('a stored room names its deck by version and holds no copy of it', async () => {
    const room = await createRoom(url);
    const created = readStoredRoom(dir, room.code)!.events[0]!;
    expect(created).toMatchObject({ type: 'roomCreated', deckId: 'focusgroep', deckVersion: expect.any(String) });
    expect(created).not.toHaveProperty('deck');
    expect(JSON.stringify(created).length).toBeLessThan(1000);
  });

  it('100 new rooms grow the database by far less than a deck each', async () => {
    // The database's size once the WAL is folded in (the WAL itself grows by whole pages per commit).
    const file = () => {
      const db = new DatabaseSync(join(dir, 'kring.sqlite'));
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      db.close();
      return statSync(join(dir, 'kring.sqlite')).size;
    };
    // Straight through the rooms (HTTP limits how many one address may start in an hour).
    await app.rooms.create({ deckId: 'focusgroep' });
    const before = file();
    for (let i = 0; i < 100; i++) await app.rooms.create({ deckId: 'focusgroep' });
    const perRoom = (file() - before) / 100;
    // A copy of the focusgroep deck alone is ~20 KB; a room is its code, hashes and a few events.
    expect(perRoom).toBeLessThan(4096);
  });

  it('a room nobody used for 10 minutes leaves memory and comes back unchanged', async () => {
    const room = await app.rooms.create({ deckId: 'focusgroep', minGroupSize: 3 });
    const host = await connectHost(url, room);
    await host.send({ type: 'card.goto', index: 2 });
    await host.waitFor((v) => v.cardIndex === 2);
    const phone = await connectPhone(url, room);
    const token = (phone.socket.auth as { token: string }).token;
    host.close();
    phone.close();
    await new Promise((ok) => setTimeout(ok, 100));

    const inMemory = app.rooms.size;
    now += 5 * MINUTE;
    await app.sweep();
    expect(app.rooms.size).toBe(inMemory);
    now += 6 * MINUTE;
    await app.sweep();
    expect(app.rooms.size).toBeLessThan(inMemory);

    const back = await connectPhone(url, room, token);
    expect(back.view()).toMatchObject({ status: 'live', card: { id: expect.any(String) } });
    const again = await connectHost(url, room);
    expect(again.view()).toMatchObject({ cardIndex: 2, joined: 1 });
    back.close();
    again.close();
  });
});
