// Issue 8, "Anonymity that holds against differencing, fake phones and metadata", written as the
// attacks: each test is something a curious host or classmate tries, and asserts what they get to
// see (beamer, host console, report). The minimum group size k is 5 throughout.
import { describe, expect, it } from 'vitest';
import { LIMITS, type VoteChoice } from '@protocol';
import { anonymise } from '../../session-server/src/room/apply.ts';
import { beamerView, hostView, wallOf } from '../../session-server/src/room/views.ts';
import { exportResults, resultsToCsv } from '../../session-server/src/room/export.ts';
import { boardCard, makeDeck, makeParticipant, makeRoom, type CommandInput, type RoomFixture } from '../support/room-fixture.ts';

const K = 5;

/** A room on the vote card 'pesten' with `phones` phones joined; the first `answers` of them answered. */
function votedRoom(answers: VoteChoice[], phones = 20) {
  const room = makeRoom({ participants: phones, minGroupSize: K });
  room.goto('pesten');
  answers.forEach((choice, i) => room.must(i, { type: 'vote.cast', cardId: 'pesten', choice }));
  return room;
}

const cast = (room: RoomFixture, who: number, choice: VoteChoice) => room.must(who, { type: 'vote.cast', cardId: 'pesten', choice });
const reveal = (room: RoomFixture) => room.host({ type: 'result.reveal', cardId: 'pesten' });

/** Everything about the vote a curious host or classmate can look at. */
function observed(room: RoomFixture, state = room.state) {
  return {
    beamer: beamerView(state),
    host: hostView(state).vote?.result,
    report: exportResults(state),
    csv: resultsToCsv(exportResults(state)),
  };
}

const shownCounts = (room: RoomFixture): Record<string, number> | null => {
  const result = beamerView(room.state).vote?.result;
  return result?.state === 'shown' ? { ...result.counts, pas: result.passes } : null;
};

const FIVE: VoteChoice[] = ['vaak', 'soms', 'soms', 'nooit', 'vaak'];

describe('differencing a vote', () => {
  it('a sixth answer after the reveal at five moves nothing on the beamer, the host console or the report', () => {
    const room = votedRoom(FIVE);
    reveal(room);
    const before = observed(room);
    cast(room, 5, 'nooit');
    expect(observed(room)).toEqual(before);
    expect(before.beamer.vote?.result).toEqual({ state: 'shown', counts: { nooit: 1, soms: 2, vaak: 2 }, answered: 5, passes: 0, split: true });
  });

  it.each<[string, VoteChoice]>([
    ['changes their answer', 'nooit'],
    ['switches to a pass', 'pas'],
  ])('a phone that %s after the reveal moves nothing anyone sees', (_what, choice) => {
    const room = votedRoom(FIVE);
    reveal(room);
    const before = observed(room);
    cast(room, 0, choice);
    expect(observed(room)).toEqual(before);
  });

  it('the report before any reveal holds no counts, however many answered', () => {
    const room = votedRoom([...FIVE, 'vaak', 'pas', 'soms']);
    const report = exportResults(room.state);
    for (const card of report.cards) {
      if (card.vote) expect(card.vote).toMatchObject({ status: 'nog niet getoond', counts: null, passes: null, earlierRounds: [] });
    }
    // No count at all in the spreadsheet's vote rows (no post-it has a ; or a quote here).
    const [header, ...rows] = resultsToCsv(report).slice(1).trim().split('\r\n').map((line) => line.slice(1, -1).split('";"'));
    const votes = rows.filter((row) => row[1] === 'stemming');
    expect(votes.length).toBeGreaterThan(0);
    for (const row of votes) {
      expect(row[header!.indexOf('antwoord')], 'antwoord').toBe('');
      expect(row[header!.indexOf('aantal')], 'aantal').toBe('');
    }
  });

  it('reveal at five, hide, one more answers, reveal again: the same numbers come back', () => {
    const room = votedRoom(FIVE);
    reveal(room);
    const first = observed(room);
    room.must('host', { type: 'result.hide', cardId: 'pesten' });
    cast(room, 5, 'nooit');
    expect(reveal(room).ok).toBe(true);
    expect(observed(room)).toEqual(first);
  });

  it('a fresh snapshot comes only after five more people answered, never after four', () => {
    const room = votedRoom(FIVE);
    reveal(room);
    const first = shownCounts(room);
    for (let i = 5; i < 9; i++) {
      cast(room, i, 'nooit');
      expect(reveal(room), `after ${i - 4} new answers`).toMatchObject({ ok: false, error: 'conflict' });
      room.must('host', { type: 'result.hide', cardId: 'pesten' });
      reveal(room);
      expect(shownCounts(room)).toEqual(first);
    }
    cast(room, 9, 'nooit');
    expect(hostView(room.state).vote?.nextReveal).toBe('new');
    reveal(room);
    expect(shownCounts(room)).toEqual({ ...first!, nooit: (first!.nooit ?? 0) + 5 });
  });

  it('raising the minimum to 50 and lowering it again does not buy a snapshot with one new answer', () => {
    const room = votedRoom(FIVE);
    reveal(room);
    const first = shownCounts(room);
    cast(room, 5, 'vaak');
    const seen: unknown[] = [];
    const tryEverything = () => {
      reveal(room);
      seen.push(beamerView(room.state).vote?.result, exportResults(room.state).cards[0]!.vote);
      room.must('host', { type: 'result.hide', cardId: 'pesten' });
      reveal(room);
      seen.push(beamerView(room.state).vote?.result, exportResults(room.state).cards[0]!.vote);
    };
    tryEverything();
    room.must('host', { type: 'settings.minGroupSize', minGroupSize: 50 });
    tryEverything();
    room.must('host', { type: 'settings.minGroupSize', minGroupSize: K });
    tryEverything();
    room.must('host', { type: 'settings.minGroupSize', minGroupSize: 3 });
    tryEverything();
    expect(hostView(room.state).vote?.nextReveal).toBe('same');
    // Whatever the host tried, the counts anyone saw are the first snapshot's or none at all.
    for (const view of seen) expect(JSON.stringify(view)).not.toContain('"vaak":3');
    expect(shownCounts(room)).toEqual(first);
  });

  it('a new round keeps the shown numbers as the earlier round, not the late answer', () => {
    const room = votedRoom(FIVE);
    reveal(room);
    cast(room, 5, 'nooit');
    room.must('host', { type: 'vote.newRound', cardId: 'pesten' });
    expect(exportResults(room.state).cards[0]!.vote?.earlierRounds).toEqual([{ round: 1, counts: { nooit: 1, soms: 2, vaak: 2 }, passes: 0 }]);
  });

  // Four phones that change and change back plus one new answer must not buy a fresh snapshot
  // that differs from the first by that one person's answer (only new answers count).
  it('answers changed and changed back do not count toward a fresh snapshot', () => {
    const room = votedRoom(['soms', 'soms', 'soms', 'soms', 'soms']);
    reveal(room);
    cast(room, 5, 'vaak');
    for (let i = 0; i < 4; i++) {
      cast(room, i, 'nooit');
      cast(room, i, 'soms');
    }
    expect(hostView(room.state).vote?.nextReveal).toBe('same');
    room.must('host', { type: 'result.hide', cardId: 'pesten' });
    reveal(room);
    // Actual: { nooit: 0, soms: 5, vaak: 1 }: the beamer tells the room that phone 5 said "vaak".
    expect(shownCounts(room)).toEqual({ nooit: 0, soms: 5, vaak: 0, pas: 0 });
  });
});

describe('the report after the end', () => {
  it('one late answer after the last reveal is not in the report', () => {
    const room = votedRoom(FIVE);
    reveal(room);
    const shown = shownCounts(room);
    cast(room, 5, 'vaak');
    room.must('host', { type: 'session.end' });
    const kept = anonymise(room.state);
    const vote = exportResults(kept).cards.find((c) => c.id === 'pesten')!.vote!;
    expect({ ...vote.counts, pas: vote.passes }).toEqual(shown);
    expect(beamerView(kept).vote?.result).toEqual(beamerView(room.state).vote?.result);
  });

  it('four late changes are not in the report either; five are, all at once', () => {
    const four = votedRoom(FIVE);
    reveal(four);
    for (let i = 5; i < 9; i++) cast(four, i, 'nooit');
    four.must('host', { type: 'session.end' });
    expect(anonymise(four.state).votes.pesten?.final).toEqual({ nooit: 1, soms: 2, vaak: 2, pas: 0 });

    const five = votedRoom(FIVE);
    reveal(five);
    for (let i = 5; i < 10; i++) cast(five, i, 'nooit');
    five.must('host', { type: 'session.end' });
    expect(anonymise(five.state).votes.pesten?.final).toEqual({ nooit: 6, soms: 2, vaak: 2, pas: 0 });
  });
});

describe('fake phones', () => {
  it('four made-up phones and one real one: the host is warned, and a locked room refuses a sixth', () => {
    const room = makeRoom({ minGroupSize: K, expectedGroupSize: 1 });
    room.join(1);
    expect(hostView(room.state).moreThanExpected).toBe(false);
    room.join(4); // the made-up ones
    expect(hostView(room.state)).toMatchObject({ joined: 5, expectedGroupSize: 1, moreThanExpected: true });
    room.must('host', { type: 'room.lock', locked: true });
    expect(room.joinOne(makeParticipant(77))).toMatchObject({ ok: false, error: 'closed' });
    expect(hostView(room.state)).toMatchObject({ joined: 5, locked: true });
    expect(beamerView(room.state).locked).toBe(true);
  });

  it('a class that came as expected raises no warning', () => {
    const room = makeRoom({ minGroupSize: K, expectedGroupSize: 24, participants: 24 });
    expect(hostView(room.state).moreThanExpected).toBe(false);
  });
});

describe('who wrote on the board', () => {
  it('the host console never counts writers: it only says whether five wrote, as post-its come and go', () => {
    const room = makeRoom({ participants: 8, minGroupSize: K });
    room.goto('muur');
    const add = (who: number, text: string) => room.must(who, { type: 'postIt.add', cardId: 'muur', text }).data!.postItId!;
    const withdraw = (who: number, postItId: string) => room.must(who, { type: 'postIt.withdraw', cardId: 'muur', postItId });
    const seen: boolean[] = [];
    const look = () => {
      const board = hostView(room.state).board!;
      expect(Object.keys(board).sort()).toEqual(['clusters', 'enoughWriters', 'moderation', 'open', 'postIts', 'revealed']);
      // The only numbers on the board are each post-it's weight.
      expect(JSON.stringify({ ...board, postIts: board.postIts.map(({ weight: _, ...p }) => p) })).not.toMatch(/":\d/);
      seen.push(board.enoughWriters);
    };
    look();
    const ids = ['Een', 'Twee', 'Drie', 'Vier'].map((text, i) => add(i, text));
    look();
    const second = add(0, 'Een, nog een');
    look();
    const fifth = add(4, 'Vijf');
    look();
    add(5, 'Zes');
    look();
    withdraw(0, second);
    look();
    withdraw(4, fifth);
    look();
    withdraw(5, Object.values(room.state.boards.muur!.postIts).find((p) => p.text === 'Zes')!.id);
    look();
    withdraw(3, ids[3]!);
    look();
    expect(seen).toEqual([false, false, false, true, true, true, true, false, false]);
  });

  it('the wall’s order within a batch is the random ids’ order, not the writing order, and an edit keeps its place', () => {
    const room = makeRoom({ participants: 6, minGroupSize: K });
    room.goto('muur');
    const written = ['q7x2', 'a9k1', 'm3p0', 'z0b5', 'c4d8'];
    written.forEach((id, i) => room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Idee nummer ${i + 1}` }, [id]));
    room.publish(3);
    room.must(5, { type: 'postIt.add', cardId: 'muur', text: 'Later idee' }, ['b111']);
    room.publish();
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    const wall = () => beamerView(room.state).board!.postIts.map((p) => p.id);
    expect(wall()).toEqual(['a9k1', 'c4d8', 'm3p0', 'q7x2', 'z0b5', 'b111']);
    room.must(0, { type: 'postIt.edit', cardId: 'muur', postItId: 'q7x2', text: 'Idee nummer 1, beter gezegd' });
    expect(wall()).toEqual(['a9k1', 'c4d8', 'm3p0', 'q7x2', 'z0b5', 'b111']);
    expect(hostView(room.state).board!.postIts.map((p) => p.id)).toEqual(['a9k1', 'b111', 'c4d8', 'm3p0', 'q7x2', 'z0b5']);
  });
});

describe('what is kept after the end', () => {
  function writtenBoard() {
    const room = makeRoom({ participants: 8, minGroupSize: K });
    room.goto('muur');
    const add = (who: number, text: string, id: string) => room.must(who, { type: 'postIt.add', cardId: 'muur', text }, [id]);
    add(0, 'Zichtbaar een', 'v001');
    add(1, 'Zichtbaar twee', 'v002');
    add(2, 'OUDE TEKST van drie', 'v003');
    add(3, 'VERBORGEN tekst van vier', 'h004');
    add(4, 'INGETROKKEN tekst van vijf', 'w005');
    add(5, 'Zichtbaar twee, nog eens', 'd006');
    room.publish();
    room.must(2, { type: 'postIt.edit', cardId: 'muur', postItId: 'v003', text: 'Zichtbaar drie' });
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: 'h004' });
    room.must(4, { type: 'postIt.withdraw', cardId: 'muur', postItId: 'w005' });
    room.must('host', { type: 'postIt.merge', cardId: 'muur', postItId: 'd006', intoId: 'v002' });
    // Waiting for the host: a phone number on an open board.
    room.must(6, { type: 'postIt.add', cardId: 'muur', text: 'WACHTEND bel 06-12345678' }, ['p007']);
    // Approved, but the last batch had not come yet.
    room.must(7, { type: 'postIt.add', cardId: 'muur', text: 'Zichtbaar vier' }, ['a000']);
    room.must('host', { type: 'session.end' });
    return room;
  }

  it('the sealed state holds no hidden, waiting, withdrawn or overwritten text', () => {
    const kept = JSON.stringify(anonymise(writtenBoard().state));
    for (const gone of ['VERBORGEN', 'WACHTEND', 'INGETROKKEN', 'OUDE TEKST']) expect(kept).not.toContain(gone);
    // A duplicate merged into a kept post-it stays, so the report still says it counted for two.
    for (const stays of ['Zichtbaar een', 'Zichtbaar twee', 'Zichtbaar twee, nog eens', 'Zichtbaar drie', 'Zichtbaar vier']) expect(kept).toContain(stays);
  });

  it('approved post-its the last batch missed join the wall after the others, in id order', () => {
    const kept = anonymise(writtenBoard().state);
    expect(kept.boards.muur!.wall).toEqual(['d006', 'v001', 'v002', 'v003', 'a000']);
    expect(wallOf(kept.boards.muur!).map((p) => [p.id, p.weight])).toEqual([
      ['v001', 1],
      ['v002', 2],
      ['v003', 1],
      ['a000', 1],
    ]);
  });

  // A duplicate says what the post-it it was merged into said: when the host hides that one, the
  // duplicate goes with it at the end. (Found as a bug: anonymise checked only the duplicate.)
  it('a duplicate of a post-it the host hid afterwards is gone after the end', () => {
    const room = makeRoom({ participants: 2, minGroupSize: K });
    room.goto('muur');
    room.must(0, { type: 'postIt.add', cardId: 'muur', text: 'VERBORGEN met een naam' }, ['hide']);
    room.must(1, { type: 'postIt.add', cardId: 'muur', text: 'DUPLICAAT met dezelfde naam' }, ['dupl']);
    room.must('host', { type: 'postIt.merge', cardId: 'muur', postItId: 'dupl', intoId: 'hide' });
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: 'hide' });
    room.must('host', { type: 'session.end' });
    const kept = JSON.stringify(anonymise(room.state));
    expect(kept).not.toContain('VERBORGEN');
    expect(kept).not.toContain('DUPLICAAT');
  });

  // A post-it the host hid can still be merged into an approved one; its text must not outlive the
  // session for that. (Found as a bug: anonymise kept every duplicate of an approved post-it.)
  it('a hidden post-it merged into an approved one is gone after the end', () => {
    const room = makeRoom({ participants: 2, minGroupSize: K });
    room.goto('muur');
    room.must(0, { type: 'postIt.add', cardId: 'muur', text: 'Meer toezicht' }, ['keep']);
    room.must(1, { type: 'postIt.add', cardId: 'muur', text: 'VERBORGEN met een naam' }, ['hide']);
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: 'hide' });
    room.host({ type: 'postIt.merge', cardId: 'muur', postItId: 'hide', intoId: 'keep' });
    room.must('host', { type: 'session.end' });
    expect(JSON.stringify(anonymise(room.state))).not.toContain('VERBORGEN');
  });
});

describe('ids that are the names of object members', () => {
  const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

  function scene() {
    const room = makeRoom({ participants: 2, minGroupSize: K });
    room.goto('muur');
    room.must(0, { type: 'postIt.add', cardId: 'muur', text: 'Een echte post-it' }, ['real']);
    return room;
  }

  it.each(PROTO_KEYS)('a post-it id "%s" is not found, and changes nothing', (key) => {
    const room = scene();
    const before = room.state;
    const hostCommands: CommandInput[] = [
      { type: 'postIt.approve', cardId: 'muur', postItIds: [key] },
      { type: 'postIt.hide', cardId: 'muur', postItId: key },
      { type: 'postIt.unhide', cardId: 'muur', postItId: key },
      { type: 'postIt.highlight', cardId: 'muur', postItId: key, highlighted: true },
      { type: 'postIt.merge', cardId: 'muur', postItId: key, intoId: 'real' },
      { type: 'postIt.merge', cardId: 'muur', postItId: 'real', intoId: key },
      { type: 'postIt.move', cardId: 'muur', postItId: key, clusterId: null },
      { type: 'postIt.move', cardId: 'muur', postItId: 'real', clusterId: key },
      { type: 'cluster.rename', cardId: 'muur', clusterId: key, name: 'Groep' },
      { type: 'cluster.remove', cardId: 'muur', clusterId: key },
    ];
    for (const command of hostCommands) expect(room.host(command), JSON.stringify(command)).toMatchObject({ ok: false, error: 'not-found' });
    for (const command of [
      { type: 'postIt.edit', cardId: 'muur', postItId: key, text: 'Anders' },
      { type: 'postIt.withdraw', cardId: 'muur', postItId: key },
    ] satisfies CommandInput[]) {
      expect(room.as(0, command), command.type).toMatchObject({ ok: false, error: 'not-found' });
    }
    expect(room.state).toBe(before);
    expect(Object.keys(room.state.boards.muur!.postIts)).toEqual(['real']);
  });

  it.each(PROTO_KEYS)('a card id "%s" is not found', (key) => {
    const room = scene();
    const before = room.state;
    expect(room.host({ type: 'result.reveal', cardId: key })).toMatchObject({ ok: false, error: 'not-found' });
    expect(room.as(0, { type: 'vote.cast', cardId: key, choice: 'vaak' })).toMatchObject({ ok: false, error: 'not-found' });
    expect(room.as(0, { type: 'postIt.add', cardId: key, text: 'Hoi' })).toMatchObject({ ok: false, error: 'not-found' });
    expect(room.state).toBe(before);
  });

  // A deck may name a card "constructor" (the deck schema's slug allows it); board events must
  // find its board as an own key, not Object.prototype.constructor. (Found as a bug.)
  it('a deck card with the id "constructor" works like any other board', () => {
    const deck = makeDeck({ cards: [boardCard('welkom'), boardCard('constructor')] });
    const room = makeRoom({ deck, participants: 1, minGroupSize: 3 });
    room.goto('constructor');
    room.must(0, { type: 'postIt.add', cardId: 'constructor', text: 'Hoi' });
    expect(hostView(room.state).board?.postIts).toHaveLength(1);
  });
});

describe('caps', () => {
  // Hidden post-its free room on the board, so unhiding one must check the cap again.
  it(`unhiding a post-it on a full board cannot take it past ${LIMITS.postItsPerCard}`, () => {
    const writers = LIMITS.postItsPerCard / LIMITS.postItsPerParticipantPerCard;
    const room = makeRoom({ participants: writers + 1, minGroupSize: K });
    room.goto('muur');
    const ids: string[] = [];
    for (let w = 0; w < writers; w++) {
      for (let i = 0; i < LIMITS.postItsPerParticipantPerCard; i++) ids.push(room.must(w, { type: 'postIt.add', cardId: 'muur', text: `Idee ${w}-${i}` }).data!.postItId!);
    }
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: ids[0]! });
    room.must(writers, { type: 'postIt.add', cardId: 'muur', text: 'In de vrije plek' });
    room.host({ type: 'postIt.unhide', cardId: 'muur', postItId: ids[0]! });
    const shown = Object.values(room.state.boards.muur!.postIts).filter((p) => p.status !== 'hidden');
    expect(shown.length).toBeLessThanOrEqual(LIMITS.postItsPerCard);
  });
});
