// Which groups the wall shows: a columns board by its columns (always all of them, side by side), a
// free wall by the host's clusters, with what is not in a cluster last as "Overig". Within a group
// the post-its keep the wall order the view gives; nothing here sorts them.
import type { BeamerView, BoardColour, Card, WallPostIt } from '@protocol';

type Board = NonNullable<BeamerView['board']>;

export interface WallGroup {
  key: string;
  title: string | null;
  colour: BoardColour;
  /** Post-its shown in this group (a merged "3×" is one post-it). */
  count: number;
  postIts: WallPostIt[];
}

export interface WallGroups {
  mode: 'columns' | 'flow';
  groups: WallGroup[];
}

/** Clusters get their own paper colour so groups stand apart; the title still names each one. */
const CLUSTER_COLOURS: BoardColour[] = ['blauw', 'groen', 'roze', 'oranje', 'paars'];

function group(key: string, title: string | null, colour: BoardColour, postIts: WallPostIt[]): WallGroup {
  return { key, title, colour, count: postIts.length, postIts };
}

export function wallGroups(card: Card, board: Board): WallGroups {
  const columns = card.board?.columns ?? [];
  if (columns.length) {
    const known = new Set(columns.map((c) => c.id));
    const groups = columns.map((c) =>
      group(
        `kolom:${c.id}`,
        c.label,
        c.colour,
        board.postIts.filter((p) => p.columnId === c.id),
      ),
    );
    const loose = board.postIts.filter((p) => !p.columnId || !known.has(p.columnId));
    if (loose.length) groups.push(group('kolom:overig', 'Overig', 'grijs', loose));
    return { mode: 'columns', groups };
  }

  if (!board.clusters.length) return { mode: 'flow', groups: [group('muur', null, 'geel', board.postIts)] };
  const clustered = new Set(board.clusters.map((c) => c.id));
  const groups = board.clusters.map((c, i) =>
    group(
      `groep:${c.id}`,
      c.name,
      CLUSTER_COLOURS[i % CLUSTER_COLOURS.length]!,
      board.postIts.filter((p) => p.clusterId === c.id),
    ),
  );
  groups.push(group('groep:overig', 'Overig', 'geel', board.postIts.filter((p) => !p.clusterId || !clustered.has(p.clusterId))));
  return { mode: 'flow', groups: groups.filter((g) => g.postIts.length) };
}
