// Overloopdebat through the pure model: the server's sample command records points of the one vote
// model, switches move them, nothing shows below the minimum group size, a point needs at least k
// moves since the last one (so two points never subtract to one person's switch), and no view,
// export or kept state carries a hash.
import { describe, expect, it } from 'vitest';
import { BeamerView, HostCommand, HostView, ParticipantCommand, ResultsExport, type Card, type VoteChoice } from '@protocol';
import { findSecrets, makeDeck, makeRoom, voteCard, type CommandInput, type RoomFixture } from '../support/room-fixture.ts';
import { anonymise, replay } from '../../session-server/src/room/apply.ts';
import { beamerView, hostView } from '../../session-server/src/room/views.ts';
import { exportResults, resultsToCsv } from '../../session-server/src/room/export.ts';
import { movesBetween } from '../../session-server/src/room/overloop.ts';

const CARD = 'stelling';
const SAMPLE: CommandInput = { type: 'overloop.sample', cardId: CARD };

const overloopCard = (): Card =>
  voteCard(CARD, { kind: 'dilemma', vote: { question: 'Mag je een foto van een ander doorsturen?', scale: 'eens-oneens', overloop: true } });

function debate(options: { minGroupSize?: number; participants?: number } = {}) {
  const deck = makeDeck({ cards: [{ id: 'welkom', kind: 'opening', title: 'Welkom', summary: 'Hallo.' }, overloopCard(), voteCard('gewoon')] });
  const room = makeRoom({ deck, participants: options.participants ?? 12, minGroupSize: options.minGroupSize ?? 5 });
  room.goto(CARD);
  return room;
}

const sample = (room: RoomFixture) => room.run({ role: 'system' }, SAMPLE);
const choose = (room: RoomFixture, phones: number[], choice: VoteChoice) => phones.forEach((i) => room.must(i, { type: 'vote.cast', cardId: CARD, choice }));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const series = (room: RoomFixture) => beamerView(room.state).vote?.series;

describe('overloopdebat', () => {
  it('a sample records the counts of the sides people took', () => {
    const room = debate();
    choose(room, range(0, 8), 'eens');
    choose(room, range(8, 12), 'oneens');
    expect(sample(room)).toMatchObject({ ok: true, events: [{ type: 'overloopSampled', cardId: CARD, counts: { eens: 8, oneens: 4 } }] });
    expect(series(room)).toEqual([{ at: expect.any(Number), counts: { eens: 8, oneens: 4 } }]);
    expect(hostView(room.state).vote?.series).toEqual(series(room));
  });

  it('switches move the counts from one point to the next', () => {
    const room = debate({ minGroupSize: 3 });
    choose(room, range(0, 8), 'eens');
    choose(room, range(8, 12), 'oneens');
    sample(room);
    choose(room, [0, 1, 2], 'oneens');
    sample(room);
    choose(room, [3, 4, 5, 6, 7], 'oneens');
    sample(room);
    expect(series(room)!.map((p) => p.counts)).toEqual([
      { eens: 8, oneens: 4 },
      { eens: 5, oneens: 7 },
      { eens: 0, oneens: 12 },
    ]);
  });

  it('shows no counts while fewer than the minimum group size took a side, and passes do not count', () => {
    const room = debate();
    choose(room, [0, 1, 2], 'eens');
    choose(room, [3, 4, 5], 'pas');
    sample(room);
    expect(series(room)).toEqual([{ at: expect.any(Number), counts: null }]);
    expect(JSON.stringify(beamerView(room.state))).not.toContain('"eens":3');
  });

  it('takes no point twice in a row when nothing changed', () => {
    const room = debate();
    expect(sample(room)).toMatchObject({ ok: true, events: [{ counts: null }] });
    expect(sample(room)).toEqual({ ok: true, events: [] });
    choose(room, range(0, 6), 'eens');
    expect(sample(room)).toMatchObject({ ok: true, events: [{ counts: { eens: 6, oneens: 0 } }] });
    expect(sample(room)).toEqual({ ok: true, events: [] });
    expect(series(room)).toHaveLength(2);
  });

  it('takes a new point only after at least the minimum group size of people moved, so two points never differ by one switch', () => {
    const room = debate();
    choose(room, range(0, 8), 'eens');
    choose(room, range(8, 12), 'oneens');
    sample(room);
    // One person switches in a quiet interval: showing it would point at whoever was seen tapping.
    choose(room, [0], 'oneens');
    expect(sample(room)).toEqual({ ok: true, events: [] });
    // Switching back and forth cannot buy a point: only how far the counts moved counts.
    choose(room, [1, 2], 'oneens');
    choose(room, [1, 2], 'eens');
    choose(room, [1, 2], 'oneens');
    expect(sample(room)).toEqual({ ok: true, events: [] });
    choose(room, [3, 4], 'oneens'); // five have now moved since the last point
    expect(sample(room)).toMatchObject({ ok: true, events: [{ counts: { eens: 3, oneens: 9 } }] });
    const points = series(room)!.map((p) => p.counts!);
    for (let i = 1; i < points.length; i++) expect(movesBetween(points[i - 1]!, points[i]!)).toBeGreaterThanOrEqual(5);
  });

  it('measures moves as the fewest people who explain the change', () => {
    expect(movesBetween({ eens: 8, oneens: 4 }, { eens: 5, oneens: 7 })).toBe(3);
    expect(movesBetween({ eens: 8, oneens: 4 }, { eens: 8, oneens: 5 })).toBe(1);
    expect(movesBetween({ eens: 8, oneens: 4 }, { eens: 6, oneens: 4 })).toBe(2);
    expect(movesBetween({ a: 3, b: 3, c: 0 }, { a: 1, b: 3, c: 4 })).toBe(4);
  });

  it('only the server (system) may take a point; no client can even send the command', () => {
    const room = debate();
    choose(room, range(0, 6), 'eens');
    expect(room.host(SAMPLE)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.as(0, SAMPLE)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.run({ role: 'beamer' }, SAMPLE)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(HostCommand.safeParse({ id: 'sample-000001', ...SAMPLE }).success).toBe(false);
    expect(ParticipantCommand.safeParse({ id: 'sample-000001', ...SAMPLE }).success).toBe(false);
    expect(series(room)).toEqual([]);
    // The system may do nothing else a host does.
    expect(room.run({ role: 'system' }, { type: 'result.reveal', cardId: CARD })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('is refused on a card that is not an overloopdebat, on a closed vote and on another card than the current one', () => {
    const room = debate();
    expect(room.run({ role: 'system' }, { type: 'overloop.sample', cardId: 'welkom' })).toMatchObject({ ok: false });
    room.must('host', { type: 'vote.close', cardId: CARD });
    expect(sample(room)).toMatchObject({ ok: false, error: 'closed' });
    room.goto('gewoon');
    expect(room.run({ role: 'system' }, { type: 'overloop.sample', cardId: 'gewoon' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(sample(room)).toMatchObject({ ok: false, error: 'conflict' });
    expect(beamerView(room.state).vote).not.toHaveProperty('series');
    expect(hostView(room.state).vote).not.toHaveProperty('series');
  });

  it('takes a last point when the host closes the vote', () => {
    const room = debate();
    choose(room, range(0, 7), 'oneens');
    const closed = room.must('host', { type: 'vote.close', cardId: CARD });
    expect(closed.events.map((e) => e.type)).toEqual(['overloopSampled', 'voteClosed']);
    expect(series(room)!.at(-1)?.counts).toEqual({ eens: 0, oneens: 7 });
  });

  it('a replay of the stored events rebuilds the same series', () => {
    const room = debate({ minGroupSize: 3 });
    choose(room, range(0, 8), 'eens');
    sample(room);
    choose(room, range(8, 12), 'oneens');
    sample(room);
    choose(room, [0, 1, 2], 'pas');
    sample(room);
    room.must('host', { type: 'vote.close', cardId: CARD });
    expect(replay(room.events)).toEqual(room.state);
    expect(room.state.votes[CARD]!.series).toHaveLength(3);
  });

  it('a reveal freezes the last point, never the live choices between two points', () => {
    const room = debate();
    choose(room, range(0, 8), 'eens');
    choose(room, range(8, 12), 'oneens');
    sample(room);
    choose(room, [0], 'oneens'); // not yet in a point
    room.must('host', { type: 'result.reveal', cardId: CARD });
    expect(beamerView(room.state).vote?.result).toMatchObject({ state: 'shown', counts: { eens: 8, oneens: 4 } });
    expect(hostView(room.state).vote?.nextReveal).toBe('same');
    expect(room.host({ type: 'result.reveal', cardId: CARD })).toMatchObject({ ok: false, error: 'conflict' });
    choose(room, [1, 2, 3, 4], 'oneens');
    sample(room);
    expect(hostView(room.state).vote?.nextReveal).toBe('new');
    room.must('host', { type: 'result.reveal', cardId: CARD });
    expect(beamerView(room.state).vote?.result).toMatchObject({ state: 'shown', counts: { eens: 3, oneens: 9 } });
  });

  it('a higher minimum group size hides points that counted fewer', () => {
    const room = debate({ minGroupSize: 3 });
    choose(room, range(0, 4), 'eens');
    sample(room);
    expect(series(room)![0]!.counts).toEqual({ eens: 4, oneens: 0 });
    room.must('host', { type: 'settings.minGroupSize', minGroupSize: 5 });
    expect(series(room)![0]!.counts).toBeNull();
    expect(exportResults(room.state).cards.find((c) => c.id === CARD)?.vote?.series?.[0]?.counts).toBeNull();
  });

  it('views, export and the kept state carry no hashes, and the report has the series as the beamer showed it', () => {
    const room = debate();
    const hashes = room.participants.map((p) => p.hash);
    const tokens = room.participants.map((p) => p.token);
    sample(room);
    choose(room, range(0, 8), 'eens');
    choose(room, range(8, 12), 'oneens');
    sample(room);
    choose(room, range(0, 5), 'oneens');
    sample(room);
    for (const view of [beamerView(room.state), hostView(room.state)]) expect(findSecrets(view, [...hashes, ...tokens])).toEqual([]);
    BeamerView.parse(beamerView(room.state));
    HostView.parse(hostView(room.state));

    const during = ResultsExport.parse(exportResults(room.state));
    expect(during.cards.find((c) => c.id === CARD)?.vote?.series).toEqual([
      { at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), counts: null },
      { at: expect.any(String), counts: { eens: 8, oneens: 4 } },
      { at: expect.any(String), counts: { eens: 3, oneens: 9 } },
    ]);
    expect(resultsToCsv(during)).toContain('"overloop"');

    // A last switch after the last point: the kept result is the last point, not one switch further.
    choose(room, [5], 'oneens');
    room.must('host', { type: 'session.end' });
    room.seal();
    const kept = room.state;
    expect(findSecrets(kept, hashes)).toEqual([]);
    expect(kept.votes[CARD]).not.toHaveProperty('pointTally');
    const after = exportResults(kept);
    expect(findSecrets(after, [...hashes, ...tokens])).toEqual([]);
    expect(after.cards.find((c) => c.id === CARD)?.vote).toMatchObject({ status: 'ok', counts: { eens: 3, oneens: 9 } });
    expect(anonymise(kept)).toEqual(kept);
  });

  it('a new round starts a new series', () => {
    const room = debate();
    choose(room, range(0, 6), 'eens');
    sample(room);
    room.must('host', { type: 'vote.newRound', cardId: CARD });
    expect(series(room)).toEqual([]);
  });
});

describe('overloopdebat in a small group', () => {
  it('shows the first counts as soon as the minimum group size took a side, also after a point without counts', () => {
    const room = debate({ participants: 6 });
    choose(room, [0, 1, 2], 'eens');
    sample(room);
    choose(room, [3, 4], 'oneens');
    expect(sample(room)).toMatchObject({ ok: true, events: [{ counts: { eens: 3, oneens: 2 } }] });
    // One leaves a side: too few again, which shows no counts; coming back needs k moves from {3, 2}.
    choose(room, [4], 'pas');
    expect(sample(room)).toMatchObject({ ok: true, events: [{ counts: null }] });
    choose(room, [4], 'eens');
    expect(sample(room)).toEqual({ ok: true, events: [] });
    expect(series(room)!.map((p) => p.counts)).toEqual([null, { eens: 3, oneens: 2 }, null]);
  });
});
