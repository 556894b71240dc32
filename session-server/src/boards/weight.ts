// How many post-its each one stands for once duplicates were merged into it (1 = none merged).
// One pass over the board, because views are built for every batch and every host action.
import type { BoardState } from '../room/state.ts';

export function weightsOf(board: BoardState): (postItId: string) => number {
  const merged = new Map<string, number>();
  for (const p of Object.values(board.postIts)) {
    if (p.mergedInto && p.status !== 'hidden') merged.set(p.mergedInto, (merged.get(p.mergedInto) ?? 0) + 1);
  }
  return (postItId) => 1 + (merged.get(postItId) ?? 0);
}
