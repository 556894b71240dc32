// What an open connection keeps of the requests that opened it: nothing. socket.io and Engine.IO
// each hold a copy of the handshake (token or key, address, every header) for as long as a socket
// is open, and Engine.IO's WebSocket path keeps the request itself (a first one, or the upgrade of
// a browser that started with long-polling) until the socket closes. The server empties and drops
// them once they were read, for every transport a phone may use. (Besides privacy: the headers
// took about 1.2 KB of heap per phone.)
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantView } from '@protocol';
import { startInProcess, type InProcessServer } from '../support/in-process-server.ts';
import { connectHost, connectPhone, createRoom, type TestClient, type Transports } from '../support/clients.ts';
import { clientPool } from '../support/sessions.ts';

const pool = clientPool();
let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcess({ name: 'kring-forgotten-' });
});
afterAll(async () => {
  pool.closeAll();
  await server.close();
});

type EngineRequest = IncomingMessage & { websocket?: unknown };

describe('an admitted connection', () => {
  it('keeps no request, header, address or token, over WebSocket, long-polling and an upgrade, and still works', async () => {
    // Every request Engine.IO keeps: the one that opened each connection, and each upgrade.
    const opening: EngineRequest[] = [];
    const upgrades: EngineRequest[] = [];
    server.app.io.engine.on('connection', (connection: { request: EngineRequest }) => opening.push(connection.request));
    server.app.io.engine.on('headers', (_headers: unknown, request: EngineRequest) => {
      if (new URL(request.url ?? '', 'http://x').searchParams.has('sid') && request.websocket === undefined && !upgrades.includes(request)) upgrades.push(request);
    });
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = pool.keep(await connectHost(server.url, room));
    const transports: Transports[] = [['websocket'], ['polling'], ['polling', 'websocket']];
    const phones: TestClient<ParticipantView>[] = [];
    for (const [i, t] of transports.entries()) phones.push(pool.keep(await connectPhone(server.url, room, `token${i}`.padEnd(21, 'q'), t)));
    await host.waitFor((v) => v.joined === 3);
    // The upgrades and a few long-polling round trips happen after the handshake was forgotten.
    await new Promise((done) => setTimeout(done, 300));

    const sockets = [...server.app.io.of('/').sockets.values()];
    expect(sockets).toHaveLength(4);
    for (const socket of sockets) {
      expect(socket.request).toBeUndefined();
      expect(socket.conn.remoteAddress).toBe('');
      expect(socket.handshake).toMatchObject({ auth: {}, headers: {}, query: {}, address: '', url: '' });
      const kept = JSON.stringify({ handshake: socket.handshake, data: socket.data, address: socket.conn.remoteAddress });
      expect(kept).not.toMatch(/token\d|127\.0\.0\.1|user-agent/i);
      expect(kept).not.toContain(room.hostKey);
    }
    // Host and three phones opened a connection; the host and the third phone upgraded.
    expect(opening).toHaveLength(4);
    const upgraded = upgrades.filter((r) => r.websocket !== undefined);
    expect(upgraded).toHaveLength(2);
    for (const request of [...opening, ...upgraded]) {
      expect(request.headers).toEqual({});
      expect(request.rawHeaders).toEqual([]);
    }

    // Still served as before: every phone answers and a long-polling one reads the next card.
    expect(await host.send({ type: 'card.goto', index: 1 })).toMatchObject({ ok: true });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    await Promise.all(phones.map((p) => p.waitFor((v) => v.card?.id === cardId)));
    const acks = await Promise.all(phones.map((p) => p.send({ type: 'vote.cast', cardId, choice: 'soms' })));
    expect(acks.map((a) => a.ok)).toEqual([true, true, true]);
    await host.waitFor((v) => v.vote?.responded === 3);
  });
});
