// Afspraken: proposals as anonymous post-its, one support per participant per proposal (changeable),
// supports follow a merged duplicate, the host adopts, and the adopted afspraken reach the beamer,
// the export and (after the end) nothing that ties a support to a phone.
import { describe, expect, it } from 'vitest';
import type { Card } from '@protocol';
import { boardCard, makeDeck, makeRoom } from '../support/room-fixture.ts';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import { exportResults } from '../../session-server/src/room/export.ts';
import { anonymise } from '../../session-server/src/room/apply.ts';

const afsprakenCard: Card = { ...boardCard('afspraken', { prompt: 'Wij spreken af dat …' }), kind: 'afspraken' };

function proposalRoom(participants = 8) {
  const room = makeRoom({
    participants,
    groupName: 'klas 3B',
    deck: makeDeck({ audience: 'klas', cards: [{ id: 'welkom', kind: 'opening', title: 'Welkom', summary: 'Hallo.' }, afsprakenCard, boardCard('muur')] }),
  });
  room.goto('afspraken');
  const texts = ['we laten elkaar uitpraten', 'we lachen niemand uit', 'we delen geen filmpjes zonder te vragen', 'we laten elkaar uit praten', 'we groeten elkaar', 'we helpen nieuwe mensen'];
  const ids = texts.map((text, i) => room.must(i, { type: 'postIt.add', cardId: 'afspraken', text }).data!.postItId!);
  room.must('host', { type: 'postIt.approveAll', cardId: 'afspraken' });
  room.publish();
  room.must('host', { type: 'board.reveal', cardId: 'afspraken' });
  return { room, ids };
}

const support = (room: ReturnType<typeof makeRoom>, who: number, postItId: string, on = true) =>
  room.as(who, { type: 'postIt.support', cardId: 'afspraken', postItId, support: on });
const supportsOf = (room: ReturnType<typeof makeRoom>, id: string) => hostView(room.state).board!.postIts.find((p) => p.id === id)!.supports;

describe('supporting a proposal', () => {
  it('counts one support per participant, however often it is sent, and can be taken back', () => {
    const { room, ids } = proposalRoom();
    expect(support(room, 0, ids[1]!)).toMatchObject({ ok: true });
    expect(support(room, 0, ids[1]!)).toEqual({ ok: true, events: [] });
    expect(support(room, 1, ids[1]!)).toMatchObject({ ok: true });
    expect(supportsOf(room, ids[1]!)).toBe(2);
    support(room, 0, ids[1]!, false);
    expect(supportsOf(room, ids[1]!)).toBe(1);
  });

  it('a phone sees the proposals with only its own support, once the beamer shows them', () => {
    const { room, ids } = proposalRoom();
    support(room, 2, ids[0]!);
    const mine = participantView(room.state, room.participants[2]!.hash).board!.proposals!;
    const other = participantView(room.state, room.participants[3]!.hash).board!.proposals!;
    expect(mine.find((p) => p.id === ids[0])).toMatchObject({ supportedByMe: true });
    expect(other.find((p) => p.id === ids[0])).toMatchObject({ supportedByMe: false });
    expect(JSON.stringify(other)).not.toMatch(/supports"/);
    room.must('host', { type: 'board.hide', cardId: 'afspraken' });
    expect(participantView(room.state, room.participants[2]!.hash).board!.proposals).toBeNull();
  });

  it('refuses support from the host, on an ordinary board, and on a proposal not on the wall', () => {
    const { room, ids } = proposalRoom();
    expect(room.run({ role: 'host' }, { type: 'postIt.support', cardId: 'afspraken', postItId: ids[0]!, support: true })).toMatchObject({ ok: false });
    const late = room.must(7, { type: 'postIt.add', cardId: 'afspraken', text: 'nog een idee' }).data!.postItId!;
    expect(support(room, 6, late)).toMatchObject({ ok: false, error: 'not-found' });
    room.goto('muur');
    const own = room.must(0, { type: 'postIt.add', cardId: 'muur', text: 'iets' }).data!.postItId!;
    expect(room.as(1, { type: 'postIt.support', cardId: 'muur', postItId: own, support: true })).toMatchObject({ ok: false });
  });

  it('merging a near-duplicate brings its supports along, counting a person who supported both once', () => {
    const { room, ids } = proposalRoom();
    support(room, 0, ids[0]!);
    support(room, 1, ids[0]!);
    support(room, 1, ids[3]!);
    support(room, 2, ids[3]!);
    room.must('host', { type: 'postIt.merge', cardId: 'afspraken', postItId: ids[3]!, intoId: ids[0]! });
    expect(supportsOf(room, ids[0]!)).toBe(3);
    // A phone that still had the merged one on screen supports the proposal it joined.
    expect(support(room, 4, ids[3]!)).toMatchObject({ ok: true });
    expect(supportsOf(room, ids[0]!)).toBe(4);
  });
});

describe('adopting afspraken', () => {
  it('the host adopts; beamer, host and export list the adopted afspraken, most supported first, with the group name', () => {
    const { room, ids } = proposalRoom();
    for (const who of [0, 1, 2]) support(room, who, ids[2]!);
    support(room, 3, ids[1]!);
    room.must('host', { type: 'postIt.adopt', cardId: 'afspraken', postItId: ids[1]!, adopted: true });
    room.must('host', { type: 'postIt.adopt', cardId: 'afspraken', postItId: ids[2]!, adopted: true });
    const expected = [
      { text: 'we delen geen filmpjes zonder te vragen', supports: 3 },
      { text: 'we lachen niemand uit', supports: 1 },
    ];
    expect(beamerView(room.state).afspraken).toEqual(expected);
    expect(hostView(room.state).afspraken).toEqual(expected);
    const exported = exportResults(room.state);
    expect(exported).toMatchObject({ groupName: 'klas 3B', afspraken: expected });
    expect(exported.cards.find((c) => c.id === 'afspraken')!.board!.postIts.find((p) => p.text === 'we lachen niemand uit')).toMatchObject({ supports: 1, adopted: true });
    // Dropped again: off the list.
    room.must('host', { type: 'postIt.adopt', cardId: 'afspraken', postItId: ids[1]!, adopted: false });
    expect(beamerView(room.state).afspraken).toEqual([expected[0]]);
  });

  it('after the end the afspraken and their counts stay, the supporters do not', () => {
    const { room, ids } = proposalRoom();
    for (const who of [0, 1]) support(room, who, ids[4]!);
    room.must('host', { type: 'postIt.adopt', cardId: 'afspraken', postItId: ids[4]!, adopted: true });
    room.must('host', { type: 'session.end' });
    const kept = anonymise(room.state);
    expect(exportResults(kept).afspraken).toEqual([{ text: 'we groeten elkaar', supports: 2 }]);
    expect(beamerView(kept).afspraken).toEqual([{ text: 'we groeten elkaar', supports: 2 }]);
    const json = JSON.stringify(kept);
    for (const p of room.participants) expect(json).not.toContain(p.hash);
  });

  it('nothing below the minimum group size of writers is adopted onto the beamer', () => {
    const room = makeRoom({ participants: 3, deck: makeDeck({ cards: [{ id: 'welkom', kind: 'opening', title: 'Welkom', summary: 'Hallo.' }, afsprakenCard] }) });
    room.goto('afspraken');
    const id = room.must(0, { type: 'postIt.add', cardId: 'afspraken', text: 'we zijn op tijd' }).data!.postItId!;
    room.publish();
    room.must('host', { type: 'postIt.adopt', cardId: 'afspraken', postItId: id, adopted: true });
    expect(beamerView(room.state).afspraken).toEqual([]);
    expect(exportResults(room.state).afspraken).toEqual([]);
  });
});
