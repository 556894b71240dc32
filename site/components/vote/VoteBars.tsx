// A revealed vote as three labelled bars. The numbers come from the view; the percentage is only
// formatting (share of `answered`), never a second count.
import { For } from 'solid-js';
import type { VoteResult } from '@protocol';

type Shown = Extract<VoteResult, { state: 'shown' }>;

const ROWS = [
  { answer: 'nooit', label: 'Nooit' },
  { answer: 'soms', label: 'Soms' },
  { answer: 'vaak', label: 'Vaak' },
] as const;

export function percentOf(count: number, answered: number): number {
  return answered > 0 ? Math.round((count / answered) * 100) : 0;
}

export function VoteBars(props: { result: Shown; class?: string }) {
  return (
    <div class={`vote-result ${props.class ?? ''}`}>
      <ul class="bars" aria-label={`Uitslag van ${props.result.answered} antwoorden`} role="list">
        <For each={ROWS}>
          {(row) => {
            const count = () => props.result.counts[row.answer];
            const pct = () => percentOf(count(), props.result.answered);
            return (
              <li class={`bar bar--${row.answer}`}>
                <span class="bar__label">{row.label}</span>
                {/* The fill is drawn against a track of 100%; the words beside it carry the meaning. */}
                <span class="bar__track" aria-hidden="true">
                  <span class="bar__fill" style={{ width: `${pct()}%` }} />
                </span>
                <span class="bar__value">
                  {count()} <span class="bar__pct">({pct()}%)</span>
                </span>
              </li>
            );
          }}
        </For>
      </ul>
      <p class="vote-result__passes">
        {props.result.answered} {props.result.answered === 1 ? 'antwoord' : 'antwoorden'} · {props.result.passes} keer overgeslagen
      </p>
    </div>
  );
}
