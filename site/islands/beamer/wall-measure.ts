// Measures post-its and titles by rendering them, with the same components and styles, into a hidden
// box inside the wall. Heights are cached per width and font size, so a new batch only measures the
// post-its that are new; everything is appended first and read after, so the browser lays out once.
import { createRoot, type JSX } from 'solid-js';

export interface MeasureRequest {
  key: string;
  width: number;
  /** The font size of the box the element sits in, in px. */
  fontPx: number;
  /** Wraps the element the way the wall does (e.g. an <li> inside a <ul>). */
  render: () => JSX.Element;
}

export function createMeasurer(host: () => HTMLElement | undefined) {
  const cache = new Map<string, number>();
  const keyOf = (r: MeasureRequest) => `${r.fontPx.toFixed(2)}|${r.width.toFixed(2)}|${r.key}`;

  function measure(requests: MeasureRequest[]): number[] {
    const box = host();
    // Keep the cache from growing without end over a long session.
    if (cache.size > 20_000) cache.clear();
    const missing = requests.filter((r) => !cache.has(keyOf(r)));
    if (box && missing.length) {
      const disposers: (() => void)[] = [];
      const frames: { request: MeasureRequest; frame: HTMLElement }[] = [];
      for (const request of missing) {
        const frame = document.createElement('div');
        frame.className = 'wall__measure-frame';
        frame.style.width = `${request.width}px`;
        frame.style.fontSize = `${request.fontPx}px`;
        createRoot((dispose) => {
          disposers.push(dispose);
          const node = request.render();
          if (node instanceof Node) frame.append(node);
        });
        box.append(frame);
        frames.push({ request, frame });
      }
      for (const { request, frame } of frames) {
        const element = frame.firstElementChild;
        // The element that carries the content is the frame's deepest first child (li in ul).
        const target = element?.firstElementChild && element.tagName === 'UL' ? element.firstElementChild : element;
        cache.set(keyOf(request), target ? target.getBoundingClientRect().height : 0);
      }
      for (const dispose of disposers) dispose();
      box.replaceChildren();
    }
    return requests.map((r) => cache.get(keyOf(r)) ?? 0);
  }

  return { measure, clear: () => cache.clear() };
}
