// The beamer wall's page filling (site/islands/beamer/wall-layout.ts), with made-up heights: post-its
// that arrive at the end never move what is already placed, no lane is taller than the page, and a
// cluster's title never stands alone at the foot of a lane.
import { describe, expect, it } from 'vitest';
import { lanesFor, packBalanced, packFlow, packMasonry, type FlowOptions, type LayoutGroup, type Page } from '../../site/islands/beamer/wall-layout.ts';

interface Note {
  id: string;
  height: number;
}

/** A seeded list of post-its with heights between 40 and 300 px (a few words up to 280 characters). */
function notes(count: number, seed = 7, prefix = 'n'): Note[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, height: Math.round(40 + next() * 260) }));
}

const options: FlowOptions<Note> = {
  height: 800,
  lanes: 5,
  gap: 10,
  titleGap: 8,
  groupGap: 20,
  titleHeight: () => 34,
  itemHeight: (n) => n.height,
};

const ids = (page: Page<Note>) => page.map((lane) => lane.map((s) => ({ title: s.title, ids: s.items.map((n) => n.id) })));

function laneHeight(lane: Page<Note>[number], o: FlowOptions<Note>) {
  return lane.reduce((sum, segment, i) => {
    const items = segment.items.reduce((h, n, j) => h + n.height + (j ? o.gap : 0), 0);
    return sum + (i ? o.groupGap : 0) + (segment.title === null ? 0 : 34 + o.titleGap) + items;
  }, 0);
}

describe('lanes', () => {
  it('are as many as fit at the narrowest readable width, and share the width exactly', () => {
    expect(lanesFor(1400, 240, 16)).toEqual({ count: 5, width: (1400 - 4 * 16) / 5 });
    expect(lanesFor(200, 240, 16).count).toBe(1);
  });
});

describe('a wall without groups (masonry)', () => {
  it('keeps every placed post-it where it was when post-its arrive at the end; only the last two pages take them', () => {
    const before = packMasonry('muur', notes(120), options);
    const after = packMasonry('muur', [...notes(120), ...notes(15, 99, 'late')], options);
    expect(before.length).toBeGreaterThan(2);
    for (let p = 0; p < before.length - 2; p++) expect(ids(after[p]!)).toEqual(ids(before[p]!));
    for (let p = before.length - 2; p < before.length; p++) {
      after[p]!.forEach((lane, l) => {
        const was = before[p]![l]![0]!.items.map((n) => n.id);
        expect(lane[0]!.items.map((n) => n.id).slice(0, was.length)).toEqual(was);
      });
    }
  });

  it('lets later post-its fill the room a long one left on the page before', () => {
    const long = { id: 'long', height: 700 };
    const pages = packMasonry('muur', [...notes(9, 3, 'a'), long, { id: 'kort', height: 60 }], { ...options, lanes: 2 });
    const where = (id: string) => pages.findIndex((page) => page.some((lane) => lane[0]!.items.some((n) => n.id === id)));
    expect(where('long')).toBe(1);
    expect(where('kort')).toBe(0);
  });

  it('never fills a lane past the page height, and shows every post-it once, in wall order per lane', () => {
    const all = notes(200);
    const pages = packMasonry('muur', all, options);
    const shown = pages.flatMap((page) => page.flatMap((lane) => lane.flatMap((s) => s.items)));
    expect(shown.map((n) => n.id).sort()).toEqual(all.map((n) => n.id).sort());
    for (const page of pages) for (const lane of page) expect(laneHeight(lane, options)).toBeLessThanOrEqual(options.height);
  });
});

describe('a wall with clusters (lane by lane)', () => {
  const groups = (extra = 0): LayoutGroup<Note>[] => [
    { key: 'pesten', title: 'Pesten', items: notes(30, 1, 'p') },
    { key: 'stage', title: 'Stage', items: notes(25, 2, 's') },
    { key: 'overig', title: 'Overig', items: [...notes(40, 3, 'o'), ...notes(extra, 4, 'late')] },
  ];

  it('keeps earlier pages as they were when post-its arrive at the end (in Overig)', () => {
    const before = packFlow(groups(), options);
    const after = packFlow(groups(12), options);
    expect(before.length).toBeGreaterThan(1);
    for (let p = 0; p < before.length - 1; p++) expect(ids(after[p]!)).toEqual(ids(before[p]!));
  });

  it('never leaves a title alone at the foot of a lane, names a group again atop a new page only', () => {
    const pages = packFlow(groups(), options);
    for (const page of pages) {
      page.forEach((lane, l) => {
        expect(laneHeight(lane, options)).toBeLessThanOrEqual(options.height);
        for (const segment of lane) {
          expect(segment.items.length).toBeGreaterThan(0);
          if (segment.continued) expect(segment.title !== null).toBe(l === 0 && lane[0] === segment);
        }
      });
    }
  });

  it('evens out the lanes when everything fits on one page', () => {
    const few: LayoutGroup<Note>[] = [
      { key: 'a', title: 'A', items: notes(4, 5, 'a') },
      { key: 'b', title: 'B', items: notes(4, 6, 'b') },
    ];
    const greedy = packFlow(few, options);
    const even = packBalanced(few, options);
    expect(greedy).toHaveLength(1);
    expect(even).toHaveLength(1);
    const tallest = (page: Page<Note>) => Math.max(...page.map((lane) => laneHeight(lane, options)));
    expect(tallest(even[0]!)).toBeLessThanOrEqual(tallest(greedy[0]!));
    expect(even[0]!.length).toBeGreaterThan(greedy[0]!.length);
  });
});
