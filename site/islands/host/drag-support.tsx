// What solid-dnd leaves to its user, for a board taller than the screen: the drop zone is the one
// under the pointer, zones are re-measured when the page scrolls mid-drag, and holding a post-it
// near the top or bottom edge scrolls the page, so a far-away group can be reached.
import { createEffect, on, onCleanup } from 'solid-js';
import { useDragDropContext, type CollisionDetector } from '@thisbeyond/solid-dnd';

export type DragState = NonNullable<ReturnType<typeof useDragDropContext>>[0];

/** How close to the window's edge (px) the pointer must be, and for how long (ms), to scroll. */
const EDGE = 70;
const DWELL_MS = 200;

/**
 * The zone under the pointer: where a person expects the post-it to land. (solid-dnd's own detectors
 * use the dragged copy, which ends up beside the pointer if the page scrolled before the drag began.)
 */
export function zoneUnderPointer(drag: () => DragState | undefined): CollisionDetector {
  return (draggable, droppables) => {
    const { x, y } = drag()?.active.sensor?.coordinates.current ?? draggable.transformed.center;
    return droppables.find((d) => x >= d.layout.left && x <= d.layout.right && y >= d.layout.top && y <= d.layout.bottom) ?? null;
  };
}

/** Lives inside the DragDropProvider; hands its state to the detector and keeps zones measured. */
export function DragWatcher(props: { share: (state: DragState) => void }) {
  const [state, { recomputeLayouts, detectCollisions }] = useDragDropContext()!;
  props.share(state);
  createEffect(
    on(
      () => state.active.draggableId !== null,
      (dragging) => {
        if (!dragging) return;
        const remeasure = () => {
          recomputeLayouts();
          detectCollisions();
        };
        window.addEventListener('scroll', remeasure, { capture: true, passive: true });

        // Edge scrolling reads the pointer position solid-dnd already tracks; it starts after a short
        // dwell so a drag that only passes the edge does not move the page.
        let nearEdgeSince: number | null = null;
        let frame = requestAnimationFrame(function step(now) {
          const y = state.active.sensor?.coordinates.current.y;
          const height = window.innerHeight;
          const push = y === undefined ? 0 : y < EDGE ? y - EDGE : y > height - EDGE ? y - (height - EDGE) : 0;
          if (!push) nearEdgeSince = null;
          else if (nearEdgeSince === null) nearEdgeSince = now;
          else if (now - nearEdgeSince > DWELL_MS) window.scrollBy(0, Math.round(push / 3));
          frame = requestAnimationFrame(step);
        });

        onCleanup(() => {
          cancelAnimationFrame(frame);
          window.removeEventListener('scroll', remeasure, { capture: true });
        });
      },
    ),
  );
  return null;
}
