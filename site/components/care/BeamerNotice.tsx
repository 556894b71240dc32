// A card with a content notice on the beamer: the notice fills the card's place first, so the room
// hears what is coming before it sees it, and anyone may skip on their phone. The card follows after
// NOTICE_SECONDS, or at once when the host clicks "Toon de kaart" (the beamer is the host's second
// tab); while the card shows, the notice stays as a line above it.
import { Show, createEffect, createSignal, on, onCleanup, type JSX } from 'solid-js';
import type { Card } from '@protocol';

export const NOTICE_SECONDS = 15;

export function BeamerNotice(props: { card: Card; children: JSX.Element }) {
  // The card id whose notice time is over; a new card with a notice starts its own.
  const [doneFor, setDoneFor] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      () => props.card.id,
      (id) => {
        clearTimeout(timer);
        if (props.card.notice) timer = setTimeout(() => setDoneFor(id), NOTICE_SECONDS * 1000);
      },
    ),
  );
  onCleanup(() => clearTimeout(timer));
  const noticeFirst = () => !!props.card.notice && doneFor() !== props.card.id;
  return (
    <Show
      when={noticeFirst()}
      fallback={
        <>
          <Show when={props.card.notice}>
            <p class="beamer-notice__line">
              <strong>Let op:</strong> {props.card.notice} Je mag overslaan op je telefoon.
            </p>
          </Show>
          {props.children}
        </>
      }
    >
      <div class="beamer-notice" role="note">
        <h1 id="beamer-titel">Let op</h1>
        <p class="beamer-notice__text">{props.card.notice}</p>
        <p>
          Wil je deze kaart niet doen? Kies <strong>Sla over</strong> op je telefoon. De gespreksleider ziet niet wie dat doet.
        </p>
        <p>Hulp nodig? Kijk op je telefoon onder ‘Hulp nodig?’.</p>
        <button type="button" class="button" onClick={() => setDoneFor(props.card.id)}>
          Toon de kaart
        </button>
      </div>
    </Show>
  );
}
