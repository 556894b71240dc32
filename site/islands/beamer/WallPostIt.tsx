// One post-it on the beamer's wall and one group title, used both on screen and in the hidden
// measuring box, so what is measured is exactly what is shown. Text is always rendered as text.
import { Show } from 'solid-js';
import type { WallPostIt as WallPostItData } from '@protocol';

export interface WallItem {
  postIt: WallPostItData;
  colour: string;
  /** Below 1 only for a post-it too tall for a page at the wall's size (e.g. 280 wide emoji). */
  scale: number;
  /** Line breaks shown as spaces: only for a post-it of very many short lines that fits no page. */
  flat: boolean;
}

export function WallPostIt(props: { item: WallItem }) {
  const postIt = () => props.item.postIt;
  return (
    <li
      class="wallpost postit"
      data-colour={props.item.colour}
      classList={{ 'wallpost--highlighted': postIt().highlighted, 'wallpost--flat': props.item.flat }}
      style={props.item.scale < 1 ? { 'font-size': `${props.item.scale}em` } : undefined}
      dir="auto"
    >
      <Show when={postIt().highlighted}>
        <span class="wallpost__star" aria-hidden="true">
          ★
        </span>
        <span class="sr-only">Uitgelicht: </span>
      </Show>
      <span class="wallpost__text">{postIt().text}</span>
      <Show when={postIt().weight > 1}>
        {' '}
        <span class="wallpost__weight" dir="ltr">
          <span aria-hidden="true">{postIt().weight}×</span>
          <span class="sr-only">({postIt().weight} keer geschreven)</span>
        </span>
      </Show>
    </li>
  );
}

/** A cluster's name or a column's label with how many post-its it holds: "Pesten · 12". */
export function WallTitle(props: { title: string; count: number; colour: string; continued?: boolean }) {
  return (
    <h2 class="walltitle">
      <span class="walltitle__swatch postit" data-colour={props.colour} aria-hidden="true" />
      <span class="walltitle__name" dir="auto">
        {props.title}
      </span>
      <span class="walltitle__count">
        <span aria-hidden="true"> · </span>
        <span class="sr-only">, </span>
        {props.count}
        <span class="sr-only"> post-its</span>
      </span>
      <Show when={props.continued}>
        <span class="walltitle__more"> (vervolg)</span>
      </Show>
    </h2>
  );
}
