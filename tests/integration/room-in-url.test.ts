// Several processes behind nginx keep a room together by its join code in the socket.io URL
// (deploy/nginx/kring-cluster.conf hashes $arg_room): every request of the host's and beamer's
// socket.io-client and of the phone's light socket carries it, long-polling and the WebSocket upgrade.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { nanoid } from 'nanoid';
import { PROTOCOL_VERSION } from '@protocol';
import { startInProcess, type InProcessServer } from '../support/in-process-server.ts';
import { createRoom } from '../support/clients.ts';
import { openSocketIo } from '../../site/stores/screens.ts';
import { lightSocket } from '../../site/islands/phone/light-socket.ts';

let server: InProcessServer;
const urls: string[] = [];
beforeAll(async () => {
  // The light socket listens for the browser's 'offline' event (a browser global, not in Node).
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('removeEventListener', () => undefined);
  server = await startInProcess({ name: 'kring-room-url-' });
  server.app.io.engine.on('headers', (_headers: unknown, req: IncomingMessage) => urls.push(req.url ?? ''));
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

it('puts the join code in every socket.io request of the host and beamer client and of the phone', async () => {
  const room = await createRoom(server.url);
  const host = openSocketIo(server.url, { v: PROTOCOL_VERSION, role: 'host', room: room.code, key: room.hostKey });
  const phone = lightSocket(server.url, { v: PROTOCOL_VERSION, role: 'participant', room: room.code, token: nanoid() }, { delayMax: 4000 });
  phone.connect();
  try {
    await expect.poll(() => host.connected && phone.connected, { timeout: 10_000 }).toBe(true);
    // Both upgrade to WebSocket after long-polling: wait for two upgrade requests.
    await expect.poll(() => urls.filter((u) => u.includes('transport=websocket')).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) expect(new URL(url, server.url).searchParams.get('room'), url).toBe(room.code);
  } finally {
    host.close();
    phone.close();
  }
});
