// Deletion that deletes: after "Wis nu", after retention and after the server ended a session
// nobody hosted, the SQLite file and its WAL are read byte for byte, the way someone with the disk
// would, for the participant key, the phones' hashes and withdrawn texts. The server runs in this
// process through createApplication with a clock the test controls, on a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '@protocol';
import { connectHost, connectPhone, createRoom, type TestClient } from '../support/clients.ts';
import { startInProcess, type InProcessServer } from '../support/in-process-server.ts';
import { clientPool, participantHashes, rawDatabase, readStoredRoom, tokenOf } from '../support/sessions.ts';

const HOUR = 3_600_000;
let now = Date.UTC(2025, 0, 6, 9, 0);
let server: InProcessServer;
let app: InProcessServer['app'];
let url: string;
let dir: string;
const pool = clientPool();

beforeAll(async () => {
  server = await startInProcess({ name: 'kring-deletion-', retentionDays: 30, unattendedEndHours: 4, now: () => now });
  ({ app, url, dir } = server);
});
afterAll(async () => {
  pool.closeAll();
  await server.close();
});

/** A session on the team deck's open wall: 5 phones answer, write, and one withdraws a post-it. */
async function busySession(withdrawn: string) {
  const room = await createRoom(url, { deckId: 'focusgroep-team', minGroupSize: 3 });
  const host = pool.keep(await connectHost(url, room));
  const phones = await Promise.all([0, 1, 2, 3, 4].map(() => connectPhone(url, room).then(pool.keep)));
  await host.send({ type: 'card.goto', index: 1 });
  const card = (await host.waitFor((v) => v.cardIndex === 1)).card!;
  await Promise.all(phones.map((p, i) => p.send({ type: 'postIt.add', cardId: card.id, text: `Gewone post-it ${i} ${room.code}` })));
  const ack = await phones[0]!.send({ type: 'postIt.add', cardId: card.id, text: withdrawn });
  if (!ack.ok) throw new Error('could not add');
  expect(await phones[0]!.send({ type: 'postIt.withdraw', cardId: card.id, postItId: ack.postItId! })).toMatchObject({ ok: true });
  const tokens = phones.map(tokenOf);
  const secrets = [readStoredRoom(dir, room.code)!.participantKey!, ...participantHashes(dir, room.code, tokens), ...tokens, withdrawn];
  return { room, host, phones, secrets };
}

function expectNoneOnDisk(secrets: string[]) {
  const raw = rawDatabase(dir);
  for (const secret of secrets) expect(raw.includes(secret), `the database files still hold ${secret.slice(0, 12)}…`).toBe(false);
}

function closeAll(clients: TestClient<never>[] | { close(): void }[]) {
  for (const c of clients) c.close();
}

describe('deletion that deletes', () => {
  it('"Wis nu" leaves no key, hash or withdrawn text in the database file or its WAL', async () => {
    const { room, host, phones, secrets } = await busySession('Teruggetrokken tekst wisnu-7781');
    expect(rawDatabase(dir)).toContain(secrets[0]);
    const res = await fetch(`${url}/api/rooms/${room.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${room.hostKey}` } });
    expect(res.status).toBe(200);
    closeAll([host, ...phones]);
    expectNoneOnDisk(secrets);
  });

  it('retention leaves nothing of an old session readable', async () => {
    const { host, phones, secrets } = await busySession('Teruggetrokken tekst retentie-5512');
    closeAll([host, ...phones]);
    now += 31 * 24 * HOUR;
    expect(await app.applyRetention()).toBeGreaterThanOrEqual(1);
    expectNoneOnDisk(secrets);
  });

  it('a session nobody hosts for 4 hours is ended and sealed by the server, and its links are gone', async () => {
    const { room, host, phones, secrets } = await busySession('Teruggetrokken tekst onbeheerd-3390');
    host.close();
    // Give the server a moment to notice the host left.
    await new Promise((ok) => setTimeout(ok, 200));
    now += 3 * HOUR;
    expect(await app.endUnattended()).toBe(0);
    now += 1 * HOUR + 1000;
    const closing = phones[1]!.waitFor((v) => v.status === 'ended');
    expect(await app.endUnattended()).toBe(1);
    expect((await closing).card).toBeNull();
    expect(readStoredRoom(dir, room.code)!.participantKey).toBeNull();
    expectNoneOnDisk(secrets);
    // What the host let through is still there for the report.
    const results = await (await fetch(`${url}/api/rooms/${room.code}/results.json`, { headers: { authorization: `Bearer ${room.hostKey}` } })).json();
    expect(JSON.stringify(results)).toContain(`Gewone post-it 3 ${room.code}`);
    closeAll(phones);
  });

  it('a connected host keeps a long lesson going', async () => {
    const room: CreateRoomResponse = await createRoom(url);
    const host = pool.keep(await connectHost(url, room));
    now += 5 * HOUR;
    expect(await app.endUnattended()).toBe(0);
    expect((await connectHost(url, room).then(pool.keep)).view().status).toBe('live');
    host.close();
  });
});
