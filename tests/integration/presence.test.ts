// "Doen mee" counts the phones connected now, not everyone who ever joined: a phone that leaves is
// no longer counted, a phone with two tabs counts once, and a phone that comes back counts again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BeamerView, HostView } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom, type TestClient } from '../support/clients.ts';
import { clientPool, connectPhones, tokenOf } from '../support/sessions.ts';

let server: ServerProcess;
const pool = clientPool();
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
});

it('host and beamer count the phones here now, each phone once', async () => {
  const room = await createRoom(server.url);
  const host: TestClient<HostView> = pool.keep(await connectHost(server.url, room));
  const beamer: TestClient<BeamerView> = pool.keep(await connectBeamer(server.url, room));
  const phones = (await connectPhones(server.url, room, 6)).map((p) => pool.keep(p));
  await host.waitFor((v) => v.present === 6 && v.joined === 6);
  // A second tab of the same phone: still 6.
  const secondTab = pool.keep(await connectPhone(server.url, room, tokenOf(phones[0]!)));
  await new Promise((r) => setTimeout(r, 1500));
  expect(host.view().present).toBe(6);
  // Three leave (one of them had two tabs and closes both).
  phones[0]!.close();
  secondTab.close();
  phones[1]!.close();
  phones[2]!.close();
  const after = await host.waitFor((v) => v.present === 3);
  expect(after.joined).toBe(6);
  await beamer.waitFor((v) => v.present === 3);
  // One comes back with its code: counted again, not as a new participant.
  pool.keep(await connectPhone(server.url, room, tokenOf(phones[1]!)));
  const back = await host.waitFor((v) => v.present === 4);
  expect(back.joined).toBe(6);
});
