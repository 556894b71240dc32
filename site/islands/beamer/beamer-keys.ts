// The beamer's own keys: F for full screen and ? for the key help. The wall's paging keys live in
// wall-pager.ts. A key typed into a form field, or with Ctrl, Alt or Cmd, is never taken.
import { onCleanup } from 'solid-js';

/** Whether a key event belongs to something the user types into (never a beamer shortcut). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || !!target.closest('input, textarea, select, [contenteditable]');
}

/** Whether a key event is free for the beamer: no modifier (Shift is part of "?"), not in a field. */
export const isBeamerKey = (event: KeyboardEvent) =>
  !event.defaultPrevented && !event.altKey && !event.ctrlKey && !event.metaKey && !isTypingTarget(event.target);

/** Full screen on, or off again; a browser that refuses (no user gesture, a kiosk) leaves it as it was. */
export function toggleFullscreen() {
  const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen?.();
  void request?.catch(() => undefined);
}

export function createBeamerKeys(actions: { toggleHelp: () => void; closeHelp: () => void }) {
  const onKey = (event: KeyboardEvent) => {
    if (!isBeamerKey(event)) return;
    if (event.key === 'f' || event.key === 'F') toggleFullscreen();
    else if (event.key === '?') actions.toggleHelp();
    else if (event.key === 'Escape') actions.closeHelp();
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));
}
