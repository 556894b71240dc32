// What every printable page of a session shares: the results fetched with this browser's host key,
// a plain error when that fails, and a print button that does not print itself.
import { createResource, Show, type JSX } from 'solid-js';
import type { ResultsExport } from '@protocol';
import { loadResults } from './PrintResults.tsx';

export function PrintFrame(props: { loading: string; children: (results: ResultsExport) => JSX.Element }): JSX.Element {
  const code = decodeURIComponent(window.location.hash.slice(1)).toUpperCase();
  const [results] = createResource(() => code, loadResults);
  return (
    <Show when={!results.error} fallback={<p role="alert">{(results.error as Error)?.message}</p>}>
      <Show when={results()} fallback={<p>{props.loading}</p>}>
        {(r) => (
          <>
            <p class="print-actions">
              <button type="button" class="button" onClick={() => window.print()}>
                Afdrukken
              </button>
            </p>
            {props.children(r())}
          </>
        )}
      </Show>
    </Show>
  );
}

/** A session's date as the printouts say it: "29 november 2026". */
export const printedDate = (iso: string) => new Date(iso).toLocaleDateString('nl-NL', { dateStyle: 'long' });
