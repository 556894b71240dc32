// Overloopdebat: people pick a side on their phone and may switch while arguments are made; the
// beamer follows how the room moves as a series of points. It is the same vote as every other
// (choices, open/close, rounds, reveal); this module only adds the points and what may be shown.
//
// Why showing movement is safe enough (think like someone who watches one phone being tapped):
// - Points are taken by the server on a fixed interval (OVERLOOP_SAMPLE_MS, 10 s) and at the close,
//   never per answer, and reach host and beamer only through the observer batch.
// - A point shows no counts while fewer than the minimum group size (k) had taken a side.
// - DESIGN.md: two views must not subtract to one person. Two consecutive points would do exactly
//   that if one person switched in a quiet interval ("eens" −1, "oneens" +1, and you saw Sam tap).
//   So a point with counts is only taken when the counts moved by at least k people since the last
//   point that showed counts: max(sum of increases, sum of decreases) ≥ k, the fewest people who
//   can explain the change. (A point without counts, "too few have a side", may come at any time.)
//   Fewer moves wait (the line holds still) until enough have moved. This is the reveal's rule
//   ("a new snapshot needs k new answers") for a picture that moves; it is measured on counts, so
//   people switching back and forth cannot buy a point, and it keeps no per-phone record.
// - What stays possible is what the reveal allows too: if all k who moved went the same way, a
//   watcher who saw someone tap can guess where they went; k−1 people who coordinate their moves
//   can subtract themselves; and two points further apart may differ by less than k when people
//   moved away and came back in between. A physical overloopdebat, where everyone sees who walks
//   where, shows far more: here nobody is seen, only counts of at least k moves per interval.
import type { Card } from '../protocol/index.ts';
import type { RoomEvent, RoomState, SeriesPoint, Tally, VoteState } from './state.ts';
import { accept, refuse, type Decision } from './decision.ts';
import { answeredIn, countsOf, optionIds, tallyOf } from './votes.ts';
import { own } from './own.ts';

/** How often the server takes a point while an overloop card's vote is open (KRING_OVERLOOP_SAMPLE_MS). */
export const OVERLOOP_SAMPLE_MS = 10_000;
/** A round keeps at most this many points (two hours at the default interval), so storage stays small. */
export const OVERLOOP_MAX_POINTS = 720;

export const isOverloopCard = (card: Card | undefined): boolean => !!card?.vote?.overloop;

/** The fewest people whose moves explain the change from `before` to `after` (joining or leaving a side is one move). */
export function movesBetween(before: Record<string, number>, after: Record<string, number>): number {
  let up = 0;
  let down = 0;
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const change = (after[id] ?? 0) - (before[id] ?? 0);
    if (change > 0) up += change;
    else down -= change;
  }
  return Math.max(up, down);
}

const sameCounts = (a: Record<string, number> | null, b: Record<string, number> | null): boolean =>
  a === null || b === null ? a === b : movesBetween(a, b) === 0;

/** Counts as a point shows them: null below the minimum group size (passes do not count). */
const shownCounts = (tally: Tally, minGroupSize: number): Record<string, number> | null =>
  answeredIn(tally) >= minGroupSize ? countsOf(tally) : null;

/** The point to take now, or none: not twice the same, and only after at least k people moved (see above). */
function nextPoint(state: RoomState, card: Card, vote: VoteState, now: number): RoomEvent[] {
  const series = vote.series ?? [];
  if (series.length >= OVERLOOP_MAX_POINTS) return [];
  const tally = tallyOf(vote.choices, optionIds(card));
  const counts = shownCounts(tally, state.minGroupSize);
  const last = series.at(-1);
  if (last && sameCounts(last.counts, counts)) return [];
  // Measured against the last point that showed counts: a point without counts shows nothing to
  // subtract from, so the first counts after "too few" come as soon as k have a side.
  const lastShown = series.findLast((p) => p.counts !== null)?.counts;
  if (counts && lastShown && movesBetween(lastShown, counts) < state.minGroupSize) return [];
  return [{ type: 'overloopSampled', cardId: card.id, at: now, counts }];
}

/** overloop.sample (system only, checked in decide): the point to take now, if any. */
export function decideOverloopSample(state: RoomState, cardId: string, now: number): Decision {
  const card = state.deck.cards.find((c) => c.id === cardId);
  if (!isOverloopCard(card)) return refuse('invalid', 'Dit is geen overloopdebat.');
  const vote = own(state.votes, cardId);
  if (!vote?.open) return refuse('closed', 'Stemmen is nu gesloten.');
  return accept(nextPoint(state, card!, vote, now));
}

/** The last point, taken when the host closes an overloop card's vote (before it closes). */
export function closingPoint(state: RoomState, cardId: string, now: number): RoomEvent[] {
  const card = state.deck.cards.find((c) => c.id === cardId);
  const vote = own(state.votes, cardId);
  return isOverloopCard(card) && vote?.open ? nextPoint(state, card!, vote, now) : [];
}

/** apply: the point joins the series; the tally behind it is kept for a reveal (it has the passes). */
export function withPoint(vote: VoteState, card: Card | undefined, event: Extract<RoomEvent, { type: 'overloopSampled' }>): VoteState {
  const pointTally = tallyOf(vote.choices, card ? optionIds(card) : Object.keys(event.counts ?? {}));
  return { ...vote, series: [...(vote.series ?? []), { at: event.at, counts: event.counts }], pointTally };
}

/** The tally of the last point when it shows counts: what a reveal of an overloop card freezes. */
function lastShownTally(vote: VoteState, minGroupSize: number): Tally | null {
  const last = vote.series?.at(-1);
  return last?.counts && vote.pointTally && answeredIn(vote.pointTally) >= minGroupSize ? vote.pointTally : null;
}

/**
 * result.reveal on an overloop card freezes the last point, never the live choices: a snapshot
 * taken between two points could differ from the last point by one person's switch.
 */
export function decideOverloopReveal(state: RoomState, cardId: string, vote: VoteState): Decision {
  if (overloopNextReveal(vote, state.minGroupSize) === 'new') {
    return accept([{ type: 'resultRevealed', cardId, tally: lastShownTally(vote, state.minGroupSize) }]);
  }
  if (vote.revealed) return refuse('conflict', 'Sinds de vorige uitslag is er nog geen nieuw punt in de lijn. Wacht tot de lijn beweegt.');
  return accept([{ type: 'resultRevealed', cardId, tally: null }]);
}

/** 'new' when the last point shows counts the frozen result does not have yet. */
export function overloopNextReveal(vote: VoteState, minGroupSize: number): 'new' | 'same' {
  const tally = lastShownTally(vote, minGroupSize);
  if (!tally) return vote.snapshot ? 'same' : 'new';
  return vote.snapshot && movesBetween(countsOf(vote.snapshot), countsOf(tally)) === 0 && vote.snapshot.pas === tally.pas ? 'same' : 'new';
}

/** The result an overloop round keeps after the end: the last point that showed counts, else the frozen one. */
export function overloopFinalTally(vote: VoteState, minGroupSize: number): Tally | null {
  return vote.final ?? lastShownTally(vote, minGroupSize) ?? vote.snapshot;
}

/** The series as host, beamer and export may show it: counts only where at least k had a side, by today's k. */
export function seriesShown(vote: VoteState | undefined, minGroupSize: number): SeriesPoint[] {
  return (vote?.series ?? []).map((p) => ({
    at: p.at,
    counts: p.counts && Object.values(p.counts).reduce((a, b) => a + b, 0) >= minGroupSize ? p.counts : null,
  }));
}

/** What a view adds for an overloop card: its series. Nothing for other cards. */
export function overloopView(card: Card, vote: VoteState | undefined, minGroupSize: number): { series?: SeriesPoint[] } {
  return isOverloopCard(card) ? { series: seriesShown(vote, minGroupSize) } : {};
}

/** For anonymise: the tally behind the last point goes (it may count fewer than k). */
export function withoutPointTally(vote: VoteState): VoteState {
  if (!('pointTally' in vote)) return vote;
  const { pointTally: _dropped, ...rest } = vote;
  return rest;
}

/** The card whose points the server should take now: the current card, when it is an open overloopdebat. */
export function cardToSample(state: RoomState): string | null {
  if (state.status !== 'live') return null;
  const card = state.deck.cards[state.cardIndex];
  return card && isOverloopCard(card) && own(state.votes, card.id)?.open ? card.id : null;
}
