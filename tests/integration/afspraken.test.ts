// Afspraken with real phones: 30 phones support proposals at once and every count is exact; a
// resent command and a reconnected phone never count twice; merged duplicates bring their supports;
// the adopted afspraken and the group's name are in the export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nanoid } from 'nanoid';
import type { CreateRoomResponse, HostView, ParticipantView, ResultsExport } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom, type TestClient } from '../support/clients.ts';
import { clientPool, connectPhones, tokenOf } from '../support/sessions.ts';

let server: ServerProcess;
let room: CreateRoomResponse;
let host: TestClient<HostView>;
let phones: TestClient<ParticipantView>[];
const pool = clientPool();
const cardId = 'onze-afspraken';
const TEXTS = ['we laten elkaar uitpraten', 'we delen geen filmpjes van anderen', 'we laten elkaar uit praten', 'we groeten elkaar', 'we helpen nieuwe klasgenoten', 'we zijn op tijd'];
const ids = new Map<string, string>();

beforeAll(async () => {
  server = await startServer();
  room = await createRoom(server.url, { deckId: 'dilemmas-klas', groupName: 'klas 4A' });
  host = pool.keep(await connectHost(server.url, room));
  pool.keep(await connectBeamer(server.url, room));
  phones = (await connectPhones(server.url, room, 30)).map((p) => pool.keep(p));
  const index = host.view().cards.findIndex((c) => c.id === cardId);
  await host.send({ type: 'card.goto', index });
  await host.waitFor((v) => v.card?.id === cardId);
  // Six phones propose; the class deck moderates, so the host approves, then shows the wall.
  for (const [i, text] of TEXTS.entries()) {
    const ack = await phones[i]!.send({ type: 'postIt.add', cardId, text });
    if (!ack.ok || !ack.postItId) throw new Error(`add refused: ${JSON.stringify(ack)}`);
    ids.set(text, ack.postItId);
  }
  await host.waitFor((v) => v.board?.postIts.length === 6);
  expect(await host.send({ type: 'postIt.approveAll', cardId })).toEqual({ ok: true });
  expect(await host.send({ type: 'board.reveal', cardId })).toEqual({ ok: true });
  // Published in batches: wait until every phone sees all six proposals.
  await Promise.all(phones.map((p) => p.waitFor((v) => v.board?.proposals?.length === 6, 20_000)));
}, 60_000);
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
});

const id = (text: string) => ids.get(text)!;
const support = (phone: TestClient<ParticipantView>, text: string, on = true, commandId?: string) =>
  phone.send({ type: 'postIt.support', cardId, postItId: id(text), support: on, ...(commandId ? { id: commandId } : {}) });
const supportsOn = (view: HostView, text: string) => view.board?.postIts.find((p) => p.id === id(text))?.supports;

describe('supporting proposals', () => {
  it('30 phones supporting at once give an exact count, and each phone sees only its own support', async () => {
    const acks = await Promise.all([
      ...phones.map((p) => support(p, 'we delen geen filmpjes van anderen')),
      ...phones.slice(0, 20).map((p) => support(p, 'we laten elkaar uitpraten')),
    ]);
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const view = await host.waitFor((v) => supportsOn(v, 'we delen geen filmpjes van anderen') === 30 && supportsOn(v, 'we laten elkaar uitpraten') === 20);
    expect(supportsOn(view, 'we groeten elkaar') ?? 0).toBe(0);
    const last = await phones[25]!.waitFor((v) => !!v.board?.proposals?.find((p) => p.id === id('we delen geen filmpjes van anderen'))?.supportedByMe);
    expect(last.board!.proposals!.find((p) => p.id === id('we laten elkaar uitpraten'))!.supportedByMe).toBe(false);
    expect(JSON.stringify(last)).not.toMatch(/"supports"/);
  });

  it('a command sent three times and a phone that reconnects still count once', async () => {
    const commandId = nanoid();
    const acks = await Promise.all([1, 2, 3].map(() => support(phones[0]!, 'we groeten elkaar', true, commandId)));
    expect(acks.every((a) => a.ok)).toBe(true);
    // The same phone on a second connection (a reload) supports again with a new command.
    const again = pool.keep(await connectPhone(server.url, room, tokenOf(phones[0]!)));
    expect(await support(again, 'we groeten elkaar')).toEqual({ ok: true });
    expect(await support(phones[1]!, 'we groeten elkaar')).toEqual({ ok: true });
    const view = await host.waitFor((v) => supportsOn(v, 'we groeten elkaar') === 2);
    expect(supportsOn(view, 'we groeten elkaar')).toBe(2);
    // Taken back on one connection: the other sees it too.
    expect(await support(again, 'we groeten elkaar', false)).toEqual({ ok: true });
    await phones[0]!.waitFor((v) => v.board?.proposals?.find((p) => p.id === id('we groeten elkaar'))?.supportedByMe === false);
    await host.waitFor((v) => supportsOn(v, 'we groeten elkaar') === 1);
  });

  it('merging a near-duplicate brings its supports, a phone that supported both counting once', async () => {
    // Phones 10..24 support the duplicate; 10..19 already support the original.
    await Promise.all(phones.slice(10, 25).map((p) => support(p, 'we laten elkaar uit praten')));
    await host.waitFor((v) => supportsOn(v, 'we laten elkaar uit praten') === 15);
    expect(await host.send({ type: 'postIt.merge', cardId, postItId: id('we laten elkaar uit praten'), intoId: id('we laten elkaar uitpraten') })).toEqual({ ok: true });
    await host.waitFor((v) => supportsOn(v, 'we laten elkaar uitpraten') === 25);
  });
});

describe('adopting afspraken', () => {
  it('adopted afspraken and the group name are in the export, most supported first', async () => {
    for (const text of ['we laten elkaar uitpraten', 'we delen geen filmpjes van anderen']) {
      expect(await host.send({ type: 'postIt.adopt', cardId, postItId: id(text), adopted: true })).toEqual({ ok: true });
    }
    const res = await fetch(`${server.url}/api/rooms/${room.code}/results.json`, { headers: { authorization: `Bearer ${room.hostKey}` } });
    const results = (await res.json()) as ResultsExport;
    expect(results.groupName).toBe('klas 4A');
    expect(results.afspraken).toEqual([
      { text: 'we delen geen filmpjes van anderen', supports: 30 },
      { text: 'we laten elkaar uitpraten', supports: 25 },
    ]);
    // A phone cannot adopt.
    expect(await phones[3]!.send({ type: 'postIt.adopt', cardId, postItId: id('we zijn op tijd'), adopted: true })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('after the end the beamer shows the afspraken and the export keeps them', async () => {
    const beamer = pool.keep(await connectBeamer(server.url, room));
    expect(await host.send({ type: 'session.end' })).toEqual({ ok: true });
    const ended = await beamer.waitFor((v) => v.status === 'ended');
    expect(ended.afspraken.map((a) => a.text)).toEqual(['we delen geen filmpjes van anderen', 'we laten elkaar uitpraten']);
    expect(ended.groupName).toBe('klas 4A');
  });
});
