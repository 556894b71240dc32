// Shown beside "Toon resultaat" and "Toon op beamer" when more phones joined than the host
// expected: the server decides that (moreThanExpected); this only says what it may mean.
import { Show } from 'solid-js';
import type { HostView } from '@protocol';

export function ExtraPhonesWarning(props: { view: Pick<HostView, 'joined' | 'expectedGroupSize' | 'moreThanExpected' | 'locked'> }) {
  return (
    <Show when={props.view.moreThanExpected}>
      <div class="notice notice--warn extra-phones">
        <p>
          <strong>
            Er doen meer telefoons mee ({props.view.joined}) dan je verwachtte ({props.view.expectedGroupSize}).
          </strong>{' '}
          Misschien doet iemand mee met meer dan één telefoon. Dan gaat een uitslag over minder echte mensen dan het lijkt.
        </p>
        <Show when={!props.view.locked}>
          <p>Is iedereen binnen? Sluit de sessie dan voor nieuwe deelnemers (bij ‘Meedoen’).</p>
        </Show>
      </div>
    </Show>
  );
}
