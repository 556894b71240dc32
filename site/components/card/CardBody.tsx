// A card's content as text: pictogram, title, summary, examples, points and its activities. Used
// statically on the deck page and live in the host and phone screens, so every screen reads alike.
import { ColumnChips } from './ColumnChips.tsx';
import { For, Show, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { Card } from '@protocol';
import { scaleInWords, scaleOptions } from '@protocol/scales';
import { Pictogram } from './Pictogram.tsx';
import { CARD_KIND_LABEL } from './labels.ts';

export function CardBody(props: {
  card: Card;
  /** Heading level of the card title, so the card fits the page's outline. */
  level: 1 | 2 | 3;
  /** Show the vote question and board prompt here (off where a panel shows them next to its buttons). */
  activities?: boolean;
  /** Show the talk questions (the phone keeps them, the deck page too). */
  talk?: boolean;
  headingId?: string;
  /** Show the pictogram, title and summary (off where a page shows them itself, e.g. in a fold's summary). */
  head?: boolean;
  /** Show a waar/niet waar card's answer and explanation (static pages only: live screens show it after the reveal). */
  answer?: boolean;
}) {
  const activities = () => props.activities ?? true;
  const talk = () => props.talk ?? true;
  return (
    <div class="card-body">
      <Show when={props.head ?? true}>
        <CardHead card={props.card} level={props.level} headingId={props.headingId} />
      </Show>

      <Show when={props.card.subItems?.length}>
        <div class="card__section">
          <p class="card__label">Bijvoorbeeld:</p>
          <ul>
            <For each={props.card.subItems}>{(item) => <li>{item}</li>}</For>
          </ul>
        </div>
      </Show>

      <Show when={props.card.step}>{(step) => <StepInfo step={step()} />}</Show>

      <Show when={props.card.points?.length}>
        <div class="card__section">
          <ul>
            <For each={props.card.points}>{(point) => <li>{point}</li>}</For>
          </ul>
        </div>
      </Show>

      <Show when={activities() && props.card.vote}>
        {(vote) => (
          <div class="card__section">
            <p class="card__label">
              {vote().overloop ? 'Kies een kant' : 'Stemvraag'} ({scaleInWords(vote())}):
            </p>
            <p class="vote-question">{vote().question}</p>
            <Show when={typeof vote().scale === 'object'}>
              <ul class="scale-options">
                <For each={scaleOptions(vote())}>
                  {(o) => (
                    <li>
                      <strong>{o.label}</strong>
                      {o.text ? ` – ${o.text}` : ''}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={props.answer && vote().answer ? vote() : undefined}>
              {(v) => <VoteAnswer answer={v().answer!} explanation={v().explanation} />}
            </Show>
          </div>
        )}
      </Show>

      <Show when={activities() && props.card.board}>
        {(board) => (
          <div class="card__section">
            <p class="card__label">Post-its:</p>
            <p class="vote-question">{board().prompt}</p>
            <ColumnChips columns={board().columns} class="columns-preview" />
          </div>
        )}
      </Show>

      <Show when={talk() && props.card.talk}>{(t) => <TalkQuestions questions={t().questions} />}</Show>
    </div>
  );
}

export function CardHead(props: {
  card: Card;
  level: 1 | 2 | 3;
  headingId?: string;
  /** The pictogram when the card names none (e.g. its theme's). */
  pictogram?: string;
  /** Shown under the summary, e.g. the card's theme and audience. */
  children?: JSX.Element;
}) {
  return (
    <div class="card__head">
      <Pictogram name={props.card.pictogram ?? props.pictogram} />
      <div>
        <span class="card__kind">{CARD_KIND_LABEL[props.card.kind]}</span>
        <Dynamic component={`h${props.level}`} id={props.headingId} tabindex={props.headingId ? -1 : undefined}>
          {props.card.title}
        </Dynamic>
        <p class="card__summary">{props.card.summary}</p>
        {props.children}
      </div>
    </div>
  );
}

/** The true answer of a waar/niet waar card, folded so a host can project the page without giving it away. */
export function VoteAnswer(props: { answer: 'waar' | 'niet-waar'; explanation?: string }) {
  return (
    <details class="card__answer">
      <summary>Antwoord en uitleg</summary>
      <p>
        <strong>{props.answer === 'waar' ? 'Waar.' : 'Niet waar.'}</strong> {props.explanation}
      </p>
    </details>
  );
}

export function TalkQuestions(props: { questions: string[] }) {
  return (
    <div class="card__section">
      <p class="card__label">Praat erover:</p>
      <ul class="talk-questions">
        <For each={props.questions}>{(q) => <li>{q}</li>}</For>
      </ul>
    </div>
  );
}

const ROLE_LABEL = { gespreksleider: 'Gespreksleider', inbrenger: 'Inbrenger', tijdbewaker: 'Tijdbewaker' } as const;

/** A method step: what the group does, about how long, and who does what. */
export function StepInfo(props: { step: NonNullable<Card['step']> }) {
  return (
    <div class="card__section step-info">
      <p class="card__label">Wat we doen (ongeveer {props.step.minutes} minuten):</p>
      <p>{props.step.does}</p>
      <Show when={props.step.roles?.length}>
        <ul class="step-info__roles">
          <For each={props.step.roles}>
            {(r) => (
              <li>
                <strong>{ROLE_LABEL[r.role]}:</strong> {r.task}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
