// A card with a content notice: the phone shows the notice first, and the person chooses to read
// on ("Verder") or to skip this card ("Sla over"): then the phone shows no content, vote or board for
// it, just where to find help. Nothing is sent: nobody learns who skipped.
import { Match, Switch, createSignal, type JSX } from 'solid-js';
import type { Card } from '@protocol';
import { requestHelp } from '../help/help-context.ts';

type Choice = 'verder' | 'overgeslagen';

export function ContentNotice(props: { card: Card; children: JSX.Element }) {
  // Per card id: coming back to a card keeps what the person chose for it.
  const [choices, setChoices] = createSignal<Record<string, Choice>>({});
  const choice = () => (props.card.notice ? choices()[props.card.id] : 'verder');
  let area: HTMLDivElement | undefined;
  const choose = (value: Choice) => {
    setChoices((all) => ({ ...all, [props.card.id]: value }));
    // Focus moves to what now shows, so a screen reader reads on from there.
    queueMicrotask(() => area?.querySelector<HTMLElement>('h1')?.focus());
  };
  return (
    <div ref={area} class="content-notice-area">
      <Switch>
        <Match when={choice() === 'verder'}>{props.children}</Match>
        <Match when={choice() === 'overgeslagen'}>
          <section class="content-notice" aria-labelledby="notice-titel">
            <h1 id="notice-titel" tabindex="-1">
              Je slaat deze kaart over
            </h1>
            <p>Je hoeft niets te doen. Bij de volgende kaart kun je weer meedoen, als je wilt.</p>
            <div class="button-row">
              <HelpButton />
              <button type="button" class="button button--secondary" onClick={() => choose('verder')}>
                Toch bekijken
              </button>
            </div>
          </section>
        </Match>
        <Match when={!choice()}>
          <section class="content-notice" aria-labelledby="notice-titel">
            <h1 id="notice-titel" tabindex="-1">
              Let op
            </h1>
            <p class="content-notice__text">{props.card.notice}</p>
            <p>Je mag deze kaart overslaan. Kring stuurt niets door als je dat doet.</p>
            <div class="button-row">
              <button type="button" class="button" onClick={() => choose('verder')}>
                Verder
              </button>
              <button type="button" class="button button--secondary" onClick={() => choose('overgeslagen')}>
                Sla over
              </button>
            </div>
            <p><HelpButton /></p>
          </section>
        </Match>
      </Switch>
    </div>
  );
}

/** Opens the page's help dialog, which lists this card's own help lines first. */
function HelpButton() {
  return (
    <button type="button" class="button button--secondary" onClick={requestHelp}>
      Hulp nodig?
    </button>
  );
}
