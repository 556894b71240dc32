// Which groups the wall shows: a columns board by its columns (always all of them, side by side), a
// free wall by the host's clusters, with what is not in a cluster last as "Overig". On a columns
// board the host's clusters show inside each column (a cluster may hold post-its from several
// columns; each post-it stays in the column its writer chose). Within a group the post-its keep the
// wall order the view gives; nothing here sorts them.
import type { BeamerView, BoardColour, Card, WallPostIt } from '@protocol';

type Board = NonNullable<BeamerView['board']>;

export interface WallGroup {
  key: string;
  title: string | null;
  colour: BoardColour;
  /** Post-its shown in this group (a merged "3×" is one post-it). */
  count: number;
  postIts: WallPostIt[];
  /** A column's clusters, each titled inside the column's lanes; absent when the board has none. */
  parts?: WallGroup[];
}

export interface WallGroups {
  mode: 'columns' | 'flow';
  groups: WallGroup[];
}

/** Clusters get their own paper colour so groups stand apart; the title still names each one. */
const CLUSTER_COLOURS: BoardColour[] = ['blauw', 'groen', 'roze', 'oranje', 'paars'];
export const LOOSE_TITLE = 'Overig';

function group(key: string, title: string | null, colour: BoardColour, postIts: WallPostIt[]): WallGroup {
  return { key, title, colour, count: postIts.length, postIts };
}

/** The host's clusters over these post-its, in the host's order, then the rest as "Overig"; empty ones left out. */
function byCluster(keyPrefix: string, board: Board, postIts: WallPostIt[], colourOf: (i: number) => BoardColour): WallGroup[] {
  const clustered = new Set(board.clusters.map((c) => c.id));
  const groups = board.clusters.map((c, i) => group(`${keyPrefix}groep:${c.id}`, c.name, colourOf(i), postIts.filter((p) => p.clusterId === c.id)));
  groups.push(group(`${keyPrefix}groep:overig`, LOOSE_TITLE, colourOf(-1), postIts.filter((p) => !p.clusterId || !clustered.has(p.clusterId))));
  return groups.filter((g) => g.postIts.length);
}

export function wallGroups(card: Card, board: Board): WallGroups {
  const columns = card.board?.columns ?? [];
  if (columns.length) {
    const known = new Set(columns.map((c) => c.id));
    const column = (key: string, title: string, colour: BoardColour, postIts: WallPostIt[]): WallGroup => {
      const g = group(key, title, colour, postIts);
      // Inside a column the post-its keep the column's colour: the column is what the writer chose.
      // A column with none of its post-its in a cluster stays plain: no lone "Overig" title.
      const parts = byCluster(`${key}|`, board, postIts, () => colour);
      if (parts.some((part) => part.title !== LOOSE_TITLE)) g.parts = parts;
      return g;
    };
    const groups = columns.map((c) =>
      column(
        `kolom:${c.id}`,
        c.label,
        c.colour,
        board.postIts.filter((p) => p.columnId === c.id),
      ),
    );
    const loose = board.postIts.filter((p) => !p.columnId || !known.has(p.columnId));
    if (loose.length) groups.push(column('kolom:overig', LOOSE_TITLE, 'grijs', loose));
    return { mode: 'columns', groups };
  }

  if (!board.clusters.length) return { mode: 'flow', groups: [group('muur', null, 'geel', board.postIts)] };
  return { mode: 'flow', groups: byCluster('', board, board.postIts, (i) => (i < 0 ? 'geel' : CLUSTER_COLOURS[i % CLUSTER_COLOURS.length]!)) };
}
