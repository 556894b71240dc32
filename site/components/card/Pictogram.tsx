// A card's pictogram: decoration next to the title, so hidden from screen readers.
import { Show } from 'solid-js';
import { pictogramSvg } from './pictograms.ts';

export function Pictogram(props: { name: string | undefined; class?: string }) {
  const svg = () => pictogramSvg(props.name);
  return <Show when={svg()}>{(markup) => <span class={`pictogram ${props.class ?? ''}`} aria-hidden="true" innerHTML={markup()} />}</Show>;
}
