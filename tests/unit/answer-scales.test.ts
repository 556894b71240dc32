// Every answer scale through the one vote model: phones, beamer, host, export and CSV follow the
// card's scale; the minimum group size and frozen snapshots hold for each; a waar / niet waar
// explanation reaches phones and beamer only after the reveal; a split room is said as such.
import { describe, expect, it } from 'vitest';
import { isSplit, scaleOptions, type Card, type ScaleSpec } from '@protocol';
import { makeDeck, makeRoom, voteCard } from '../support/room-fixture.ts';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import { exportResults, resultsToCsv } from '../../session-server/src/room/export.ts';
import { anonymise } from '../../session-server/src/room/apply.ts';

const OWN: ScaleSpec = {
  options: [
    { id: 'a', label: 'A', text: 'Ik zeg er meteen iets van.' },
    { id: 'b', label: 'B', text: 'Ik praat er later met de docent over.' },
    { id: 'c', label: 'C', text: 'Ik doe niets.' },
  ],
};

const SCALES: { name: string; scale: ScaleSpec | undefined; ids: string[] }[] = [
  { name: 'zonder schaal (nooit/soms/vaak)', scale: undefined, ids: ['nooit', 'soms', 'vaak'] },
  { name: 'oke-twijfel-niet-oke', scale: 'oke-twijfel-niet-oke', ids: ['oke', 'twijfel', 'niet-oke'] },
  { name: 'eens-oneens', scale: 'eens-oneens', ids: ['eens', 'oneens'] },
  { name: 'waar-niet-waar', scale: 'waar-niet-waar', ids: ['waar', 'niet-waar'] },
  { name: 'eigen opties A/B/C', scale: OWN, ids: ['a', 'b', 'c'] },
];

function cardWith(scale: ScaleSpec | undefined): Card {
  const vote: Card['vote'] =
    scale === 'waar-niet-waar'
      ? { question: 'Klopt dit?', scale, answer: 'niet-waar', explanation: 'De vertrouwenspersoon mag soms niet zwijgen.' }
      : { question: 'Wat vind jij?', ...(scale ? { scale } : {}) };
  return voteCard('stelling', { kind: 'dilemma', vote });
}

function roomWith(scale: ScaleSpec | undefined, participants = 8) {
  const room = makeRoom({ participants, deck: makeDeck({ cards: [{ id: 'welkom', kind: 'opening', title: 'Welkom', summary: 'Hallo.' }, cardWith(scale)] }) });
  room.goto('stelling');
  return room;
}

describe.each(SCALES)('scale $name', ({ scale, ids }) => {
  it('offers exactly its options, in order', () => {
    expect(scaleOptions(cardWith(scale).vote).map((o) => o.id)).toEqual(ids);
  });

  it('counts every option, hides below the minimum and freezes at the reveal', () => {
    const room = roomWith(scale);
    // Four answers: below the minimum of 5, nothing shows.
    for (let i = 0; i < 4; i++) room.must(i, { type: 'vote.cast', cardId: 'stelling', choice: ids[i % ids.length]! });
    room.must('host', { type: 'result.reveal', cardId: 'stelling' });
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'too-few', minGroupSize: 5 });
    room.must('host', { type: 'result.hide', cardId: 'stelling' });
    room.must(4, { type: 'vote.cast', cardId: 'stelling', choice: ids[0]! });
    room.must(5, { type: 'vote.cast', cardId: 'stelling', choice: 'pas' });
    room.must('host', { type: 'result.reveal', cardId: 'stelling' });
    const expected: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
    for (let i = 0; i < 4; i++) expected[ids[i % ids.length]!]! += 1;
    expected[ids[0]!]! += 1;
    const shown = beamerView(room.state).vote?.result;
    expect(shown).toEqual({ state: 'shown', counts: expected, answered: 5, passes: 1, split: isSplit(expected, ids.length) });
    expect(hostView(room.state).vote?.result).toEqual(shown);
    // A later answer does not move the frozen result.
    room.must(6, { type: 'vote.cast', cardId: 'stelling', choice: ids[1]! });
    expect(beamerView(room.state).vote?.result).toEqual(shown);

    const exported = exportResults(room.state).cards.find((c) => c.id === 'stelling')!.vote!;
    expect(exported.options.map((o) => o.id)).toEqual(ids);
    expect(exported.counts).toEqual(expected);
    const csv = resultsToCsv(exportResults(room.state));
    for (const option of scaleOptions(cardWith(scale).vote)) expect(csv).toContain(`"${option.label}";"${expected[option.id]}"`);
    // After the end, the kept result is still by the card's options.
    room.must('host', { type: 'session.end' });
    expect(exportResults(anonymise(room.state)).cards[0]!.vote!.counts).toEqual(expected);
  });

  it('refuses an answer that is not one of the card\'s options, and changes nothing', () => {
    const room = roomWith(scale);
    const other = ['nooit', 'eens', 'waar', 'a', 'oke'].find((id) => !ids.includes(id))!;
    const before = room.state;
    const decision = room.as(0, { type: 'vote.cast', cardId: 'stelling', choice: other });
    expect(decision).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.state).toBe(before);
  });
});

describe('waar / niet waar', () => {
  it('phones and beamer get the answer and explanation only after the reveal; the host always', () => {
    const room = roomWith('waar-niet-waar');
    const hidden = (view: { card: Card | null }) => JSON.stringify(view.card);
    expect(hidden(participantView(room.state, room.participants[0]!.hash))).not.toContain('zwijgen');
    expect(hidden(beamerView(room.state))).not.toContain('zwijgen');
    expect(participantView(room.state, room.participants[0]!.hash).card?.vote).not.toHaveProperty('answer');
    expect(hostView(room.state).card?.vote).toMatchObject({ answer: 'niet-waar', explanation: expect.stringContaining('zwijgen') });

    for (let i = 0; i < 5; i++) room.must(i, { type: 'vote.cast', cardId: 'stelling', choice: 'waar' });
    room.must('host', { type: 'result.reveal', cardId: 'stelling' });
    expect(participantView(room.state, room.participants[0]!.hash).card?.vote).toMatchObject({ answer: 'niet-waar' });
    expect(participantView(room.state, room.participants[0]!.hash).vote?.revealed).toBe(true);
    expect(beamerView(room.state).card!.vote?.explanation).toContain('zwijgen');
    // Hidden again: the explanation goes with it.
    room.must('host', { type: 'result.hide', cardId: 'stelling' });
    expect(hidden(beamerView(room.state))).not.toContain('zwijgen');
  });

  it('also after a reveal with too few answers, the explanation is shown: the statement is done', () => {
    const room = roomWith('waar-niet-waar');
    room.must(0, { type: 'vote.cast', cardId: 'stelling', choice: 'waar' });
    room.must('host', { type: 'result.reveal', cardId: 'stelling' });
    expect(beamerView(room.state).vote?.result.state).toBe('too-few');
    expect(beamerView(room.state).card!.vote?.explanation).toContain('zwijgen');
  });
});

describe('a split room', () => {
  it.each([
    [{ eens: 3, oneens: 2 }, 2, false],
    [{ eens: 5, oneens: 4 }, 2, true],
    [{ eens: 6, oneens: 4 }, 2, false],
    [{ eens: 11, oneens: 9 }, 2, true],
    [{ nooit: 2, soms: 2, vaak: 1 }, 3, true],
    [{ nooit: 5, soms: 5, vaak: 0 }, 3, true],
    [{ nooit: 6, soms: 3, vaak: 1 }, 3, false],
    [{ a: 4, b: 3, c: 3, d: 0, e: 0 }, 5, true],
    [{ a: 0, b: 0 }, 2, false],
  ])('%j over %i options: split %s', (counts, options, split) => {
    expect(isSplit(counts, options)).toBe(split);
  });
});
