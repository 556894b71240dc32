// Turns the wall's pages by itself, and lets the host hold or turn a page (buttons, arrow keys, or a
// presenter's clicker, which sends PageUp/PageDown). A new view never restarts the clock or moves
// the page; only a new page count below the current page pulls it back.
import { createEffect, createMemo, createSignal, onCleanup, untrack, type Accessor } from 'solid-js';
import { isBeamerKey } from './beamer-keys.ts';

export const PAGE_MS = 12_000;

export function createPager(pageCount: Accessor<number>, intervalMs = PAGE_MS) {
  const [page, setPage] = createSignal(0);
  const [paused, setPaused] = createSignal(false);
  const current = createMemo(() => Math.min(page(), Math.max(0, pageCount() - 1)));
  const paging = createMemo(() => pageCount() > 1);

  const go = (delta: number) => {
    const count = untrack(pageCount);
    if (count > 1) setPage((untrack(current) + delta + count) % count);
  };

  // Restarts only when the page, the pause or "is there more than one page" changes.
  createEffect(() => {
    current();
    if (!paging() || paused()) return;
    const timer = setTimeout(() => go(1), intervalMs);
    onCleanup(() => clearTimeout(timer));
  });

  const onKey = (event: KeyboardEvent) => {
    if (!isBeamerKey(event) || !untrack(paging)) return;
    if (event.key === 'ArrowRight' || event.key === 'PageDown') go(1);
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp') go(-1);
    else if (event.key === 'p' || event.key === 'P') setPaused((p) => !p);
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));

  return {
    current,
    paging,
    paused,
    next: () => go(1),
    previous: () => go(-1),
    togglePause: () => setPaused((p) => !p),
    reset: () => setPage(0),
  };
}
