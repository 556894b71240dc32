// Plans the wall's pages: picks the post-it text size, measures every post-it at that size and packs
// them into lanes and pages (wall-layout.ts). The text is as large as lets everything fit one screen;
// when even the smallest size (about 22px at 1080p) does not fit, the wall gets pages, at that size.
import type { WallPostIt as WallPostItData } from '@protocol';
import { WallPostIt, WallTitle, type WallItem } from './WallPostIt.tsx';
import type { WallGroup } from './wall-groups.ts';
import { lanesFor, packBalanced, packMasonry, type FlowOptions, type LayoutGroup, type Page } from './wall-layout.ts';
import { createMeasurer, type MeasureRequest } from './wall-measure.ts';

/** Post-it text sizes in the beamer's base size (about 28px at 1080p), largest first. */
const SIZES = [1.7, 1.45, 1.25, 1.08, 0.94, 0.82];
/** A lane is at least this many post-it ems wide (about 25 characters a line)... */
const LANE_EM = 12.5;
/** ...and a size is only used if a lane at least this wide (in its ems) fits in a column. */
const NARROWEST_LANE_EM = 8;
/** Between post-its in a lane, and between lanes, in post-it ems. */
const GAP_EM = 0.42;
const LANE_GAP_EM = 0.7;
/** Titles grow with the post-its (never below the beamer's base size), so they stay the headings. */
const TITLE_EM = 0.78;
/** In the beamer's base size. */
const TITLE_GAP_EM = 0.3;
const GROUP_GAP_EM = 0.75;
const COLUMN_GAP_EM = 1.1;
/** Room for rounding between measuring and showing. */
const SAFETY_PX = 4;
/** Steps for a post-it taller than a lane at the wall's size: smaller text, then its line breaks as
 *  spaces (a post-it may hold many short lines). With these every post-it of 280 characters fits. */
const SHRINK = [
  { scale: 0.85, flat: false },
  { scale: 0.72, flat: false },
  { scale: 0.72, flat: true },
  { scale: 0.6, flat: true },
  { scale: 0.5, flat: true },
  { scale: 0.4, flat: true },
];

export interface WallSegment {
  key: string;
  title: string | null;
  colour: string;
  count: number;
  continued: boolean;
  titleHeight: number;
  items: WallItem[];
}

/** A column of the board (or the whole wall, untitled) on one page: its lanes of segments. */
export interface WallColumn {
  key: string;
  title: string | null;
  colour: string;
  count: number;
  lanes: WallSegment[][];
}

export interface WallPlan {
  mode: 'columns' | 'flow';
  fontPx: number;
  titlePx: number;
  laneWidth: number;
  columnWidth: number;
  headerHeight: number;
  gaps: { item: number; lane: number; title: number; group: number; column: number };
  pages: WallColumn[][];
}

export interface WallArea {
  width: number;
  height: number;
  /** The beamer's base font size in px. */
  base: number;
}

type Fit = { scale: number; flat: boolean };
const FULL: Fit = { scale: 1, flat: false };

export function createWallPlanner(measureHost: () => HTMLElement | undefined) {
  const measurer = createMeasurer(measureHost);
  // The same item object for a post-it while nothing about it changed, so its element stays put.
  const items = new Map<string, WallItem>();
  const fits = new Map<string, Fit>();

  function itemFor(postIt: WallPostItData, colour: string, fit: Fit = fits.get(postIt.id) ?? FULL): WallItem {
    const old = items.get(postIt.id);
    if (old && old.postIt === postIt && old.colour === colour && old.scale === fit.scale && old.flat === fit.flat) return old;
    const item = { postIt, colour, ...fit };
    items.set(postIt.id, item);
    return item;
  }

  function plan(mode: 'columns' | 'flow', groups: WallGroup[], area: WallArea): WallPlan | null {
    // If the smallest size needs pages, no larger one fits a screen: skip measuring at the others.
    const smallest = planAt(mode, groups, area, SIZES.at(-1)! * area.base, true);
    let chosen = smallest;
    if (smallest && smallest.pages.length <= 1) {
      // The largest size that fits one screen, with as many lanes as fit or one fewer (wider lanes
      // make a long post-it shorter).
      search: for (const em of SIZES.slice(0, -1)) {
        for (const fewer of [0, 1]) {
          const attempt = planAt(mode, groups, area, em * area.base, false, fewer);
          if (attempt && attempt.pages.length <= 1) {
            chosen = attempt;
            break search;
          }
        }
      }
      // Measuring at a larger size replaced the items of post-its that had to shrink at the smallest.
      if (chosen === smallest) chosen = planAt(mode, groups, area, SIZES.at(-1)! * area.base, true);
    }
    const onWall = new Set(groups.flatMap((g) => g.postIts.map((p) => p.id)));
    for (const id of items.keys()) if (!onWall.has(id)) items.delete(id);
    for (const id of fits.keys()) if (!onWall.has(id)) fits.delete(id);
    return chosen;
  }

  /** One candidate at one text size; null when at that size the lanes get too narrow or a post-it
   *  is taller than a lane. */
  function planAt(mode: 'columns' | 'flow', groups: WallGroup[], area: WallArea, fontPx: number, last: boolean, fewer = 0): WallPlan | null {
    const gaps = {
      item: GAP_EM * fontPx,
      lane: LANE_GAP_EM * fontPx,
      title: TITLE_GAP_EM * area.base,
      group: GROUP_GAP_EM * area.base,
      column: COLUMN_GAP_EM * area.base,
    };
    const height = area.height - SAFETY_PX;
    const columnCount = mode === 'columns' ? Math.max(1, groups.length) : 1;
    const columnWidth = (area.width - gaps.column * (columnCount - 1)) / columnCount;
    const most = lanesFor(columnWidth, LANE_EM * fontPx, gaps.lane).count;
    // Fewer lanes only while at least two remain: one screen-wide lane reads as bars, not post-its.
    if (fewer && most - fewer < 2) return null;
    const lanes = lanesFor(columnWidth, LANE_EM * fontPx, gaps.lane, most - fewer);
    if (!last && lanes.width < NARROWEST_LANE_EM * fontPx) return null;

    // A column's title stands above its lanes, a cluster's inside the lane (also a cluster inside a column).
    const titlePx = Math.max(area.base, TITLE_EM * fontPx);
    const parts = mode === 'columns' ? groups.flatMap((g) => g.parts ?? []) : [];
    const inLane = mode === 'columns' ? parts : groups.filter((g) => g.title !== null);
    const headers = mode === 'columns' ? groups.filter((g) => g.title !== null) : [];
    const titleHeights = measurer.measure([
      ...headers.map((g) => titleRequest(g, columnWidth, titlePx)),
      ...inLane.map((g) => titleRequest(g, lanes.width, titlePx)),
    ]);
    const titleHeight = new Map([...headers, ...inLane].map((g, i) => [g.key, titleHeights[i]!]));
    const headerHeight = mode === 'columns' ? Math.max(0, ...titleHeights.slice(0, headers.length)) : 0;
    const laneHeight = mode === 'columns' ? height - headerHeight - gaps.title : height;
    const titledInLane = new Set(inLane.map((g) => g.key));
    const roomFor = (g: WallGroup) => (titledInLane.has(g.key) ? laneHeight - titleHeight.get(g.key)! - gaps.title : laneHeight);
    // What holds post-its directly: a column's clusters where it has them, else the group itself.
    const leaves = groups.flatMap((g) => (mode === 'columns' && g.parts ? g.parts : [g]));

    // Only at the smallest size may a post-it shrink to fit a lane; at a larger size one that does
    // not fit means the whole wall takes the next size down, so all post-its keep one size.
    const heights = fitPostIts(leaves, lanes.width, fontPx, roomFor, last);
    if (!heights) return null;
    const options: FlowOptions<WallItem> = {
      height: laneHeight,
      lanes: lanes.count,
      gap: gaps.item,
      titleGap: gaps.title,
      groupGap: gaps.group,
      titleHeight: (g) => (titledInLane.has(g.key) ? titleHeight.get(g.key)! : 0),
      itemHeight: (item) => heights.get(item)!,
    };
    const byKey = new Map([...groups, ...parts].map((g) => [g.key, g]));
    const toLayout = (g: WallGroup): LayoutGroup<WallItem> => ({
      key: g.key,
      title: titledInLane.has(g.key) ? g.title : null,
      items: g.postIts.map((p) => itemFor(p, g.colour)),
    });
    const segment = (s: { key: string; title: string | null; continued: boolean; items: WallItem[] }): WallSegment => {
      const g = byKey.get(s.key)!;
      return { ...s, colour: g.colour, count: g.count, titleHeight: titleHeight.get(s.key) ?? 0 };
    };
    const toLanes = (page: Page<WallItem> | undefined) => (page ?? []).map((lane) => lane.map(segment));

    let pages: WallColumn[][];
    if (mode === 'columns') {
      const perColumn = groups.map((g) => (g.parts ? packBalanced(g.parts.map(toLayout), options) : packUntitled(g, toLayout(g).items, options, last)));
      const count = Math.max(1, ...perColumn.map((p) => p.length));
      pages = Array.from({ length: count }, (_, k) =>
        groups.map((g, i) => ({ key: g.key, title: g.title, colour: g.colour, count: g.count, lanes: toLanes(perColumn[i]![k]) })),
      );
    } else {
      const untitled = groups.length === 1 && groups[0]!.title === null;
      const packed = untitled ? packUntitled(groups[0]!, toLayout(groups[0]!).items, options, last) : packBalanced(groups.map(toLayout), options);
      pages = packed.map((page) => [{ key: 'muur', title: null, colour: 'geel', count: 0, lanes: toLanes(page) }]);
    }
    if (!pages.length) pages = [[]];
    return { mode, fontPx, titlePx, laneWidth: lanes.width, columnWidth, headerHeight, gaps, pages };
  }

  /** Measures every post-it at the lane width; shrinks only the ones that would not fit a lane, or
   *  says (null) that this size is too large when shrinking is not allowed. */
  function fitPostIts(groups: WallGroup[], width: number, fontPx: number, roomFor: (g: WallGroup) => number, mayShrink: boolean) {
    const all = groups.flatMap((g) => g.postIts.map((p) => ({ g, item: itemFor(p, g.colour, FULL) })));
    const measured = measurer.measure(all.map(({ item }) => postItRequest(item, width, fontPx)));
    if (!mayShrink && all.some(({ g }, i) => measured[i]! > roomFor(g))) return null;
    const heights = new Map<WallItem, number>();
    all.forEach(({ g, item }, i) => {
      let height = measured[i]!;
      let fitted = item;
      for (const fit of SHRINK) {
        if (height <= roomFor(g)) break;
        fitted = itemFor(item.postIt, g.colour, fit);
        height = measurer.measure([postItRequest(fitted, width, fontPx)])[0]!;
      }
      if (fitted.scale < 1) fits.set(item.postIt.id, { scale: fitted.scale, flat: fitted.flat });
      else fits.delete(item.postIt.id);
      heights.set(fitted, height);
    });
    return heights;
  }

  return { plan, forget: () => measurer.clear() };
}

/**
 * Post-its without titles: masonry, which pages stably. Above the smallest size the question is only
 * whether everything fits one screen, so where masonry's greedy choice misses, lanes in wall order cut
 * at the best points (packBalanced) get a second try.
 */
function packUntitled(group: WallGroup, items: WallItem[], options: FlowOptions<WallItem>, last: boolean): Page<WallItem>[] {
  const masonry = packMasonry(group.key, items, options);
  if (last || masonry.length <= 1) return masonry;
  const inOrder = packBalanced([{ key: group.key, title: null, items }], options);
  return inOrder.length <= 1 ? inOrder : masonry;
}

function postItRequest(item: WallItem, width: number, fontPx: number): MeasureRequest {
  const p = item.postIt;
  return {
    key: `p|${item.scale}|${item.flat ? 1 : 0}|${p.weight}|${p.highlighted ? 1 : 0}|${p.text}`,
    width,
    fontPx,
    render: () => (
      <ul class="wall__list">
        <WallPostIt item={item} />
      </ul>
    ),
  };
}

function titleRequest(group: WallGroup, width: number, fontPx: number): MeasureRequest {
  return {
    key: `t|${group.count}|${group.title}`,
    width,
    fontPx,
    // Measured with "(vervolg)", the longest it gets, so a title's room never falls short.
    render: () => <WallTitle title={group.title!} count={group.count} colour={group.colour} continued />,
  };
}
