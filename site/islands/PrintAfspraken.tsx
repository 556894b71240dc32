// The poster "Onze afspraken": one A4 page with the group's name, the date and the afspraken it
// adopted, in large type for the classroom wall. Fetched with the host key, like the report.
import '../styles/afspraken.css';
import { createResource, Show, type JSX } from 'solid-js';
import { AfsprakenList } from '../components/afspraken/AfsprakenList.tsx';
import { loadResults } from './PrintResults.tsx';

export default function PrintAfspraken(): JSX.Element {
  const code = decodeURIComponent(window.location.hash.slice(1)).toUpperCase();
  const [results] = createResource(() => code, loadResults);
  const date = (iso: string) => new Date(iso).toLocaleDateString('nl-NL', { dateStyle: 'long' });

  return (
    <Show when={!results.error} fallback={<p role="alert">{(results.error as Error)?.message}</p>}>
      <Show when={results()} fallback={<p>De afspraken worden geladen…</p>}>
        {(r) => (
          <>
            <p class="print-actions">
              <button type="button" class="button" onClick={() => window.print()}>
                Afdrukken
              </button>
            </p>
            <article class="poster" aria-labelledby="poster-titel">
              <h1 id="poster-titel" class="poster__title">
                Onze afspraken
              </h1>
              <p class="poster__meta">
                <Show when={r().groupName}>
                  <strong class="poster__group">{r().groupName}</strong>
                  <span aria-hidden="true"> · </span>
                </Show>
                <span class="poster__date">{date(r().endedAt ?? r().startedAt)}</span>
              </p>
              <Show
                when={r().afspraken.length}
                fallback={<p>Er zijn (nog) geen afspraken aangenomen. Neem ze aan op de kaart ‘Onze afspraken’.</p>}
              >
                <p class="poster__lead">Wij spreken af dat …</p>
                <AfsprakenList afspraken={r().afspraken} class="poster__list" />
              </Show>
              <p class="poster__foot">Samen gemaakt met Kring</p>
            </article>
          </>
        )}
      </Show>
    </Show>
  );
}
