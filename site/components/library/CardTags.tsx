// A card's theme (a chip in the theme's post-it colour, with its name, so colour is never the only
// cue) and who it is written for. Shared by the library, the deck page and the printed cards.
import { For, Show } from 'solid-js';
import type { DeckTheme } from '@protocol';
import { AUDIENCE_LABEL, type Audience } from './deck-view.ts';

export function ThemeChip(props: { theme: Pick<DeckTheme, 'title' | 'colour'> }) {
  return (
    <span class="theme-chip" data-colour={props.theme.colour}>
      <span class="sr-only">Thema: </span>
      {props.theme.title}
    </span>
  );
}

export function CardTags(props: { theme?: DeckTheme | undefined; audience?: Audience[] | undefined }) {
  return (
    <p class="card-tags">
      <Show when={props.theme}>{(theme) => <ThemeChip theme={theme()} />}</Show>
      <Show when={props.audience?.length}>
        <span class="audience-tags">
          <span class="sr-only">Voor: </span>
          <For each={props.audience}>{(a) => <span class="audience-tag">{AUDIENCE_LABEL[a]}</span>}</For>
        </span>
      </Show>
    </p>
  );
}
