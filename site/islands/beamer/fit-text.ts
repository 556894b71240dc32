// Lowers the card's type scale until everything on it fits the screen, so text is made smaller
// before anything is cut or scrolled. The card's font size is `--fit` times the beamer's size
// (beamer.css); 1 is the size the back row reads best, and most cards keep it. Runs before paint,
// on every new view and whenever the screen changes size.
import { onCleanup, onMount } from 'solid-js';

/** Below this the text gets too small for a classroom; a card that still does not fit scrolls. */
export const MIN_FIT = 0.55;

const fits = (box: HTMLElement) => box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1;

/** The largest scale (to 0.01) at which `box` shows all of its content; sets it on `box`. */
export function fitBox(box: HTMLElement): number {
  const set = (fit: number) => box.style.setProperty('--fit', String(fit));
  set(1);
  if (fits(box)) return 1;
  set(MIN_FIT);
  if (!fits(box)) return MIN_FIT;
  // Binary search in hundredths: about seven layouts, all before the frame is painted.
  let low = Math.round(MIN_FIT * 100);
  let high = 100;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    set(mid / 100);
    if (fits(box)) low = mid;
    else high = mid;
  }
  set(low / 100);
  return low / 100;
}

/**
 * Keeps `box()` fitted: call the returned `schedule` after each new view; screen resizes and the
 * fonts arriving schedule it by themselves. `enabled()` false leaves the scale at 1 (the wall sizes
 * itself in pixels).
 */
export function createFit(box: () => HTMLElement | undefined, enabled: () => boolean): () => void {
  let frame = 0;
  const refit = () => {
    const el = box();
    if (!el) return;
    if (!enabled()) {
      el.style.removeProperty('--fit');
      delete el.dataset.fit;
      return;
    }
    el.dataset.fit = String(fitBox(el));
  };
  const schedule = () => {
    cancelAnimationFrame(frame);
    // The next frame comes after the DOM has the new view, and before it is painted.
    frame = requestAnimationFrame(refit);
  };
  onMount(() => {
    // A resize is fitted at once: the observer runs after layout and before that frame is painted.
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      refit();
    });
    observer.observe(document.documentElement);
    void document.fonts?.ready.then(schedule);
    onCleanup(() => observer.disconnect());
  });
  onCleanup(() => cancelAnimationFrame(frame));
  return schedule;
}
