// Results for the host's report: aggregates and post-it texts, never anything about participants.
// During a session it holds only what the beamer showed (frozen snapshots), so exporting twice
// tells nothing the beamer did not; after the end, each round's kept result (see finalTally).
// Cards below the minimum group size are exported as "te weinig antwoorden", as on the beamer.
import { isSplit, NOT_SHOWN, scaleOptions, TOO_FEW, type ExportedCard, type ResultsExport } from '../protocol/index.ts';
import type { Card } from '../protocol/index.ts';
import type { BoardState, RoomState, Tally, VoteState } from './state.ts';
import { groupBoardsOf } from './group-export.ts';
import { adoptedAfspraken, boardHasEnoughAuthors, wallOf } from './views.ts';
import { allCards, playedCards } from './cards.ts';
import { weightsOf } from '../boards/weight.ts';
import { answeredIn, countsOf } from './votes.ts';
import { own } from './own.ts';
import { isOverloopCard, seriesShown } from './overloop.ts';
import { meetingOf, sharedActions } from './meeting.ts';

/** The meeting's record as the report has it; null when nothing was recorded. */
function exportedMeeting(state: RoomState): ResultsExport['meeting'] {
  const m = meetingOf(state);
  const shared = sharedActions(state);
  if (!m.dilemma && !m.conclusions.length && !m.actions.length && !shared.length) return null;
  return {
    dilemma: m.dilemma,
    conclusions: m.conclusions.map((c) => c.text),
    actions: m.actions.map(({ what, who, when }) => ({ what, who, when })),
    sharedActions: shared,
  };
}

/** What the export may say of a vote's current round: the kept result after the end, else the snapshot. */
function exportedTally(state: RoomState, vote: VoteState | undefined): { tally: Tally | null; status: 'ok' | typeof TOO_FEW | typeof NOT_SHOWN } {
  const tally = state.status === 'ended' ? (vote?.final ?? null) : (vote?.snapshot ?? null);
  if (tally && answeredIn(tally) >= state.minGroupSize) return { tally, status: 'ok' };
  // During the session a vote that was never shown is not reported at all, not even as "too few".
  if (state.status !== 'ended' && !vote?.snapshot && !vote?.revealed) return { tally: null, status: NOT_SHOWN };
  return { tally: null, status: TOO_FEW };
}

export function exportResults(state: RoomState): ResultsExport {
  // The cards in play in their order, then any taken out of play that still hold answers.
  const played = playedCards(state);
  const dropped = allCards(state).filter((c) => !played.includes(c) && (own(state.votes, c.id) || own(state.boards, c.id)));
  const cards = [...played, ...dropped]
    .filter((card) => card.vote || card.board)
    .flatMap((card): ExportedCard[] => [exportedCard(state, card), ...groupBoardsOf(state, card)]);
  return {
    deck: state.deck.title,
    deckId: state.deckId,
    startedAt: new Date(state.createdAt).toISOString(),
    endedAt: state.endedAt ? new Date(state.endedAt).toISOString() : null,
    minGroupSize: state.minGroupSize,
    joined: state.joined,
    groupName: state.groupName ?? null,
    afspraken: adoptedAfspraken(state),
    meeting: exportedMeeting(state),
    cards,
  };
}

function exportedCard(state: RoomState, card: Card): ExportedCard {
  const vote = own(state.votes, card.id);
  const board = own(state.boards, card.id);
  let exportedVote: ExportedCard['vote'] = null;
  if (card.vote) {
    const { tally, status } = exportedTally(state, vote);
    const split = (t: Tally) => ({ counts: countsOf(t), passes: t.pas });
    const options = scaleOptions(card.vote).map((o) => ({ id: o.id, label: o.label }));
    exportedVote = {
      question: card.vote.question,
      options,
      round: vote?.round ?? 1,
      status,
      nobodyAnswered: !vote,
      minimumReached: status === 'ok',
      counts: tally ? split(tally).counts : null,
      passes: tally ? split(tally).passes : null,
      split: tally ? isSplit(countsOf(tally), options.length) : false,
      earlierRounds: (vote?.earlierRounds ?? [])
        .filter((r) => answeredIn(r.tally) >= state.minGroupSize)
        .map((r) => ({ round: r.round, ...split(r.tally) })),
      // The series was on the beamer as it moved, so the report has it as shown there.
      ...(isOverloopCard(card) ? { series: seriesShown(vote, state.minGroupSize).map((p) => ({ at: new Date(p.at).toISOString(), counts: p.counts })) } : {}),
    };
  }
  const exportedBoard = card.board ? exportedBoardOf(state, card, board, !!board && boardHasEnoughAuthors(board, state.minGroupSize)) : null;
  return { id: card.id, title: card.title, vote: exportedVote, board: exportedBoard };
}

/** A board as the report holds it: only what the beamer's wall may show, and only once shown. */
export function exportedBoardOf(state: RoomState, card: Card, board: BoardState | undefined, reached: boolean): ExportedCard['board'] {
  if (!card.board) return null;
  const shown = state.status === 'ended' || !!board?.revealed;
  const columns = new Map((card.board.columns ?? []).map((c) => [c.id, c.label]));
  const clusters = new Map((board?.clusters ?? []).map((c) => [c.id, c.name]));
  // Only what the beamer's wall may show: approved, published post-its.
  const visible = reached && shown ? wallOf(board!).map((w) => board!.postIts[w.id]!) : [];
  const weight = board ? weightsOf(board) : () => 1;
  return {
    prompt: card.board.prompt,
    status: !shown ? NOT_SHOWN : reached ? ('ok' as const) : TOO_FEW,
    nobodyWrote: !board || (state.status === 'ended' && board.authorCount === 0),
    postIts: visible
      .map((p) => ({
        text: p.text,
        column: p.columnId ? (columns.get(p.columnId) ?? null) : null,
        cluster: p.clusterId ? (clusters.get(p.clusterId) ?? null) : null,
        count: weight(p.id),
        highlighted: p.highlighted,
        ...(card.kind === 'afspraken' ? { supports: p.supportCount ?? 0, adopted: p.adopted ?? false } : {}),
      }))
      .sort((a, b) => (a.column ?? '').localeCompare(b.column ?? '') || (a.cluster ?? '').localeCompare(b.cluster ?? '') || a.text.localeCompare(b.text)),
  };
}

/** A spreadsheet cell that cannot start a formula (post-its may be hostile), always quoted so no
 *  separator, quote or line break inside a post-it can shift the columns. */
function cell(value: string | number | null): string {
  if (value === null) return '""';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * CSV with ; as separator and a BOM, so Dutch Excel opens it correctly. One row per answer option
 * (cards have scales of their own, so options cannot be columns), one per post-it.
 */
export function resultsToCsv(results: ResultsExport): string {
  const header = ['kaart', 'onderdeel', 'vraag_of_kolom', 'groep', 'tekst', 'ronde', 'antwoord', 'aantal', 'status'];
  const rows: (string | number | null)[][] = [header];
  for (const card of results.cards) {
    if (card.vote) {
      const v = card.vote;
      const round = (round: number, counts: Record<string, number> | null, passes: number | null, status: string) => {
        if (!counts) return void rows.push([card.title, 'stemming', v.question, null, null, round, null, null, status]);
        for (const o of v.options) rows.push([card.title, 'stemming', v.question, null, null, round, o.label, counts[o.id] ?? 0, status]);
        rows.push([card.title, 'stemming', v.question, null, null, round, 'overgeslagen', passes, status]);
      };
      for (const r of v.earlierRounds) round(r.round, r.counts, r.passes, 'ok');
      round(v.round, v.counts, v.passes, v.status);
      // An overloopdebat's moves: one row per option per point, the time as its text.
      for (const p of v.series ?? []) {
        if (!p.counts) rows.push([card.title, 'overloop', v.question, null, p.at, v.round, null, null, TOO_FEW]);
        else for (const o of v.options) rows.push([card.title, 'overloop', v.question, null, p.at, v.round, o.label, p.counts[o.id] ?? 0, 'ok']);
      }
    }
    if (card.board) {
      if (card.board.status !== 'ok') rows.push([card.title, 'post-it', card.board.prompt, null, null, null, null, null, card.board.status]);
      for (const p of card.board.postIts) {
        rows.push([card.title, 'post-it', p.column ?? card.board.prompt, p.cluster, p.text, null, null, p.count, 'ok']);
      }
    }
  }
  return '\uFEFF' + rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
