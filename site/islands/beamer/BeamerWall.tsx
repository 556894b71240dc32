// The revealed wall on the beamer: the page the planner made, the pager, and a bar that says how many
// post-its there are and how many wait for the host. Pages are filled in wall order from measured
// heights, so post-its that arrive (always at the end of the wall order) land at the end, in free
// room on the last pages, and never move what is on the page being read.
import { For, Index, Show, createEffect, createMemo, createSignal, on, onCleanup, onMount } from 'solid-js';
import type { BeamerView, Card, WallPostIt as WallPostItData } from '@protocol';
import { WallPostIt, WallTitle } from './WallPostIt.tsx';
import { wallGroups } from './wall-groups.ts';
import { createWallPlanner, type WallArea, type WallSegment } from './wall-planner.tsx';
import { createPager } from './wall-pager.ts';
import '../../styles/beamer-wall.css';

type Board = NonNullable<BeamerView['board']>;

export function BeamerWall(props: { card: Card; board: Board }) {
  let area: HTMLDivElement | undefined;
  let measureBox: HTMLDivElement | undefined;
  const planner = createWallPlanner(() => measureBox);
  const [fonts, setFonts] = createSignal(0);
  const [size, setSize] = createSignal<WallArea | null>(null, {
    equals: (a, b) => !!a && !!b && a.width === b.width && a.height === b.height && a.base === b.base,
  });
  onMount(() => {
    const read = () => {
      if (!area) return;
      const rect = area.getBoundingClientRect();
      setSize({ width: rect.width, height: rect.height, base: parseFloat(getComputedStyle(area).fontSize) || 16 });
    };
    const observer = new ResizeObserver(read);
    observer.observe(area!);
    read();
    // A font that arrives late changes every height: measure again.
    const refonted = () => {
      planner.forget();
      setFonts((n) => n + 1);
    };
    document.fonts?.addEventListener('loadingdone', refonted);
    onCleanup(() => {
      observer.disconnect();
      document.fonts?.removeEventListener('loadingdone', refonted);
    });
  });

  // The same post-it object as before while nothing about it changed (each view is a new object).
  let known = new Map<string, WallPostItData>();
  const postIts = createMemo(() => {
    const next = new Map<string, WallPostItData>();
    const list = props.board.postIts.map((p) => {
      const old = known.get(p.id);
      const same =
        old &&
        old.text === p.text &&
        old.weight === p.weight &&
        old.highlighted === p.highlighted &&
        old.columnId === p.columnId &&
        old.clusterId === p.clusterId;
      const kept = same ? old : p;
      next.set(p.id, kept);
      return kept;
    });
    known = next;
    return list;
  });
  const grouped = createMemo(() => wallGroups(props.card, { ...props.board, postIts: postIts() }));

  const plan = createMemo(() => {
    fonts();
    const a = size();
    if (!a || a.width < 50 || a.height < 50) return null;
    const { mode, groups } = grouped();
    return planner.plan(mode, groups, a);
  });

  const pageCount = () => plan()?.pages.length ?? 1;
  const pager = createPager(pageCount);
  createEffect(on(() => props.card.id, () => pager.reset(), { defer: true }));
  const page = () => plan()?.pages[pager.current()] ?? [];
  const total = () => postIts().length;

  return (
    <div class="wall" data-pages={pageCount()} data-page={pager.current() + 1}>
      <div class="wall__area" ref={area}>
        <div class="wall__measure" ref={measureBox} aria-hidden="true" />
        <Show when={plan()}>
          {(p) => (
            <div
              class={`wall__page wall__page--${p().mode}`}
              style={{
                '--wall-gap': `${p().gaps.item}px`,
                '--wall-lane-gap': `${p().gaps.lane}px`,
                '--wall-title-gap': `${p().gaps.title}px`,
                '--wall-group-gap': `${p().gaps.group}px`,
                '--wall-column-gap': `${p().gaps.column}px`,
              }}
            >
              <Index each={page()}>
                {(column) => (
                  <div class="wall__column" style={{ width: `${p().columnWidth}px` }}>
                    <Show when={column().title}>
                      {(title) => (
                        <div class="wall__header" style={{ 'min-height': `${p().headerHeight}px`, 'font-size': `${p().titlePx}px` }}>
                          <WallTitle title={title()} count={column().count} colour={column().colour} />
                        </div>
                      )}
                    </Show>
                    <div class="wall__lanes">
                      <Index each={column().lanes}>
                        {(lane) => (
                          <div class="wall__lane" style={{ width: `${p().laneWidth}px` }}>
                            <Index each={lane()}>
                              {(segment) => <Segment segment={segment()} fontPx={p().fontPx} titlePx={p().titlePx} />}
                            </Index>
                          </div>
                        )}
                      </Index>
                    </div>
                  </div>
                )}
              </Index>
            </div>
          )}
        </Show>
      </div>

      <div class="wall__bar">
        <p class="wall__total">
          {total()} {total() === 1 ? 'post-it' : 'post-its'}
        </p>
        <WaitingNote waiting={props.board.waiting} />
        <div class="wall__pager">
          <Show when={pager.paging()}>
            <button type="button" class="wall__button" onClick={() => pager.previous()}>
              <span aria-hidden="true">‹</span>
              <span class="sr-only">Vorige pagina</span>
            </button>
            <p class="wall__page-number">
              Pagina {pager.current() + 1} van {pageCount()}
              <Show when={pager.paused()}>
                <span class="wall__paused"> · gepauzeerd</span>
              </Show>
            </p>
            <button type="button" class="wall__button" aria-pressed={pager.paused()} onClick={() => pager.togglePause()}>
              <span aria-hidden="true">{pager.paused() ? '▶' : '❚❚'}</span>
              <span class="sr-only">Pauzeer het bladeren</span>
            </button>
            <button type="button" class="wall__button" onClick={() => pager.next()}>
              <span aria-hidden="true">›</span>
              <span class="sr-only">Volgende pagina</span>
            </button>
          </Show>
        </div>
      </div>
    </div>
  );
}

/** One group's stretch in a lane: its title (a cluster's, inside the lane) and its post-its. */
function Segment(props: { segment: WallSegment; fontPx: number; titlePx: number }) {
  return (
    <div class="wall__segment">
      <Show when={props.segment.title}>
        {(title) => (
          <div class="wall__header" style={{ 'min-height': `${props.segment.titleHeight}px`, 'font-size': `${props.titlePx}px` }}>
            <WallTitle title={title()} count={props.segment.count} colour={props.segment.colour} continued={props.segment.continued} />
          </div>
        )}
      </Show>
      <ul class="wall__list" style={{ 'font-size': `${props.fontPx}px` }}>
        <For each={props.segment.items}>{(item) => <WallPostIt item={item} />}</For>
      </ul>
    </div>
  );
}

/** "3 post-its wachten": moderation is visible on the beamer, never silent. */
export function WaitingNote(props: { waiting: number }) {
  return (
    <Show when={props.waiting > 0}>
      <p class="beamer__waiting wall__waiting">
        {props.waiting} {props.waiting === 1 ? 'post-it wacht' : 'post-its wachten'}
      </p>
    </Show>
  );
}
