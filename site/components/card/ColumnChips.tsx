// A board's columns as coloured labels, so people see where their post-it can go.
import { For, Show, type JSX } from 'solid-js';
import type { BoardActivity } from '@protocol';

/** Renders nothing for a board without columns (a free wall). */
export function ColumnChips(props: {
  columns: BoardActivity['columns'];
  class: string;
  label?: string;
}): JSX.Element {
  return (
    <Show when={props.columns?.length}>
      <ul class={props.class} aria-label={props.label}>
        <For each={props.columns}>
          {(column) => (
            <li class="postit" data-colour={column.colour}>
              {column.label}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
