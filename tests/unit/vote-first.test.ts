// "Eerst alles stemmen, dan praten over de drie met de meeste soms en vaak": the ranking of the themes
// by the results the beamer showed, the play list that puts the picked three next, and the voting
// round's card.goto that opens a card's vote but not yet its board.
import { describe, expect, it } from 'vitest';
import { NOT_SHOWN, TOO_FEW, type ExportedCard } from '@protocol';
import { rankThemes, talkPlaylist } from '../../site/islands/host/theme-ranking.ts';
import { hostView, participantView } from '../../session-server/src/room/views.ts';
import { boardCard, columnsBoard, makeDeck, makeRoom, voteCard } from '../support/room-fixture.ts';

const options = [
  { id: 'nooit', label: 'Nooit' },
  { id: 'soms', label: 'Soms' },
  { id: 'vaak', label: 'Vaak' },
];

function theme(id: string, counts: Record<string, number> | null, status: 'ok' | typeof TOO_FEW | typeof NOT_SHOWN = 'ok'): ExportedCard {
  return {
    id,
    title: `Thema ${id}`,
    vote: {
      question: 'Hoe vaak?',
      options,
      round: 1,
      status,
      nobodyAnswered: false,
      minimumReached: status === 'ok',
      counts,
      passes: counts ? 1 : null,
      split: false,
      earlierRounds: [],
    },
    board: null,
  };
}

describe('ranking the themes', () => {
  it('orders by the share of soms and vaak among those who answered, passes left out', () => {
    const cards = [
      theme('a', { nooit: 4, soms: 1, vaak: 0 }), // 20%
      theme('b', { nooit: 1, soms: 2, vaak: 2 }), // 80%
      theme('c', { nooit: 2, soms: 3, vaak: 0 }), // 60%
      theme('d', { nooit: 0, soms: 1, vaak: 4 }), // 100%
    ];
    const { ranked } = rankThemes(cards, ['a', 'b', 'c', 'd']);
    expect(ranked.map((t) => [t.id, Math.round(t.share * 100), t.answered])).toEqual([
      ['d', 100, 5],
      ['b', 80, 5],
      ['c', 60, 5],
      ['a', 20, 5],
    ]);
  });

  it('on an equal share puts more vaak first, then keeps the play order', () => {
    const cards = [theme('x', { nooit: 1, soms: 2, vaak: 0 }), theme('y', { nooit: 1, soms: 0, vaak: 2 }), theme('z', { nooit: 1, soms: 2, vaak: 0 })];
    expect(rankThemes(cards, ['x', 'y', 'z']).ranked.map((t) => t.id)).toEqual(['y', 'x', 'z']);
  });

  it('lists themes below the minimum as too few and unrevealed ones apart, never with a share', () => {
    const cards = [theme('a', { nooit: 1, soms: 2, vaak: 2 }), theme('b', null, TOO_FEW), theme('c', null, NOT_SHOWN)];
    const ranking = rankThemes(cards, ['a', 'b', 'c']);
    expect(ranking.ranked.map((t) => t.id)).toEqual(['a']);
    expect(ranking.tooFew).toEqual([{ id: 'b', title: 'Thema b' }]);
    expect(ranking.notShown).toEqual([{ id: 'c', title: 'Thema c' }]);
  });

  it('only ranks the themes asked for', () => {
    expect(rankThemes([theme('a', { nooit: 0, soms: 3, vaak: 0 })], ['b']).ranked).toEqual([]);
  });
});

describe('the play list for talking', () => {
  const list = ['opening', 'a', 'b', 'c', 'd', 'e', 'slot'];
  it('puts the picked themes right after the current card, in the order picked', () => {
    expect(talkPlaylist(list, 5, ['d', 'a', 'b'])).toEqual(['opening', 'c', 'e', 'd', 'a', 'b', 'slot']);
  });
  it('keeps a picked current card where it is, talked about first', () => {
    expect(talkPlaylist(list, 5, ['b', 'e', 'a'])).toEqual(['opening', 'c', 'd', 'e', 'b', 'a', 'slot']);
  });
});

describe('the voting round', () => {
  const deck = makeDeck({
    cards: [
      { id: 'welkom', kind: 'opening', title: 'Welkom', summary: 'We beginnen.' },
      { ...voteCard('pesten'), board: boardCard('x', columnsBoard()).board, talk: { questions: ['Speelt dit hier?'] } },
      { id: 'einde', kind: 'closing', title: 'Bedankt', summary: 'Tot ziens.' },
    ],
  });

  it('opens only the vote of a card shown with voteOnly: no board for phones or host', () => {
    const room = makeRoom({ deck, participants: 3, minGroupSize: 3 });
    room.must('host', { type: 'card.goto', index: 1, voteOnly: true });
    expect(hostView(room.state)).toMatchObject({ vote: { open: true }, board: null });
    expect(participantView(room.state, room.participants[0]!.hash)).toMatchObject({ vote: { open: true }, board: null });
    expect(room.as(0, { type: 'postIt.add', cardId: 'pesten', text: 'Te vroeg', columnId: 'goed' })).toMatchObject({ ok: false });
  });

  it('opens the board when the card comes back to be talked about, with the vote as it was', () => {
    const room = makeRoom({ deck, participants: 3, minGroupSize: 3 });
    room.must('host', { type: 'card.goto', index: 1, voteOnly: true });
    for (let i = 0; i < 3; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    room.must('host', { type: 'card.goto', index: 2, voteOnly: true });
    room.must('host', { type: 'card.goto', index: 1 });
    expect(hostView(room.state)).toMatchObject({ vote: { revealed: true }, board: { open: true } });
    room.must(0, { type: 'postIt.add', cardId: 'pesten', text: 'Nu wel', columnId: 'goed' });
  });
});
