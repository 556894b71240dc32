// The tiny adapter between a zustand vanilla store and Solid: a signal that follows a selection.
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { StoreApi } from 'zustand/vanilla';

export function useStore<S, T>(store: StoreApi<S>, select: (state: S) => T): Accessor<T> {
  const [value, setValue] = createSignal<T>(select(store.getState()), { equals: Object.is });
  const unsubscribe = store.subscribe((state) => setValue(() => select(state)));
  onCleanup(unsubscribe);
  return value;
}
