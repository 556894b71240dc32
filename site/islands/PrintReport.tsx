// The one-page report of a team meeting: date, method, the dilemma, conclusions and agreed actions.
// Never the case itself and nothing about who said what.
import { Show, type JSX } from 'solid-js';
import { MeetingRecord } from '../components/meeting/MeetingRecord.tsx';
import { PrintFrame, printedDate } from './PrintFrame.tsx';

export default function PrintReport(): JSX.Element {
  return (
    <PrintFrame loading="Het verslag wordt geladen…">
      {(r) => (
        <article class="report" aria-labelledby="verslag-kop">
          <h1 id="verslag-kop">Verslag</h1>
          <dl class="report__facts">
            <dt>Datum</dt>
            <dd>{printedDate(r.endedAt ?? r.startedAt)}</dd>
            <dt>Werkwijze</dt>
            <dd>{r.deck}</dd>
            <Show when={r.groupName}>
              <dt>Groep</dt>
              <dd>{r.groupName}</dd>
            </Show>
          </dl>
          <Show when={r.meeting} fallback={<p>Er is (nog) niets opgeschreven: geen dilemma, conclusies of acties.</p>}>
            {(record) => <MeetingRecord record={record()} />}
          </Show>
          <p class="report__foot">Zonder namen: acties staan op naam van een rol. De casus zelf staat niet in dit verslag.</p>
        </article>
      )}
    </PrintFrame>
  );
}
