// Who may connect and who may steer: host actions from a phone or the beamer are refused and change
// nothing; a wrong key, an old client and an unknown room are refused at the handshake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nanoid } from 'nanoid';
import { PROTOCOL_VERSION, type CreateRoomResponse } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom } from '../support/clients.ts';
import { clientPool, refusalReason } from '../support/sessions.ts';

let server: ServerProcess;
let room: CreateRoomResponse;
const pool = clientPool();
const keep = pool.keep;

beforeAll(async () => {
  server = await startServer();
  room = await createRoom(server.url, { minGroupSize: 3 });
});
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
});

/** The host's view as a freshly connected host gets it: the room as it is stored now. */
async function currentHostView() {
  const host = await connectHost(server.url, room);
  const view = host.view();
  host.close();
  return view;
}

const hostActions = (cardId: string) => [
  { type: 'card.goto', index: 3 },
  { type: 'result.reveal', cardId },
  { type: 'vote.close', cardId },
  { type: 'settings.minGroupSize', minGroupSize: 3 },
  { type: 'postIt.hide', cardId, postItId: 'abcd1234' },
  { type: 'session.end' },
];

describe('steering the room', () => {
  it('host actions sent with a participant token are refused and change nothing', async () => {
    const host = keep(await connectHost(server.url, room));
    const phones = await Promise.all([1, 2, 3].map(() => connectPhone(server.url, room).then(keep)));
    await host.send({ type: 'card.goto', index: 1 });
    const cardId = (await host.waitFor((v) => v.cardIndex === 1)).card!.id;
    await Promise.all(phones.map((p) => p.send({ type: 'vote.cast', cardId, choice: 'vaak' })));
    const before = await host.waitFor((v) => v.vote?.responded === 3);

    for (const action of hostActions(cardId)) {
      expect(await phones[0]!.send(action), action.type).toMatchObject({ ok: false, error: 'forbidden' });
    }
    const after = await currentHostView();
    expect(after).toEqual(before);
    expect(after).toMatchObject({ status: 'live', cardIndex: 1, minGroupSize: 3, vote: { open: true, revealed: false } });
  });

  it('host actions sent from the beamer are refused and change nothing', async () => {
    const beamer = keep(await connectBeamer(server.url, room));
    const before = await currentHostView();
    const cardId = before.card!.id;
    for (const action of [...hostActions(cardId), { type: 'vote.cast', cardId, choice: 'nooit' }]) {
      expect(await beamer.send(action), action.type).toMatchObject({ ok: false, error: 'forbidden' });
    }
    expect(await currentHostView()).toEqual(before);
    expect(beamer.view().vote?.result).toEqual({ state: 'hidden' });
  });

  it('the host cannot vote', async () => {
    const host = keep(await connectHost(server.url, room));
    const before = host.view();
    expect(await host.send({ type: 'vote.cast', cardId: before.card!.id, choice: 'nooit' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await currentHostView()).vote).toEqual(before.vote);
  });
});

describe('the handshake', () => {
  it('a wrong host key is refused', async () => {
    expect(await refusalReason(server.url, { role: 'host', room: room.code, key: nanoid(32) })).toBe('forbidden');
  });

  it('the beamer key does not open the host screen, nor the host key the beamer', async () => {
    expect(await refusalReason(server.url, { role: 'host', room: room.code, key: room.beamerKey })).toBe('forbidden');
    expect(await refusalReason(server.url, { role: 'beamer', room: room.code, key: room.hostKey })).toBe('forbidden');
  });

  it('the host key of another room does not open this one', async () => {
    const other = await createRoom(server.url);
    expect(await refusalReason(server.url, { role: 'host', room: room.code, key: other.hostKey })).toBe('forbidden');
  });

  it('a client with an old protocol version is told to reload', async () => {
    expect(await refusalReason(server.url, { v: PROTOCOL_VERSION - 1, role: 'participant', room: room.code, token: nanoid() })).toBe('outdated');
    expect(await refusalReason(server.url, { v: undefined, role: 'host', room: room.code, key: room.hostKey })).toBe('outdated');
  });

  it('an unknown room is refused as unknown', async () => {
    const unknown = room.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    expect(await refusalReason(server.url, { role: 'participant', room: unknown, token: nanoid() })).toBe('unknown-room');
  });

  it('a malformed handshake is refused as invalid', async () => {
    expect(await refusalReason(server.url, { role: 'participant', room: room.code, token: 'short' })).toBe('invalid');
    expect(await refusalReason(server.url, { role: 'admin', room: room.code, key: room.hostKey })).toBe('invalid');
    expect(await refusalReason(server.url, { role: 'participant', room: 'O0O0O0', token: nanoid() })).toBe('invalid');
  });

  it('a phone may type the code in lower case with a dash', async () => {
    const lower = `${room.code.slice(0, 3)}-${room.code.slice(3)}`.toLowerCase();
    const phone = keep(await connectPhone(server.url, { ...room, code: lower }));
    expect(phone.view().role).toBe('participant');
    expect(phone.view().status).toBe('live');
  });
});
