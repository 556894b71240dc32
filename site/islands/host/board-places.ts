// Where a post-it can be on the host's board: one place per column × group (or per group on a free
// wall), named plainly. Dragging and the keyboard menu both read these, so they always agree. A group
// spans the columns: it shows in each one, and putting a post-it in a group keeps its column.
import type { BoardColour, Card, HostPostIt, HostView } from '@protocol';

type Board = NonNullable<HostView['board']>;

export interface Place {
  columnId: string | null;
  clusterId: string | null;
}

export interface Zone extends Place {
  /** Stable while the place exists, so the zone's component (and focus inside it) survives new views. */
  key: string;
  /** The full name, read out and used as the region's label: "Vaak · Groep: Pesten". */
  name: string;
  /** The name inside its column: "Groep: Pesten" or "Zonder groep". */
  title: string;
  postItIds: string[];
}

export interface ColumnGroup {
  key: string;
  /** The deck's column id; null on a free wall. */
  id: string | null;
  /** Null on a free wall: its zones stand alone. */
  label: string | null;
  colour: BoardColour;
  zones: Zone[];
}

export interface Arrangement {
  columns: ColumnGroup[];
  zones: Map<string, Zone>;
  postIts: Map<string, HostPostIt>;
  /** Every place a post-it can go, in reading order. */
  places: Zone[];
}

export const NO_CLUSTER = 'Zonder groep';
export const clusterTitle = (name: string) => `Groep: ${name}`;

export const placeKey = (cardId: string, place: Place) => `${cardId}|${place.columnId ?? ''}|${place.clusterId ?? ''}`;

/** Post-its the host arranges: approved ones. Pending ones wait in moderation, hidden ones aside. */
export function arrangeable(board: Board): HostPostIt[] {
  return board.postIts.filter((p) => p.status === 'approved');
}

export function arrange(card: Card, board: Board): Arrangement {
  const postIts = arrangeable(board);
  const clusterIds = new Set(board.clusters.map((c) => c.id));
  const clusterOf = (p: HostPostIt) => (p.clusterId && clusterIds.has(p.clusterId) ? p.clusterId : null);
  const deckColumns = card.board?.layout === 'columns' ? (card.board.columns ?? []) : [];
  const groups = deckColumns.length
    ? deckColumns.map((c) => ({ id: c.id as string | null, label: c.label as string | null, colour: c.colour }))
    : [{ id: null, label: null, colour: 'geel' as BoardColour }];

  const zones = new Map<string, Zone>();
  const columns = groups.map((group): ColumnGroup => {
    const inColumn = deckColumns.length ? postIts.filter((p) => p.columnId === group.id) : postIts;
    const clusterZones = [null, ...board.clusters].map((cluster): Zone => {
      const place = { columnId: group.id, clusterId: cluster?.id ?? null };
      const title = cluster ? clusterTitle(cluster.name) : NO_CLUSTER;
      const zone = {
        ...place,
        key: placeKey(card.id, place),
        name: group.label ? `${group.label} · ${title}` : title,
        title,
        postItIds: inColumn.filter((p) => clusterOf(p) === place.clusterId).map((p) => p.id),
      };
      zones.set(zone.key, zone);
      return zone;
    });
    return { key: `${card.id}|${group.id ?? ''}`, id: group.id, label: group.label, colour: group.colour, zones: clusterZones };
  });

  return { columns, zones, postIts: new Map(postIts.map((p) => [p.id, p])), places: [...zones.values()] };
}

/** The zone a post-it is in now. */
export function zoneOf(arrangement: Arrangement, cardId: string, postIt: HostPostIt): Zone | undefined {
  const clusterId = postIt.clusterId && arrangement.places.some((z) => z.clusterId === postIt.clusterId) ? postIt.clusterId : null;
  return arrangement.zones.get(placeKey(cardId, { columnId: postIt.columnId, clusterId }));
}
