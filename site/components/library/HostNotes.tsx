// A card's notes for the host on the deck page and its print: how to handle it with care, and the
// notice participants see first. Never on a phone, the beamer or a printed card the group reads.
import { For, Show } from 'solid-js';
import type { Card } from '@protocol';

export function HostNotes(props: { card: Card }) {
  return (
    <Show when={props.card.hostNotes || props.card.notice}>
      <aside class="host-notes" aria-label={`Voor de gespreksleider: ${props.card.title}`}>
        <p class="host-notes__title">Voor de gespreksleider</p>
        <Show when={props.card.notice}>
          <p>
            <strong>Deelnemers zien eerst:</strong> {props.card.notice} Op hun telefoon kunnen ze de kaart overslaan.
          </p>
        </Show>
        <Show when={props.card.hostNotes}>{(notes) => <p class="host-notes__text">{notes()}</p>}</Show>
      </aside>
    </Show>
  );
}

/** The print page's last sheet: the host's notes of every printed card, kept apart from the cards the group handles. */
export function HostNotesSheet(props: { cards: { card: Card; number: number }[] }) {
  const withNotes = () => props.cards.filter(({ card }) => card.hostNotes || card.notice);
  return (
    <Show when={withNotes().length}>
      <section class="host-notes-sheet" aria-labelledby="notities-titel">
        <h2 id="notities-titel">Voor de gespreksleider</h2>
        <p>Dit vel is voor jou. Deel het niet uit.</p>
        <For each={withNotes()}>
          {({ card, number }) => (
            <article class="host-notes-sheet__card">
              <h3>
                Kaart {number}: {card.title}
              </h3>
              <Show when={card.notice}>
                <p>
                  <strong>Deelnemers zien eerst:</strong> {card.notice}
                </p>
              </Show>
              <Show when={card.hostNotes}>{(notes) => <p class="host-notes__text">{notes()}</p>}</Show>
            </article>
          )}
        </For>
      </section>
    </Show>
  );
}
