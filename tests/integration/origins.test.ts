// Cross-site protection: a page on another website cannot open a WebSocket to Kring or create a
// room, unless the school configured that website. Kring never trusts the Host header for this: a
// DNS-rebinding page (http://evil.example:PORT resolving to 127.0.0.1) sends a Host that matches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { nanoid } from 'nanoid';
import { PROTOCOL_VERSION, type CreateRoomResponse } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { createRoom } from '../support/clients.ts';
import { originAllowed, originPolicy } from '../../session-server/src/server/origins.ts';

/** Opens a phone's WebSocket as a browser on `origin` would; resolves 'connected' or the error. */
function connectFrom(server: ServerProcess, room: CreateRoomResponse, origin: string, transport: 'websocket' | 'polling' = 'websocket'): Promise<string> {
  const socket = io(server.url, {
    auth: { v: PROTOCOL_VERSION, role: 'participant', room: room.code, token: nanoid() },
    transports: [transport],
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

/** Creates a room as a page on `origin` would (fetch sends Host: 127.0.0.1:PORT, as a rebinding page's browser does). */
async function createFrom(server: ServerProcess, origin: string): Promise<number> {
  const res = await fetch(`${server.url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ deckId: 'focusgroep' }),
  });
  await res.body?.cancel();
  return res.status;
}

describe('without a public URL (a teacher’s laptop on the school network)', () => {
  let server: ServerProcess;
  let room: CreateRoomResponse;
  beforeAll(async () => {
    server = await startServer({ env: { KRING_ALLOWED_ORIGINS: 'https://kring.school.example' } });
    room = await createRoom(server.url);
  });
  afterAll(() => server.cleanup());

  it('a page on the server’s own origin may connect', async () => {
    expect(await connectFrom(server, room, server.url)).toBe('connected');
    expect(await connectFrom(server, room, server.url, 'polling')).toBe('connected');
  });

  it('pages on this machine or the school network, on Kring’s port, may connect and start a session', async () => {
    for (const origin of [`http://localhost:${server.port}`, `http://192.168.1.20:${server.port}`, `http://10.4.0.12:${server.port}`, `http://[::1]:${server.port}`]) {
      expect(await connectFrom(server, room, origin), origin).toBe('connected');
    }
    expect(await createFrom(server, `http://192.168.1.20:${server.port}`)).toBe(201);
  });

  it('a page on a configured school website may connect', async () => {
    expect(await connectFrom(server, room, 'https://kring.school.example')).toBe('connected');
  });

  it('a DNS-rebinding page (evil.example on Kring’s port, Host 127.0.0.1) is refused at the socket and the API', async () => {
    const rebinding = `http://evil.example:${server.port}`;
    expect(await connectFrom(server, room, rebinding)).toMatch(/^refused/);
    expect(await connectFrom(server, room, rebinding, 'polling')).toMatch(/^refused/);
    expect(await createFrom(server, rebinding)).toBe(403);
  });

  it('a page on any other website is refused at the WebSocket handshake', async () => {
    expect(await connectFrom(server, room, 'https://evil.example')).toMatch(/^refused/);
  });

  it('a local-network page on another port, or a public address, is refused', async () => {
    for (const origin of [`http://192.168.1.20:${server.port + 1}`, `http://8.8.8.8:${server.port}`, `http://127.0.0.1.nip.io:${server.port}`, 'null']) {
      expect(await connectFrom(server, room, origin), origin).toMatch(/^refused/);
    }
  });

  it('another website cannot create a room through the API', async () => {
    expect(await createFrom(server, 'https://evil.example')).toBe(403);
  });
});

describe('with KRING_PUBLIC_URL', () => {
  let server: ServerProcess;
  let room: CreateRoomResponse;
  beforeAll(async () => {
    server = await startServer({ env: { KRING_PUBLIC_URL: 'https://kring.school.nl/', KRING_ALLOWED_ORIGINS: 'https://rooster.school.nl' } });
    room = await createRoom(server.url);
  });
  afterAll(() => server.cleanup());

  it('the public URL’s pages and the allowed websites may connect and start a session', async () => {
    expect(await connectFrom(server, room, 'https://kring.school.nl')).toBe('connected');
    expect(await connectFrom(server, room, 'https://rooster.school.nl')).toBe('connected');
    expect(await createFrom(server, 'https://kring.school.nl')).toBe(201);
  });

  it('no other origin passes: not the same host over http, not the machine’s own address, not the school network', async () => {
    for (const origin of ['http://kring.school.nl', server.url, `http://localhost:${server.port}`, `http://192.168.1.20:${server.port}`, `http://evil.example:${server.port}`]) {
      expect(await connectFrom(server, room, origin), origin).toMatch(/^refused/);
      expect(await createFrom(server, origin), origin).toBe(403);
    }
  });

  it('a script without an Origin header is no browser page and may still connect', async () => {
    const socket = io(server.url, {
      auth: { v: PROTOCOL_VERSION, role: 'participant', room: room.code, token: nanoid() },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.close();
  });
});

describe('configuration', () => {
  it('a public URL that is not an http(s) address stops the server with a clear message', async () => {
    await expect(startServer({ env: { KRING_PUBLIC_URL: 'kring.school.nl' } })).rejects.toThrow(/KRING_PUBLIC_URL moet een webadres zijn/);
    await expect(startServer({ env: { KRING_PUBLIC_URL: 'ftp://kring.school.nl' } })).rejects.toThrow(/begint met https:\/\//);
  });
});

describe('the origin policy', () => {
  const local = originPolicy({ publicUrl: null, allowedOrigins: [], port: 8080 });
  const hosted = originPolicy({ publicUrl: 'https://kring.school.nl', allowedOrigins: ['*'], port: 8080 });

  it.each([
    'http://127.0.0.1:8080', 'http://127.8.9.10:8080', 'http://10.0.0.1:8080', 'http://172.16.0.1:8080', 'http://172.31.255.255:8080',
    'http://192.168.0.1:8080', 'http://169.254.1.1:8080', 'http://localhost:8080', 'http://[::1]:8080', 'http://[fd12:3456::1]:8080',
    'http://[fc00::1]:8080', 'http://[fe80::1]:8080', 'http://[::ffff:192.168.1.2]:8080',
  ])('on a laptop, %s counts as a page of Kring', (origin) => {
    expect(originAllowed(origin, local)).toBe(true);
  });

  it.each([
    'http://172.15.0.1:8080', 'http://172.32.0.1:8080', 'http://192.169.0.1:8080', 'http://8.8.8.8:8080', 'http://[2001:db8::1]:8080',
    'http://[fec0::1]:8080', 'http://localhost.evil.example:8080', 'http://localhost:8081', 'http://127.0.0.1', 'https://127.0.0.1:443',
    'file://', 'null', 'not a url', 'http://127.0.0.1:8080@evil.example',
  ])('on a laptop, %s does not', (origin) => {
    expect(originAllowed(origin, local)).toBe(false);
  });

  it("with a public URL, '*' still lets every website in, and no Origin header is always fine", () => {
    expect(originAllowed('https://anything.example', hosted)).toBe(true);
    expect(originAllowed(undefined, local)).toBe(true);
  });
});
