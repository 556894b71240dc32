// Pages the post-it wall, in wall order: a wall without groups (and each column of a board) as
// masonry, each post-it into the lane that is shortest so far; a wall with the host's clusters lane by
// lane like newspaper columns, so each cluster stays together under its title. Either way, where a
// post-it lands depends only on the ones before it, so post-its that arrive at the end of the wall
// never move one that is already placed, and only the last page(s) take new ones.
// Pure: the heights come from the caller's measurements, so this is unit-tested without a browser.

export interface LayoutGroup<T> {
  key: string;
  /** Shown above the group (a cluster's name); null for a wall without groups. */
  title: string | null;
  items: T[];
}

/** A group's stretch within one lane; its title is repeated ("vervolg") atop the page it continues on. */
export interface Segment<T> {
  key: string;
  title: string | null;
  continued: boolean;
  items: T[];
}
export type Lane<T> = Segment<T>[];
export type Page<T> = Lane<T>[];

export interface FlowOptions<T> {
  /** Height of a lane in px. */
  height: number;
  /** Lanes on a page. */
  lanes: number;
  /** Vertical space between two post-its. */
  gap: number;
  /** Space between a group's title and its first post-it. */
  titleGap: number;
  /** Space between two groups in the same lane. */
  groupGap: number;
  titleHeight: (group: LayoutGroup<T>) => number;
  itemHeight: (item: T) => number;
}

/** How many lanes of at least `minLane` px fit in `width` px with `gap` between them (or `count`
 *  lanes if given), and how wide each is. */
export function lanesFor(width: number, minLane: number, gap: number, count?: number): { count: number; width: number } {
  const lanes = count ?? Math.max(1, Math.floor((width + gap) / (minLane + gap)));
  return { count: lanes, width: (width - gap * (lanes - 1)) / lanes };
}

/**
 * Fills lanes greedily. A title never stands alone at the foot of a lane: it moves on with its first
 * post-it. A post-it taller than a lane still gets a lane of its own (the caller prevents that by
 * shrinking such a post-it's text).
 */
export function packFlow<T>(groups: LayoutGroup<T>[], o: FlowOptions<T>): Page<T>[] {
  const pages: Page<T>[] = [];
  let lane: Lane<T> = [];
  let y = 0;
  let firstLaneOfPage = true;
  const newLane = () => {
    let page = pages.at(-1);
    if (!page || page.length >= o.lanes) pages.push((page = []));
    lane = [];
    page.push(lane);
    firstLaneOfPage = page.length === 1;
    y = 0;
  };
  newLane();

  for (const group of groups) {
    if (!group.items.length) continue;
    const titleSpace = group.title === null ? 0 : o.titleHeight(group) + o.titleGap;
    // A group that runs on into the next lane of the same page needs no second title; one that runs
    // on to a new page gets its title again at the top.
    const open = (continued: boolean): Segment<T> => {
      const titled = group.title !== null && (!continued || firstLaneOfPage);
      const segment = { key: group.key, title: titled ? group.title : null, continued, items: [] };
      y += (lane.length ? o.groupGap : 0) + (titled ? titleSpace : 0);
      lane.push(segment);
      return segment;
    };
    if (lane.length && y + o.groupGap + titleSpace + o.itemHeight(group.items[0]!) > o.height) newLane();
    let segment = open(false);
    for (const item of group.items) {
      const height = o.itemHeight(item);
      const space = (segment.items.length ? o.gap : 0) + height;
      if (segment.items.length && y + space > o.height) {
        newLane();
        segment = open(true);
        y += height;
      } else {
        y += space;
      }
      segment.items.push(item);
    }
  }
  return pages;
}

/**
 * The same, when everything fits on one page: the lowest lane height that still keeps it on one
 * page, so the lanes come out about even instead of one full lane and empty ones beside it.
 */
export function packBalanced<T>(groups: LayoutGroup<T>[], o: FlowOptions<T>): Page<T>[] {
  const full = packFlow(groups, o);
  if (full.length > 1) return full;
  let low = 0;
  let high = o.height;
  let best = full;
  for (let i = 0; i < 14 && high - low > 1; i++) {
    const middle = (low + high) / 2;
    const attempt = packFlow(groups, { ...o, height: middle });
    if (attempt.length === 1) {
      high = middle;
      best = attempt;
    } else {
      low = middle;
    }
  }
  return best;
}

/**
 * One group without a title: each post-it into the lane that is shortest so far. One that fits
 * nowhere starts a new page, but the page before stays open for the next post-its, so one long
 * post-it does not leave half a page empty. Only the last two pages ever take post-its: a post-it
 * that arrives lands there, in free room, and never moves one already placed.
 */
export function packMasonry<T>(key: string, items: T[], o: Pick<FlowOptions<T>, 'height' | 'lanes' | 'gap' | 'itemHeight'>): Page<T>[] {
  const pages: { lanes: Segment<T>[]; heights: number[] }[] = [];
  const newPage = () => {
    const page = {
      lanes: Array.from({ length: o.lanes }, (): Segment<T> => ({ key, title: null, continued: false, items: [] })),
      heights: new Array<number>(o.lanes).fill(0),
    };
    pages.push(page);
    return page;
  };
  /** The lane this post-it goes into on this page, or -1; an empty page takes anything. */
  const laneOn = (page: (typeof pages)[number], height: number) => {
    const lane = shortest(page.heights);
    const top = page.heights[lane]! + (page.lanes[lane]!.items.length ? o.gap : 0);
    return top + height <= o.height || page.heights.every((h) => h === 0) ? lane : -1;
  };
  newPage();
  for (const item of items) {
    const height = o.itemHeight(item);
    const page = pages.slice(-2).find((p) => laneOn(p, height) >= 0) ?? newPage();
    const lane = laneOn(page, height);
    page.heights[lane] = page.heights[lane]! + (page.lanes[lane]!.items.length ? o.gap : 0) + height;
    page.lanes[lane]!.items.push(item);
  }
  return pages.map((page) => page.lanes.map((segment) => [segment]));
}

function shortest(heights: number[]): number {
  let best = 0;
  for (let i = 1; i < heights.length; i++) if (heights[i]! < heights[best]!) best = i;
  return best;
}
