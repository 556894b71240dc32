// Retention: stored sessions are deleted after the retention period. The server runs in this
// process through createApplication with a clock the test controls, on a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPhone, createRoom } from '../support/clients.ts';
import { startInProcess, type InProcessServer } from '../support/in-process-server.ts';
import { disconnected, refusalReason } from '../support/sessions.ts';

const DAY = 24 * 3_600_000;
let now = Date.UTC(2025, 0, 6, 9, 0);
let server: InProcessServer;
let app: InProcessServer['app'];
let url: string;

beforeAll(async () => {
  server = await startInProcess({ name: 'kring-retention-', retentionDays: 30, now: () => now });
  ({ app, url } = server);
});
afterAll(() => server.close());

const exportStatus = async (code: string, hostKey: string) =>
  (await fetch(`${url}/api/rooms/${code}/results.json`, { headers: { authorization: `Bearer ${hostKey}` } })).status;

describe('retention', () => {
  it('deletes sessions older than the retention period, closes their screens, and keeps newer ones', async () => {
    const old = await createRoom(url);
    now += 29 * DAY;
    const recent = await createRoom(url);
    const phone = await connectPhone(url, old);
    const gone = disconnected(phone);

    // Not yet: exactly 30 days is still within the period.
    now += 1 * DAY;
    expect(await app.applyRetention()).toBe(0);
    expect(await exportStatus(old.code, old.hostKey)).toBe(200);

    now += 1;
    expect(await app.applyRetention()).toBe(1);
    expect(await gone).toBe('io server disconnect');
    phone.close();
    expect(await exportStatus(old.code, old.hostKey)).toBe(404);
    // A host key for a deleted room is refused like a wrong key; a phone hears the code is unknown.
    expect(await refusalReason(url, { role: 'host', room: old.code, key: old.hostKey })).toBe('forbidden');
    expect(await refusalReason(url, { role: 'participant', room: old.code, token: 'a'.repeat(21) })).toBe('unknown-room');
    expect(await exportStatus(recent.code, recent.hostKey)).toBe(200);
  });
});
