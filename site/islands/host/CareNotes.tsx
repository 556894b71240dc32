// For the host, beside the current card: the deck's notes on handling it with care, and the
// content notice phones and beamer show before the card. Only the host view carries the notes.
import { Show } from 'solid-js';
import type { Card } from '@protocol';
import { NOTICE_SECONDS } from '../../components/care/BeamerNotice.tsx';

export function CareNotes(props: { card: Card }) {
  return (
    <Show when={props.card.hostNotes || props.card.notice}>
      <section class="panel care-notes" aria-labelledby="zorg-titel">
        <h2 id="zorg-titel">Voor jou als gespreksleider</h2>
        <Show when={props.card.notice}>
          {(notice) => (
            <div class="care-notes__notice">
              <p>
                <strong>Deelnemers zien eerst deze waarschuwing:</strong> {notice()}
              </p>
              <p class="muted">
                Op hun telefoon kunnen ze de kaart overslaan. De beamer toont de kaart na {NOTICE_SECONDS} seconden, of eerder als je op
                de beamer op ‘Toon de kaart’ klikt.
              </p>
            </div>
          )}
        </Show>
        <Show when={props.card.hostNotes}>{(notes) => <p class="care-notes__text">{notes()}</p>}</Show>
      </section>
    </Show>
  );
}
