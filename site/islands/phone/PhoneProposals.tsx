// Afspraken on a phone: the proposals the beamer shows, each with one button to support it (or take
// the support back). The phone sees only its own support; the server keeps one per phone.
import { For, Show } from 'solid-js';
import type { Card, ParticipantView } from '@protocol';
import type { PhoneStore } from './phone-store.ts';
import { useStore } from '../../lib/use-store.ts';
import afsprakenCss from '../../styles/afspraken.css?inline';
import { addStyle } from './lazy-style.ts';

addStyle(afsprakenCss);

type Proposals = NonNullable<NonNullable<ParticipantView['board']>['proposals']>;

export function PhoneProposals(props: { store: PhoneStore; card: Card; proposals: Proposals; open: boolean }) {
  const pending = useStore(props.store, (s) => s.pending);
  /** A support on its way counts as given, so the button answers at once. */
  const supported = (id: string, fromServer: boolean) => {
    const mine = pending().filter((c) => c.type === 'postIt.support' && c.postItId === id);
    const last = mine[mine.length - 1];
    return last?.type === 'postIt.support' ? last.support : fromServer;
  };
  const sending = (id: string) => pending().some((c) => c.type === 'postIt.support' && c.postItId === id);

  return (
    <section class="proposals" aria-labelledby="voorstellen-titel">
      <h2 id="voorstellen-titel">Voorstellen</h2>
      <p class="muted">
        Steun de afspraken die jij wilt dragen. Niemand ziet wat jij steunt, alleen hoeveel mensen een voorstel steunen.
      </p>
      <Show when={props.proposals.length} fallback={<p class="muted">Er staan nog geen voorstellen op het scherm.</p>}>
        <ul class="proposals__list">
          <For each={props.proposals}>
            {(proposal) => {
              const on = () => supported(proposal.id, proposal.supportedByMe);
              return (
                <li class="proposal" classList={{ 'proposal--adopted': proposal.adopted }}>
                  <p class="proposal__text" dir="auto">
                    {proposal.text}
                  </p>
                  <Show when={proposal.adopted}>
                    <p class="proposal__adopted">Aangenomen als afspraak ✓</p>
                  </Show>
                  <button
                    type="button"
                    class="button proposal__support"
                    classList={{ 'button--secondary': !on() }}
                    aria-pressed={on()}
                    disabled={!props.open}
                    onClick={() => void props.store.send({ type: 'postIt.support', cardId: props.card.id, postItId: proposal.id, support: !on() })}
                  >
                    <span aria-hidden="true">{on() ? '✓ ' : ''}</span>
                    Ik steun dit
                  </button>
                  <span class="sr-only" role="status">
                    {sending(proposal.id) ? 'Wordt verstuurd…' : ''}
                  </span>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}
