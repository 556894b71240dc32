// A team meeting's record as text: the dilemma, conclusions, agreed actions and shared action
// points. The beamer shows it at the end, the report prints it. Never the case, never a name.
import { For, Show } from 'solid-js';
import type { ResultsExport } from '@protocol';
import '../../styles/meeting.css';

export type Record = NonNullable<ResultsExport['meeting']>;

export function MeetingRecord(props: { record: Record; headingLevel?: 2 | 3 }) {
  const H = (p: { children: string }) => (props.headingLevel === 3 ? <h3>{p.children}</h3> : <h2>{p.children}</h2>);
  return (
    <div class="meeting-record">
      <Show when={props.record.dilemma}>
        <H>Het dilemma</H>
        <p class="meeting-record__dilemma" dir="auto">
          {props.record.dilemma}
        </p>
      </Show>
      <Show when={props.record.conclusions.length}>
        <H>Conclusies</H>
        <ul>
          <For each={props.record.conclusions}>{(c) => <li dir="auto">{c}</li>}</For>
        </ul>
      </Show>
      <Show when={props.record.actions.length}>
        <H>Afgesproken acties</H>
        <table class="meeting-record__actions">
          <thead>
            <tr>
              <th scope="col">Wat</th>
              <th scope="col">Wie</th>
              <th scope="col">Wanneer</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.record.actions}>
              {(a) => (
                <tr>
                  <td dir="auto">{a.what}</td>
                  <td dir="auto">{a.who}</td>
                  <td dir="auto">{a.when}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={props.record.sharedActions.length}>
        <H>Wat we meenemen</H>
        <ul>
          <For each={props.record.sharedActions}>{(a) => <li dir="auto">{a}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}
