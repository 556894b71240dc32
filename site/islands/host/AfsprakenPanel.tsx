// The host's afspraken: every proposal on the wall with how many support it, a button to adopt it
// (or drop it again), and the adopted list as the beamer shows it at the end. Merging near-duplicates
// happens on the board above ("Samenvoegen"); supports follow.
import '../../styles/afspraken.css';
import { For, Show } from 'solid-js';
import type { Card, HostView } from '@protocol';
import { AfsprakenList, supportsText } from '../../components/afspraken/AfsprakenList.tsx';
import type { Send } from './HostScreen.tsx';

export function AfsprakenPanel(props: { card: Card; board: NonNullable<HostView['board']>; view: HostView; send: Send }) {
  const proposals = () =>
    props.board.postIts
      .filter((p) => p.status === 'approved')
      .slice()
      .sort((a, b) => (b.supports ?? 0) - (a.supports ?? 0) || a.text.localeCompare(b.text, 'nl'));
  const adopt = (postItId: string, adopted: boolean) => void props.send({ type: 'postIt.adopt', cardId: props.card.id, postItId, adopted });

  return (
    <section class="panel" aria-labelledby="afspraken-titel">
      <h2 id="afspraken-titel">Afspraken maken</h2>
      <p>
        Iedereen kan op de telefoon voorstellen steunen, zodra de voorstellen op de beamer staan. Lijken twee voorstellen op elkaar?
        Voeg ze hierboven samen: de steun gaat mee. Neem de afspraken aan die de groep wil dragen.
      </p>
      <Show when={proposals().length} fallback={<p class="muted">Nog geen goedgekeurde voorstellen.</p>}>
        <ul class="afspraken-host">
          <For each={proposals()}>
            {(p) => (
              <li class="afspraken-host__item" classList={{ 'afspraken-host__item--adopted': !!p.adopted }}>
                <span class="afspraken-host__text" dir="auto">
                  {p.text}
                </span>
                <span class="afspraken-host__supports">{supportsText(p.supports ?? 0)}</span>
                <button
                  type="button"
                  class="button"
                  classList={{ 'button--secondary': !!p.adopted }}
                  aria-pressed={!!p.adopted}
                  onClick={() => adopt(p.id, !p.adopted)}
                >
                  {p.adopted ? 'Aangenomen ✓ (ongedaan maken)' : 'Neem aan als afspraak'}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>Onze afspraken</h3>
      <Show
        when={props.view.afspraken.length}
        fallback={<p class="muted">Nog geen afspraken aangenomen. Ze komen pas op de beamer als genoeg mensen een voorstel schreven.</p>}
      >
        <AfsprakenList afspraken={props.view.afspraken} showSupports />
        <p>
          <a class="button button--secondary" href={`/print/afspraken/#${props.view.code}`} target="_blank" rel="noopener">
            Poster ‘Onze afspraken’ afdrukken
          </a>
        </p>
      </Show>
    </section>
  );
}
