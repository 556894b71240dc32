// A revealed vote as labelled bars, one per option of the card's scale. The numbers come from the
// view; the percentage is only formatting (share of `answered`), never a second count.
import { For, Show } from 'solid-js';
import type { Card, VoteResult } from '@protocol';
import { scaleOptions } from '@protocol/scales';

type Shown = Extract<VoteResult, { state: 'shown' }>;

/** What the beamer says when no option has a clear majority. */
export const SPLIT_TEXT = 'We denken hier verschillend over.';

export function percentOf(count: number, answered: number): number {
  return answered > 0 ? Math.round((count / answered) * 100) : 0;
}

export function VoteBars(props: { card: Card; result: Shown; class?: string }) {
  const options = () => scaleOptions(props.card.vote);
  return (
    <div class={`vote-result ${props.class ?? ''}`}>
      <ul class="bars" aria-label={`Uitslag van ${props.result.answered} antwoorden`} role="list">
        <For each={options()}>
          {(option, i) => {
            const count = () => props.result.counts[option.id] ?? 0;
            const pct = () => percentOf(count(), props.result.answered);
            return (
              <li class={`bar bar--${i() + 1}`} data-option={option.id}>
                <span class="bar__label">{option.label}</span>
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
      <Show when={props.result.split}>
        <p class="vote-result__split">{SPLIT_TEXT}</p>
      </Show>
      <p class="vote-result__passes">
        {props.result.answered} {props.result.answered === 1 ? 'antwoord' : 'antwoorden'} · {props.result.passes} keer overgeslagen
      </p>
    </div>
  );
}

/** A waar / niet waar card's answer and why. Phones and beamer get it in the card only after the reveal. */
export function VoteExplanation(props: { card: Card; heading?: string }) {
  const vote = () => props.card.vote;
  return (
    <Show when={vote()?.explanation}>
      <div class="vote-explanation">
        <p class="card__label">{props.heading ?? 'Uitleg'}</p>
        <Show when={vote()?.answer}>
          <p>
            <strong>Dit is {vote()!.answer === 'waar' ? 'waar' : 'niet waar'}.</strong>
          </p>
        </Show>
        <p>{vote()!.explanation}</p>
      </div>
    </Show>
  );
}
