// Both socket.io transports through the real server: WebSocket, and long-polling (what a phone falls
// back to behind a school proxy that blocks WebSockets). A raw polling request, as curl sends it,
// must be answered by Engine.IO and leave the server up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom, type Transports } from '../support/clients.ts';
import { clientPool } from '../support/sessions.ts';

let server: ServerProcess;
const pool = clientPool();
const keep = pool.keep;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
});

describe('a raw long-polling request', () => {
  it('gets an Engine.IO handshake, and the server keeps answering', async () => {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(200);
    const body = await res.text();
    // Engine.IO's open packet: "0" followed by the handshake JSON with a session id.
    expect(body).toMatch(/^0\{"sid":/);
    expect(server.child.exitCode).toBeNull();
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
    // The site's own pages still come from the site, not from Engine.IO.
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect(server.output()).not.toMatch(/ERR_HTTP_HEADERS_SENT/);
  });

  it.each([
    ['no query at all', '/socket.io/'],
    ['an unknown transport', '/socket.io/?EIO=4&transport=carrier-pigeon'],
    ['an old protocol', '/socket.io/?EIO=2&transport=polling'],
    ['a made-up session id', '/socket.io/?EIO=4&transport=polling&sid=AAAAAAAAAAAAAAAAAAAA'],
    ['a broken percent escape', '/socket.io/?EIO=4&transport=polling&sid=%E0%A4%A'],
  ])('with %s is answered with an error and the server stays up', async (_name, path) => {
    const res = await fetch(server.url + path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});

describe('a second server on the same port', () => {
  it('stops with a plain Dutch message, not a stack trace, and the first keeps running', async () => {
    const second = startServer({ port: server.port });
    await expect(second).rejects.toThrow(/Poort \d+ is al in gebruik\. Draait Kring al/);
    await expect(second).rejects.not.toThrow(/EADDRINUSE|\n\s+at /);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe('no cookies', () => {
  it('neither a page, the API nor an Engine.IO handshake sets a cookie', async () => {
    const responses = await Promise.all([
      fetch(`${server.url}/`),
      fetch(`${server.url}/api/health`),
      fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deckId: 'focusgroep' }) }),
      fetch(`${server.url}/socket.io/?EIO=4&transport=polling`),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 201, 200]);
    for (const res of responses) expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe.each<[string, Transports]>([
  ['long-polling only', ['polling']],
  ['WebSocket only', ['websocket']],
  ['polling, then upgrade (as a browser does)', ['polling', 'websocket']],
])('a whole round over %s', (_name, transports) => {
  it('host, beamer and phones take part: join, vote, reveal', async () => {
    const room = await createRoom(server.url, { minGroupSize: 3 });
    const host = keep(await connectHost(server.url, room, transports));
    const beamer = keep(await connectBeamer(server.url, room, transports));
    const phones = await Promise.all([0, 1, 2].map(() => connectPhone(server.url, room, undefined, transports).then(keep)));
    await host.waitFor((v) => v.joined === 3);

    expect(await host.send({ type: 'card.goto', index: 1 })).toMatchObject({ ok: true });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    await Promise.all(phones.map((p) => p.waitFor((v) => v.card?.id === cardId)));
    const acks = await Promise.all(phones.map((p) => p.send({ type: 'vote.cast', cardId, choice: 'vaak' })));
    expect(acks.every((a) => a.ok)).toBe(true);
    await Promise.all(phones.map((p) => p.waitFor((v) => v.vote?.mine === 'vaak')));

    await host.waitFor((v) => (v.vote?.responded ?? 0) >= 3);
    expect(await host.send({ type: 'result.reveal', cardId })).toMatchObject({ ok: true });
    const shown = await beamer.waitFor((v) => v.vote?.result.state === 'shown');
    expect(shown.vote?.result).toMatchObject({ state: 'shown', counts: { nooit: 0, soms: 0, vaak: 3 } });
  });
});
