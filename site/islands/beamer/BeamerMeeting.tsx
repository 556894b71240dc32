// A team meeting on the beamer: what this step asks of the group, the case (on the steps that show
// it), the dilemma once written down, and the conclusions and actions on the steps that record them.
import { Show } from 'solid-js';
import type { BeamerView, Card } from '@protocol';
import { MeetingRecord, type Record } from '../../components/meeting/MeetingRecord.tsx';
import '../../styles/meeting.css';

type Meeting = BeamerView['meeting'];

export const recordOf = (m: Meeting): Record => ({
  dilemma: m.dilemma,
  conclusions: m.conclusions.map((c) => c.text),
  actions: m.actions.map(({ what, who, when }) => ({ what, who, when })),
  sharedActions: m.sharedActions,
});
export const hasRecord = (m: Meeting) => !!(m.dilemma || m.conclusions.length || m.actions.length || m.sharedActions.length);

export function BeamerMeeting(props: { card: Card; meeting: Meeting }) {
  const records = () => props.card.step?.records ?? [];
  return (
    <Show when={props.card.step}>
      {(step) => (
        <div class="beamer-step">
          <p class="beamer__note">
            <strong>Wat we doen:</strong> {step().does} <span class="muted">(ongeveer {step().minutes} minuten)</span>
          </p>
          <Show when={props.meeting.case}>
            <div class="beamer-case">
              <p class="beamer__label">De casus</p>
              <p class="beamer-case__text" dir="auto">
                {props.meeting.case}
              </p>
            </div>
          </Show>
          <Show when={props.meeting.dilemma && !records().includes('dilemma') && step().case}>
            <p class="beamer__note">
              <strong>Het dilemma:</strong> {props.meeting.dilemma}
            </p>
          </Show>
          <Show when={records().length}>
            <MeetingRecord
              record={{
                ...recordOf(props.meeting),
                dilemma: records().includes('dilemma') ? props.meeting.dilemma : null,
                conclusions: records().includes('conclusions') ? recordOf(props.meeting).conclusions : [],
                actions: records().includes('actions') ? recordOf(props.meeting).actions : [],
              }}
              headingLevel={3}
            />
          </Show>
        </div>
      )}
    </Show>
  );
}
