// Hostile or broken input over the socket: malformed commands are refused as invalid and change
// nothing; an oversized message is dropped without disturbing anyone else in the room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom } from '../support/clients.ts';
import { clientPool, disconnected, nextView, type Closable } from '../support/sessions.ts';

let server: ServerProcess;
let room: CreateRoomResponse;
let cardId: string;
const pool = clientPool();
const keep = pool.keep;

beforeAll(async () => {
  server = await startServer();
  // The team deck's second card is a free wall without moderation, so post-its show up directly.
  room = await createRoom(server.url, { deckId: 'focusgroep-team', minGroupSize: 3 });
  const host = keep(await connectHost(server.url, room));
  await host.send({ type: 'card.goto', index: 1 });
  cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
});
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
});

/** Emits exactly this payload (no id added) and waits for the acknowledgement. */
const sendRaw = (client: Closable, payload: unknown) => client.socket.timeout(3000).emitWithAck('command', payload);

async function currentHostView() {
  const host = await connectHost(server.url, room);
  const view = host.view();
  host.close();
  return view;
}

describe('malformed commands', () => {
  const valid = () => ({ id: 'valid-command-01', type: 'postIt.add', cardId, text: 'Hallo' });
  const cases: [string, () => unknown][] = [
    ['a command without an id', () => ({ type: 'postIt.add', cardId, text: 'Hallo' })],
    ['an id that is too short', () => ({ ...valid(), id: 'abc' })],
    ['an id with odd characters', () => ({ ...valid(), id: '../../etc/passwd' })],
    ['a text that is a number', () => ({ ...valid(), text: 42 })],
    ['a card id that is an object', () => ({ ...valid(), cardId: { $ne: null } })],
    ['a column that is an array', () => ({ ...valid(), columnId: ['a'] })],
    ['an unknown type', () => ({ ...valid(), type: 'postIt.explode' })],
    ['a type that is not a string', () => ({ ...valid(), type: ['postIt.add'] })],
    ['an extra key', () => ({ ...valid(), author: 'someone-else' })],
    ['a __proto__ key', () => JSON.parse(`{"__proto__": {"polluted": true}, "id": "proto-command-1", "type": "postIt.add", "cardId": "${cardId}", "text": "Hallo"}`)],
    ['a constructor.prototype key', () => ({ ...valid(), constructor: { prototype: { polluted: true } } })],
    ['a text far beyond the limit', () => ({ ...valid(), text: 'x'.repeat(1500) })],
    ['null', () => null],
    ['a string', () => 'postIt.add'],
    ['a number', () => 7],
    ['an array', () => [valid()]],
    ['an empty object', () => ({})],
  ];

  it.each(cases)('%s is refused as invalid and adds nothing', async (_name, payload) => {
    const phone = keep(await connectPhone(server.url, room));
    expect(await sendRaw(phone, payload())).toMatchObject({ ok: false, error: 'invalid', message: expect.any(String) });
    expect(phone.socket.connected).toBe(true);
    expect((await currentHostView()).board?.postIts).toEqual([]);
  });

  it('a malformed host command is refused as invalid and changes nothing', async () => {
    const host = keep(await connectHost(server.url, room));
    const before = host.view();
    for (const payload of [
      { id: 'host-bad-000001', type: 'card.goto', index: -1 },
      { id: 'host-bad-000002', type: 'card.goto', index: '3' },
      { id: 'host-bad-000003', type: 'settings.minGroupSize', minGroupSize: 2 },
      { id: 'host-bad-000004', type: 'settings.minGroupSize', minGroupSize: 4.5 },
      JSON.parse('{"__proto__": {"role": "host"}, "id": "host-bad-000005", "type": "session.end"}'),
    ]) {
      expect(await sendRaw(host, payload)).toMatchObject({ ok: false, error: 'invalid' });
    }
    expect(await currentHostView()).toEqual(before);
  });

  it('a command without an acknowledgement callback is ignored and the server carries on', async () => {
    const phone = keep(await connectPhone(server.url, room));
    phone.socket.emit('command', { id: 'no-ack-command-1', type: 'postIt.add', cardId, text: 'Zonder ack' });
    phone.socket.emit('command');
    phone.socket.emit('no-such-event', { id: 'other-event-001' });
    // The server still answers this phone, and the command without ack was not applied.
    expect(await phone.send({ type: 'postIt.add', cardId, text: 'Met ack' })).toMatchObject({ ok: true });
    const view = await phone.waitFor((v) => (v.board?.mine.length ?? 0) > 0);
    expect(view.board?.mine.map((p) => p.text)).toEqual(['Met ack']);
    await phone.send({ type: 'postIt.withdraw', cardId, postItId: view.board!.mine[0]!.id });
    await phone.waitFor((v) => v.board?.mine.length === 0);
  });
});

describe('an oversized message', () => {
  it('a 10 KB post-it is dropped and the room is unchanged for everyone else', async () => {
    const host = keep(await connectHost(server.url, room));
    const beamer = keep(await connectBeamer(server.url, room));
    const bystander = keep(await connectPhone(server.url, room));
    const sender = keep(await connectPhone(server.url, room));
    const before = await currentHostView();

    const gone = disconnected(sender);
    const reconnected = nextView(sender);
    const outcome = await sender
      .send({ type: 'postIt.add', cardId, text: 'x'.repeat(10 * 1024) })
      .then((ack) => ({ ack }), (error: Error) => ({ error: error.message }));
    // socket.io drops a message above its buffer limit by closing the connection; if a server ever
    // answered instead, the answer must be a refusal.
    if ('ack' in outcome) expect(outcome.ack).toMatchObject({ ok: false });
    else expect(await gone).toBeTruthy();

    // The sender reconnects by itself and gets a fresh view without the post-it.
    if ('error' in outcome) expect((await reconnected).board?.mine).toEqual([]);
    expect((await currentHostView()).board?.postIts).toEqual(before.board?.postIts);
    expect(host.socket.connected && beamer.socket.connected && bystander.socket.connected).toBe(true);

    // Everyone else carries on as before.
    expect(await bystander.send({ type: 'postIt.add', cardId, text: 'Gewoon een briefje' })).toMatchObject({ ok: true });
    const hostView = await host.waitFor((v) => v.board?.postIts.length === 1);
    expect(hostView.board?.postIts.map((p) => p.text)).toEqual(['Gewoon een briefje']);
    expect(await sender.send({ type: 'postIt.add', cardId, text: 'Nu korter' })).toMatchObject({ ok: true });
  });
});
