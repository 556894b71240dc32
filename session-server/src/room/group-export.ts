// Small groups in the report: each group's board after its card, as "Groep N – <card title>", under
// the same rule as the beamer (enough different people wrote on the split's boards together).
import type { Card, ExportedCard } from '../protocol/index.ts';
import type { RoomState } from './state.ts';
import { parseGroupBoardKey, roundHasEnoughAuthors } from './groups.ts';
import { exportedBoardOf } from './export.ts';

export function groupBoardsOf(state: RoomState, card: Card): ExportedCard[] {
  const boards = Object.keys(state.boards)
    .map((key) => ({ key, parsed: parseGroupBoardKey(key) }))
    .filter((b) => b.parsed?.cardId === card.id)
    .sort((a, b) => a.parsed!.round - b.parsed!.round || a.parsed!.group - b.parsed!.group);
  const rounds = new Set(boards.map((b) => b.parsed!.round));
  return boards.map(({ key, parsed }) => ({
    id: key,
    // A second split of the room on the same card says which one it was.
    title: `Groep ${parsed!.group} – ${card.title}${rounds.size > 1 || parsed!.round > 1 ? ` (ronde ${parsed!.round})` : ''}`,
    vote: null,
    board: exportedBoardOf(state, card, state.boards[key], roundHasEnoughAuthors(state, parsed!.round)),
  }));
}
