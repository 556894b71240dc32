// The poster "Onze afspraken": one A4 page with the group's name, the date and the afspraken it
// adopted, in large type for the classroom wall.
import '../styles/afspraken.css';
import { Show, type JSX } from 'solid-js';
import { AfsprakenList } from '../components/afspraken/AfsprakenList.tsx';
import { PrintFrame, printedDate } from './PrintFrame.tsx';

export default function PrintAfspraken(): JSX.Element {
  return (
    <PrintFrame loading="De afspraken worden geladen…">
      {(r) => (
        <article class="poster" aria-labelledby="poster-titel">
          <h1 id="poster-titel" class="poster__title">
            Onze afspraken
          </h1>
          <p class="poster__meta">
            <Show when={r.groupName}>
              <strong class="poster__group">{r.groupName}</strong>
              <span aria-hidden="true"> · </span>
            </Show>
            <span class="poster__date">{printedDate(r.endedAt ?? r.startedAt)}</span>
          </p>
          <Show when={r.afspraken.length} fallback={<p>Er zijn (nog) geen afspraken aangenomen. Neem ze aan op de kaart ‘Onze afspraken’.</p>}>
            <p class="poster__lead">Wij spreken af dat …</p>
            <AfsprakenList afspraken={r.afspraken} class="poster__list" />
          </Show>
          <p class="poster__foot">Samen gemaakt met Kring</p>
        </article>
      )}
    </PrintFrame>
  );
}
