// One card as printed on paper (A6, four to an A4 sheet) for a lesson without phones: the theme's
// colour band with pictogram, the situation, the answers to choose from (with boxes to tick), the
// questions, and for waar/niet waar the answer upside down at the bottom, for the one who reads it out.
import { For, Show } from 'solid-js';
import type { Card, DeckTheme } from '@protocol';
import { scaleInWords, scaleOptions } from '@protocol/scales';
import { Pictogram } from '../card/Pictogram.tsx';
import { CARD_KIND_LABEL } from '../card/labels.ts';
import { printSize } from './print-fit.ts';

export function PrintCard(props: { card: Card; number: number; of: number; theme?: DeckTheme | undefined }) {
  const vote = () => props.card.vote;
  const options = () => scaleOptions(vote());
  const withText = () => options().some((o) => o.text);
  return (
    <article
      class="print-card"
      data-colour={props.theme?.colour ?? 'grijs'}
      style={{ '--card-pt': `${printSize(props.card)}pt` }}
      aria-labelledby={`print-${props.card.id}`}
    >
      <header class="print-card__band">
        <Pictogram name={props.card.pictogram ?? props.theme?.pictogram} class="print-card__pictogram" />
        <p class="print-card__theme">
          <Show when={props.theme} fallback={CARD_KIND_LABEL[props.card.kind]}>
            {(theme) => (
              <>
                {theme().title}
                <span class="print-card__kind">
                  <span class="sr-only">, </span>
                  {CARD_KIND_LABEL[props.card.kind]}
                </span>
              </>
            )}
          </Show>
        </p>
        <p class="print-card__number">
          <span class="sr-only">Kaart </span>
          {props.number}
          <span class="print-card__of">/{props.of}</span>
        </p>
      </header>
      <div class="print-card__body">
        <h2 id={`print-${props.card.id}`}>{props.card.title}</h2>
        <p>{props.card.summary}</p>
        <Show when={props.card.subItems?.length}>
          <p class="print-card__label">Bijvoorbeeld:</p>
          <ul>
            <For each={props.card.subItems}>{(item) => <li>{item}</li>}</For>
          </ul>
        </Show>
        <Show when={props.card.points?.length}>
          <ul>
            <For each={props.card.points}>{(point) => <li>{point}</li>}</For>
          </ul>
        </Show>
        <Show when={vote()}>
          {(v) => (
            <div class="print-card__vote">
              <p class="print-card__label">
                {v().overloop ? 'Kies een kant' : 'Stem'} ({scaleInWords(v())}):
              </p>
              <p class="print-card__question">{v().question}</p>
              <ul class={withText() ? 'print-card__options' : 'print-card__options print-card__options--inline'}>
                <For each={options()}>
                  {(o) => (
                    <li>
                      <span class="print-card__box" aria-hidden="true" />
                      <span>
                        <strong>{o.label}</strong>
                        {o.text ? ` – ${o.text}` : ''}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          )}
        </Show>
        <Show when={props.card.board}>
          {(board) => (
            <>
              <p class="print-card__label">Schrijf op een post-it:</p>
              <p>{board().prompt}</p>
            </>
          )}
        </Show>
        <Show when={props.card.talk}>
          {(talk) => (
            <>
              <p class="print-card__label">Praat erover:</p>
              <ul>
                <For each={talk().questions}>{(q) => <li>{q}</li>}</For>
              </ul>
            </>
          )}
        </Show>
      </div>
      <Show when={vote()?.answer ? vote() : undefined}>
        {(v) => (
          <footer class="print-card__answer">
            <strong>Antwoord: {v().answer === 'waar' ? 'waar' : 'niet waar'}.</strong> {v().explanation}
          </footer>
        )}
      </Show>
    </article>
  );
}
