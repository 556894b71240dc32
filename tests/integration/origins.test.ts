// Cross-site protection: a page on another website cannot open a WebSocket to Kring or create a
// room, unless the school configured that website in KRING_ALLOWED_ORIGINS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { nanoid } from 'nanoid';
import { PROTOCOL_VERSION, type CreateRoomResponse } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { createRoom } from '../support/clients.ts';

let server: ServerProcess;
let room: CreateRoomResponse;

beforeAll(async () => {
  server = await startServer({ env: { KRING_ALLOWED_ORIGINS: 'https://kring.school.example' } });
  room = await createRoom(server.url);
});
afterAll(() => server.cleanup());

/** Opens a phone's WebSocket as a browser on `origin` would; resolves 'connected' or the error. */
function connectFrom(origin: string): Promise<string> {
  const socket = io(server.url, {
    auth: { v: PROTOCOL_VERSION, role: 'participant', room: room.code, token: nanoid() },
    transports: ['websocket'],
    extraHeaders: { origin },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(`refused: ${error.message}`);
    });
  });
}

describe('allowed origins', () => {
  it('a page on the server’s own origin may connect', async () => {
    expect(await connectFrom(server.url)).toBe('connected');
  });

  it('a page on a configured school website may connect', async () => {
    expect(await connectFrom('https://kring.school.example')).toBe('connected');
  });

  it('a page on any other website is refused at the WebSocket handshake', async () => {
    expect(await connectFrom('https://evil.example')).toMatch(/^refused/);
  });

  it('another website cannot create a room through the API', async () => {
    const res = await fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ deckId: 'focusgroep' }),
    });
    expect(res.status).toBe(403);
  });
});
