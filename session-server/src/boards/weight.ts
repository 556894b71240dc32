// How many post-its one stands for once duplicates were merged into it (1 = none merged).
import type { BoardState, PostIt } from '../room/state.ts';

export function weightOf(postIt: PostIt, board: BoardState): number {
  let weight = 1;
  for (const other of Object.values(board.postIts)) if (other.mergedInto === postIt.id && other.status !== 'hidden') weight++;
  return weight;
}
