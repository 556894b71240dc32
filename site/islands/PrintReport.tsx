// The one-page report of a team meeting: date, method, the dilemma, conclusions and agreed actions.
// Never the case itself and nothing about who said what. Fetched with the host key, like the results.
import { createResource, Show, type JSX } from 'solid-js';
import { MeetingRecord } from '../components/meeting/MeetingRecord.tsx';
import { loadResults } from './PrintResults.tsx';

export default function PrintReport(): JSX.Element {
  const code = decodeURIComponent(window.location.hash.slice(1)).toUpperCase();
  const [results] = createResource(() => code, loadResults);
  const date = (iso: string) => new Date(iso).toLocaleDateString('nl-NL', { dateStyle: 'long' });

  return (
    <Show when={!results.error} fallback={<p role="alert">{(results.error as Error)?.message}</p>}>
      <Show when={results()} fallback={<p>Het verslag wordt geladen…</p>}>
        {(r) => (
          <>
            <p class="print-actions">
              <button type="button" class="button" onClick={() => window.print()}>
                Afdrukken
              </button>
            </p>
            <article class="report" aria-labelledby="verslag-kop">
              <h1 id="verslag-kop">Verslag</h1>
              <dl class="report__facts">
                <dt>Datum</dt>
                <dd>{date(r().endedAt ?? r().startedAt)}</dd>
                <dt>Werkwijze</dt>
                <dd>{r().deck}</dd>
                <Show when={r().groupName}>
                  <dt>Groep</dt>
                  <dd>{r().groupName}</dd>
                </Show>
              </dl>
              <Show when={r().meeting} fallback={<p>Er is (nog) niets opgeschreven: geen dilemma, conclusies of acties.</p>}>
                {(record) => <MeetingRecord record={record()} />}
              </Show>
              <p class="report__foot">Zonder namen: acties staan op naam van een rol. De casus zelf staat niet in dit verslag.</p>
            </article>
          </>
        )}
      </Show>
    </Show>
  );
}
