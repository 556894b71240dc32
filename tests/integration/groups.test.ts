// Small groups with real phones: 12 phones split into three groups of four, each group writes on
// its own card and board, the host moderates and reveals each group, the beamer shows them side by
// side, and "Iedereen terug" brings every phone back to one card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeamerView, CreateRoomResponse, HostView, ParticipantView } from '@protocol';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { connectBeamer, connectHost, connectPhone, createRoom, type TestClient } from '../support/clients.ts';
import { clientPool, connectPhones } from '../support/sessions.ts';

let server: ServerProcess;
let room: CreateRoomResponse;
let host: TestClient<HostView>;
let beamer: TestClient<BeamerView>;
let phones: TestClient<ParticipantView>[];
const pool = clientPool();
/** Each phone's group number, by phone index. */
const groupOf: number[] = [];
const textOf = (phone: number) => `Groep ${groupOf[phone]}: idee van telefoon ${phone + 1}`;

beforeAll(async () => {
  server = await startServer();
  // The class deck: its boards are moderated, so the host approves what the groups write.
  room = await createRoom(server.url, { deckId: 'focusgroep', minGroupSize: 3 });
  host = pool.keep(await connectHost(server.url, room));
  beamer = pool.keep(await connectBeamer(server.url, room));
  phones = (await connectPhones(server.url, room, 12)).map((p) => pool.keep(p));
  const index = host.view().cards.findIndex((c) => c.id === 'schrijven');
  await host.send({ type: 'card.goto', index });
  await host.waitFor((v) => v.cardIndex === index && v.joined === 12);
});
afterAll(async () => {
  pool.closeAll();
  await server.cleanup();
});

describe('small groups', () => {
  it('splits 12 phones into three groups of four, each phone with only its own group’s card and board', async () => {
    expect(await host.send({ type: 'groups.start', size: 4, cardIds: ['schrijven', 'discriminatie'] })).toEqual({ ok: true });
    const hostView = await host.waitFor((v) => v.groups !== null);
    expect(hostView.groups!.map((g) => [g.number, g.cardId, g.members])).toEqual([
      [1, 'schrijven', 4],
      [2, 'discriminatie', 4],
      [3, 'schrijven', 4],
    ]);
    for (const [i, phone] of phones.entries()) {
      const view = await phone.waitFor((v) => v.group !== null);
      expect(view.group!.count).toBe(3);
      groupOf[i] = view.group!.number;
      expect(view.card!.id).toBe(view.group!.number === 2 ? 'discriminatie' : 'schrijven');
      // Groups do not vote, also on a card that has a vote.
      expect(view.vote).toBeNull();
      expect(view.board).toMatchObject({ open: true, moderated: true, mine: [] });
    }
    expect([1, 2, 3].map((g) => groupOf.filter((n) => n === g).length)).toEqual([4, 4, 4]);
  });

  it('a post-it from one group never appears on a phone in another group', async () => {
    const acks = await Promise.all(
      phones.map((phone, i) => {
        const card = phone.view().card!;
        return phone.send({ type: 'postIt.add', cardId: card.id, text: textOf(i), columnId: card.board!.columns![0]!.id });
      }),
    );
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    for (const [i, phone] of phones.entries()) {
      const view = await phone.waitFor((v) => v.board?.mine.length === 1);
      expect(view.board!.mine.map((p) => p.text)).toEqual([textOf(i)]);
      for (const g of [1, 2, 3].filter((g) => g !== groupOf[i])) expect(JSON.stringify(view)).not.toContain(`Groep ${g}:`);
    }
    // A phone in group 1 cannot write on group 2's card.
    const inOne = phones[groupOf.indexOf(1)]!;
    expect(await inOne.send({ type: 'postIt.add', cardId: 'discriminatie', text: 'Verkeerd groepje', columnId: 'goed' })).toMatchObject({
      ok: false,
      error: 'conflict',
    });
  });

  it('the host approves and reveals each group, and the beamer shows the groups side by side', async () => {
    const waiting = await host.waitFor((v) => v.groups!.every((g) => g.board.postIts.length === 4));
    for (const g of waiting.groups!) {
      expect(g.board.postIts.every((p) => p.status === 'pending')).toBe(true);
      expect(g.board.enoughWriters).toBe(true);
    }
    // Nothing on the beamer yet: not approved, not revealed.
    for (const g of beamer.view().groups!) expect(g.board.postIts).toEqual([]);
    for (const g of [1, 2, 3]) {
      expect(await host.send({ type: 'postIt.approveAll', cardId: g === 2 ? 'discriminatie' : 'schrijven', group: g })).toEqual({ ok: true });
      expect(await host.send({ type: 'board.reveal', cardId: g === 2 ? 'discriminatie' : 'schrijven', group: g })).toEqual({ ok: true });
    }
    const shown = await beamer.waitFor((v) => !!v.groups && v.groups.every((g) => g.board.postIts.length === 4), 15_000);
    expect(shown.groups!.map((g) => [g.number, g.card.id])).toEqual([
      [1, 'schrijven'],
      [2, 'discriminatie'],
      [3, 'schrijven'],
    ]);
    for (const g of shown.groups!) {
      const expected = phones.map((_, i) => i).filter((i) => groupOf[i] === g.number).map(textOf).sort();
      expect(g.board.postIts.map((p) => p.text).sort()).toEqual(expected);
    }
  });

  it('a phone that joins late goes to the smallest group (the first, when all are equal)', async () => {
    const late = pool.keep(await connectPhone(server.url, room));
    const view = await late.waitFor((v) => v.group !== null);
    expect(view.group).toEqual({ number: 1, count: 3 });
    expect(view.card!.id).toBe('schrijven');
    await host.waitFor((v) => v.groups![0]!.members === 5);
  });

  it('"Iedereen terug" brings every phone back to the room’s card and the beamer to one card', async () => {
    expect(await host.send({ type: 'groups.end' })).toEqual({ ok: true });
    for (const phone of phones) {
      const view = await phone.waitFor((v) => v.group === null);
      expect(view.card!.id).toBe('schrijven');
      expect(view.board!.mine).toEqual([]);
    }
    const back = await beamer.waitFor((v) => v.groups === null);
    expect(back.card!.id).toBe('schrijven');
    expect((await host.waitFor((v) => v.groups === null)).card!.id).toBe('schrijven');
  });
});
