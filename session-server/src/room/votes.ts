// Vote rules: answers, frozen snapshots and rounds. A revealed result is a snapshot taken at the
// reveal; later answers never move it, and a new snapshot of the same round needs at least the
// minimum group size of new or changed answers, so no two results anyone sees differ by one person.
import { isSplit, PASS, scaleOptions, type Card, type VoteResult } from '../protocol/index.ts';
import type { Tally, VoteState } from './state.ts';
import { noChoices } from './persistent.ts';

/** The option ids a card's vote counts, in display order. */
export const optionIds = (card: Card): string[] => scaleOptions(card.vote).map((o) => o.id);

/** Whether `choice` is one of the card's options. A loop, not optionIds(): every answer asks. */
export function isOption(card: Card, choice: string): boolean {
  for (const option of scaleOptions(card.vote)) if (option.id === choice) return true;
  return false;
}

export const emptyVote = (): VoteState => ({
  open: false,
  revealed: false,
  round: 1,
  choices: noChoices(),
  atSnapshot: noChoices(),
  snapshot: null,
  earlierRounds: [],
  final: null,
});

/** Counts per option (each option present, in the scale's order) and passes. */
export function tallyOf(choices: VoteState['choices'], options: readonly string[]): Tally {
  // Options first, pas last: the order results were always stored in.
  const counts: Record<string, number> = {};
  for (const id of options) counts[id] = 0;
  const tally: Tally = { ...counts, pas: 0 };
  // decide() only accepts an option of the card or a pass, so every choice has its key.
  for (const choice of choices.values()) if (Object.hasOwn(tally, choice)) tally[choice]! += 1;
  return tally;
}

/** The counts without the passes. */
export function countsOf(tally: Tally): Record<string, number> {
  const { pas: _pas, ...counts } = tally;
  return counts;
}

/** Answers that count toward the minimum group size: a pass is a reaction, not an answer. */
export const answeredIn = (tally: Tally): number => Object.values(countsOf(tally)).reduce((a, b) => a + b, 0);

/** How many reacted (answered or passed) this round: the one live number the host sees. */
export const respondedIn = (vote: VoteState): number => vote.choices.size;

/**
 * People who gave an answer (not a pass) since the snapshot and had none in it. Changed answers do
 * not count: someone who switches and switches back, or four who swap between two options, could
 * otherwise buy a new snapshot that differs from the last by one newcomer's answer.
 */
export function newAnswersSince(vote: VoteState): number {
  let count = 0;
  // forEach, not for...of: the iterator builds a [key, value] pair per phone, and the host view
  // asks this on every batch tick (5,000 pairs a second in a school-wide room).
  vote.choices.forEach((choice, participant) => {
    if (choice === PASS) return;
    const before = vote.atSnapshot.get(participant);
    if (before === undefined || before === PASS) count++;
  });
  return count;
}

/** What the next reveal does: take a fresh snapshot, or show the frozen one again. */
export function nextReveal(vote: VoteState, minGroupSize: number): 'new' | 'same' {
  if (!vote.snapshot) return 'new';
  return newAnswersSince(vote) >= minGroupSize ? 'new' : 'same';
}

/** The snapshot a reveal takes now: the tally, or null when too few answered to show anything. */
export function snapshotNow(vote: VoteState, minGroupSize: number, options: readonly string[]): Tally | null {
  const tally = tallyOf(vote.choices, options);
  return answeredIn(tally) >= minGroupSize ? tally : null;
}

/** What the beamer may show: nothing before the reveal, only a frozen snapshot, nothing below k. */
export function voteResult(vote: VoteState, minGroupSize: number): VoteResult {
  if (!vote.revealed) return { state: 'hidden' };
  const shown = vote.final ?? vote.snapshot;
  if (!shown || answeredIn(shown) < minGroupSize) return { state: 'too-few', minGroupSize };
  const counts = countsOf(shown);
  return { state: 'shown', counts, answered: answeredIn(shown), passes: shown.pas, split: isSplit(counts, Object.keys(counts).length) };
}

/**
 * The result a round keeps after the session ends. Late answers are added only when at least the
 * minimum group size of new answers came after the last snapshot; otherwise the snapshot stands,
 * so the report never differs from what the beamer showed by one person.
 */
export function finalTally(vote: VoteState, minGroupSize: number, options: readonly string[]): Tally | null {
  if (vote.final) return vote.final;
  if (vote.snapshot && newAnswersSince(vote) < minGroupSize) return vote.snapshot;
  return snapshotNow(vote, minGroupSize, options);
}
