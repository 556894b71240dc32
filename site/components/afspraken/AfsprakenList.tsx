// The adopted afspraken as one numbered list: on the beamer at the end, in the host console and on
// the printed poster. Text is rendered as text (a proposal was a participant's post-it).
import '../../styles/afspraken.css';
import { For, Show } from 'solid-js';
import type { Afspraak } from '@protocol';

export function supportsText(supports: number): string {
  return supports === 1 ? '1 steunt dit' : `${supports} steunen dit`;
}

export function AfsprakenList(props: { afspraken: Afspraak[]; class?: string; showSupports?: boolean }) {
  return (
    <ol class={`afspraken-list ${props.class ?? ''}`}>
      <For each={props.afspraken}>
        {(afspraak) => (
          <li dir="auto">
            <span class="afspraken-list__text">{afspraak.text}</span>
            <Show when={props.showSupports}>
              <span class="afspraken-list__supports"> ({supportsText(afspraak.supports)})</span>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}
