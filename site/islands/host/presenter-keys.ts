// A presenter clicker (or the keyboard) changes cards: PageDown / → / space for the next card,
// PageUp / ← for the previous one, R to show the vote's result, ? for the list of keys. Keys typed
// into a field, or that a focused control uses itself (space on a button, arrows in a radio group
// or a menu), are left alone.

const OWN_KEYS = 'input, textarea, select, [contenteditable], [role="slider"], [role="radiogroup"], [role="menu"], [role="listbox"], dialog[open]';

export type Step = 'next' | 'previous' | 'reveal' | 'help';

/** What a key does in the console, or null when it is not ours to take. */
export function presenterStep(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'target'>): Step | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const target = typeof Element !== 'undefined' && event.target instanceof Element ? event.target : null;
  if (target?.closest(OWN_KEYS)) return null;
  // Most keyboards need Shift for "?"; every other key is ours only without a modifier.
  if (event.key === '?') return 'help';
  if (event.shiftKey) return null;
  const onControl = !!target?.closest('button, a, summary, [tabindex]:not(main)');
  switch (event.key) {
    case 'PageDown':
      return 'next';
    case 'PageUp':
      return 'previous';
    // Arrows and space only when no control has focus: on a button, space presses it.
    case 'ArrowRight':
    case ' ':
      return onControl ? null : 'next';
    case 'ArrowLeft':
      return onControl ? null : 'previous';
    case 'r':
    case 'R':
      return 'reveal';
    default:
      return null;
  }
}
