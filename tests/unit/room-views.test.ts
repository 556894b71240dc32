// What each role sees of a vote and a board: nothing before the reveal, nothing below the minimum.
import { describe, expect, it } from 'vitest';
import type { VoteChoice } from '@protocol';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import { makeDeck, makeRoom, type RoomFixture } from '../support/room-fixture.ts';

function voteRoom(choices: VoteChoice[], minGroupSize = 5): RoomFixture {
  const room = makeRoom({ participants: choices.length, minGroupSize });
  room.goto('pesten');
  choices.forEach((choice, i) => room.must(i, { type: 'vote.cast', cardId: 'pesten', choice }));
  return room;
}

const repeat = <T>(value: T, n: number): T[] => Array.from({ length: n }, () => value);

describe('vote results', () => {
  it('the beamer shows nothing of a vote before the host reveals it', () => {
    const room = voteRoom([...repeat<VoteChoice>('vaak', 7), 'nooit', 'pas']);
    const beamer = beamerView(room.state);
    // Only how many reacted (the host's one number, answers and passes alike), nothing of what.
    expect(beamer.vote).toEqual({ open: true, round: 1, responded: 9, result: { state: 'hidden' } });
    const { responded: _responded, ...rest } = beamer.vote!;
    const { responded: _none, ...before } = beamerView(voteRoom([]).state).vote!;
    expect(rest).toEqual(before);
  });

  it('the host sees how many reacted before revealing, as one number, but no counts per answer', () => {
    const room = voteRoom(['vaak', 'vaak', 'soms', 'pas', 'pas', 'nooit']);
    const vote = hostView(room.state).vote!;
    expect(vote).toEqual({ open: true, revealed: false, round: 1, responded: 6, nextReveal: 'new', result: { state: 'hidden' } });
  });

  it('a revealed result stays hidden below the minimum group size, and says why', () => {
    const room = voteRoom(['vaak', 'soms', 'nooit', 'vaak']);
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'too-few', minGroupSize: 5 });
    expect(hostView(room.state).vote?.result).toEqual({ state: 'too-few', minGroupSize: 5 });
  });

  it('passes do not count toward the minimum', () => {
    const room = voteRoom(['vaak', 'soms', 'nooit', 'vaak', 'pas', 'pas', 'pas']);
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    expect(beamerView(room.state).vote?.result.state).toBe('too-few');
  });

  it('at the minimum the beamer shows the exact counts', () => {
    const room = voteRoom(['vaak', 'soms', 'nooit', 'vaak', 'vaak', 'pas']);
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    const expected = { state: 'shown', counts: { nooit: 1, soms: 1, vaak: 3 }, answered: 5, passes: 1, split: false };
    expect(beamerView(room.state).vote?.result).toEqual(expected);
    expect(hostView(room.state).vote).toMatchObject({ revealed: true, responded: 6, result: expected });
  });

  it('after the host lowers the minimum, revealing again shows a small group’s result', () => {
    const room = voteRoom(['vaak', 'soms', 'nooit']);
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    expect(beamerView(room.state).vote?.result.state).toBe('too-few');
    room.must('host', { type: 'settings.minGroupSize', minGroupSize: 3 });
    // A reveal below the minimum froze nothing, so lowering it alone shows no counts.
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'too-few', minGroupSize: 3 });
    expect(hostView(room.state).vote?.nextReveal).toBe('new');
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    expect(beamerView(room.state).vote?.result).toMatchObject({ state: 'shown', counts: { nooit: 1, soms: 1, vaak: 1 } });
  });

  it('a shown result goes back to "too few" when the host raises the minimum above it', () => {
    const room = voteRoom(['vaak', 'soms', 'nooit', 'vaak', 'vaak']);
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    room.must('host', { type: 'settings.minGroupSize', minGroupSize: 6 });
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'too-few', minGroupSize: 6 });
    expect(hostView(room.state).vote?.result).toEqual({ state: 'too-few', minGroupSize: 6 });
  });

  it('host and beamer show the same result', () => {
    const room = voteRoom(['vaak', 'soms', 'nooit', 'vaak', 'vaak', 'pas']);
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    expect(hostView(room.state).vote?.result).toEqual(beamerView(room.state).vote?.result);
  });

  it('a participant sees only their own answer', () => {
    const room = voteRoom(['vaak', 'nooit']);
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    const view = participantView(room.state, room.participants[1]!.hash);
    expect(view.vote).toEqual({ open: true, revealed: true, round: 1, mine: 'nooit' });
    expect(JSON.stringify(view)).not.toMatch(/"(counts|result|answered|passes)"/);
  });

  it('a card without a vote has no vote in any view', () => {
    const room = makeRoom({ participants: 1 });
    expect(hostView(room.state).vote).toBeNull();
    expect(beamerView(room.state).vote).toBeNull();
    expect(participantView(room.state, room.participants[0]!.hash).vote).toBeNull();
  });
});

describe('board views', () => {
  function boardRoom(authors: number, minGroupSize = 5) {
    const room = makeRoom({ participants: authors, minGroupSize });
    room.goto('muur');
    for (let i = 0; i < authors; i++) room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Idee nummer ${i + 1}` });
    room.publish();
    return room;
  }

  it('the wall stays empty on the beamer until the host reveals it', () => {
    const room = boardRoom(6);
    expect(beamerView(room.state).board).toMatchObject({ revealed: false, postIts: [], tooFew: false });
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    expect(beamerView(room.state).board?.postIts).toHaveLength(6);
  });

  it('a revealed wall stays empty when fewer people wrote than the minimum', () => {
    const room = boardRoom(4);
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    expect(beamerView(room.state).board).toMatchObject({ revealed: true, postIts: [], clusters: [], tooFew: true });
    // The host still sees the post-its to moderate them, and that too few wrote (never how many).
    expect(hostView(room.state).board).toMatchObject({ enoughWriters: false });
    expect(hostView(room.state).board).not.toHaveProperty('authors');
    expect(hostView(room.state).board?.postIts).toHaveLength(4);
  });

  it('a phone on a class board knows its post-its wait for the teacher', () => {
    const room = makeRoom({ deck: makeDeck({ audience: 'klas' }), participants: 1 });
    room.goto('muur');
    expect(participantView(room.state, room.participants[0]!.hash).board?.moderated).toBe(true);
  });

  it('a participant sees their own post-its, not other people’s', () => {
    const room = boardRoom(3);
    const view = participantView(room.state, room.participants[2]!.hash);
    expect(view.board).toEqual({ open: true, moderated: false, mine: [{ id: expect.any(String), text: 'Idee nummer 3', columnId: null }], proposals: null });
  });
});

describe('the host view’s parts that answers do not change', () => {
  it('are the very same arrays from tick to tick while only answers come in, and new once cards, boards or the group size change', () => {
    const room = makeRoom({ participants: 3, minGroupSize: 3 });
    room.goto('pesten');
    const first = hostView(room.state);
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    const second = hostView(room.state);
    expect(second.vote?.responded).toBe(1);
    expect(second.allCards).toBe(first.allCards);
    expect(second.boardCardIds).toBe(first.boardCardIds);
    expect(second.afspraken).toBe(first.afspraken);

    // A card of the host's own: every list of cards is new, and the next tick shares it again.
    room.must('host', { type: 'card.add', title: 'Appjes na tienen', situation: 'Iemand stuurt de hele klas om half twaalf nog berichten.', scale: 'eens-oneens' });
    const withOwn = hostView(room.state);
    expect(withOwn.allCards).not.toBe(first.allCards);
    expect(withOwn.allCards.map((c) => c.title)).toContain('Appjes na tienen');
    room.must(1, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' });
    const later = hostView(room.state);
    expect(later.allCards).toBe(withOwn.allCards);
    expect(later.boardCardIds).toBe(withOwn.boardCardIds);
    expect(later.afspraken).toBe(withOwn.afspraken);

    // Another minimum group size: the adopted afspraken are worked out again.
    room.must('host', { type: 'settings.minGroupSize', minGroupSize: 4 });
    expect(hostView(room.state).afspraken).not.toBe(later.afspraken);
  });
});
