// How people join: the code, the link, the beamer link (which carries only the beamer key), how
// many phones joined against the number the host expected, moving the beamer's join panel to a corner
// once everyone is in, and closing the session to new phones.
import { Show } from 'solid-js';
import type { HostView } from '@protocol';
import type { ConnectionStatus as Status } from '../../stores/session-store.ts';
import { ConnectionStatus } from '../../components/ConnectionStatus.tsx';
import { JoinCodeText } from '../../components/JoinCodeText.tsx';
import { createJoinOrigin, isLocalPage } from '../../lib/join-origin.ts';
import type { Send } from './HostScreen.tsx';

export function JoinPanel(props: { view: HostView; code: string; beamerKey: string; status: Status; send: Send }) {
  const inNow = () => props.view.present ?? props.view.joined;
  const join = createJoinOrigin();
  const joinLink = () => `${join.origin()}/j/${props.code}`;
  const beamerLink = () => `/beamer/#code=${encodeURIComponent(props.code)}&key=${encodeURIComponent(props.beamerKey)}`;
  const live = () => props.view.status === 'live';
  return (
    <section class="panel host-join" aria-labelledby="meedoen-titel">
      <h2 id="meedoen-titel">Meedoen</h2>
      <p class="host-join__code">
        <span class="muted">Code</span>
        <JoinCodeText code={props.code} />
      </p>
      <p>
        <a class="host-join__link" href={joinLink()}>
          {joinLink().replace(/^https?:\/\//, '')}
        </a>
      </p>
      <Show when={isLocalPage()}>
        <p class="muted">
          {join.fromNetwork()
            ? 'Je opent Kring op deze laptop zelf. Telefoons gebruiken het adres hierboven; ze moeten op hetzelfde wifi-netwerk zitten.'
            : 'Je opent Kring op deze laptop zelf (localhost). Telefoons kunnen dat adres niet openen: zie in de README “In de klas”.'}
        </p>
      </Show>
      <p>
        <a class="button" href={beamerLink()} target="_blank" rel="noopener">
          Open beamer<span class="sr-only"> (nieuw tabblad)</span>
        </a>
      </p>
      <p class="host-join__count" classList={{ 'host-join__count--more': props.view.moreThanExpected }}>
        <strong>{inNow()}</strong> {inNow() === 1 ? 'telefoon doet' : 'telefoons doen'} mee
        <Show when={props.view.joined > inNow()}>
          <span class="muted"> ({props.view.joined} deden mee in deze sessie)</span>
        </Show>
        <Show when={props.view.expectedGroupSize !== null}>
          <span class="host-join__expected">
            <span class="sr-only">, </span>je verwachtte {props.view.expectedGroupSize}
          </span>
        </Show>
      </p>
      <Show when={props.view.moreThanExpected}>
        <p class="host-join__more">Meer telefoons dan verwacht. Lees de waarschuwing bij de uitslag.</p>
      </Show>
      <ConnectionStatus status={props.status} />

      <Show when={live()}>
        {/* Once the class is in, the beamer gives the card the room; the code stays in a corner. */}
        <div class="host-lock">
          <button
            type="button"
            class="button button--secondary"
            aria-describedby="beamer-code-uitleg"
            onClick={() => void props.send({ type: 'join.panel', open: !props.view.joinPanelOpen })}
          >
            {props.view.joinPanelOpen ? 'Iedereen is binnen' : 'Laat de code weer groot zien'}
          </button>
          <p class="field__hint" id="beamer-code-uitleg">
            {props.view.joinPanelOpen
              ? 'De beamer zet de code dan klein in een hoek. Meedoen kan nog steeds.'
              : 'De code staat klein in een hoek van de beamer. Meedoen kan nog steeds.'}
          </p>
        </div>
      </Show>

      <Show when={live()}>
        <div class="host-lock" classList={{ 'host-lock--locked': props.view.locked }}>
          <p class="host-lock__state">
            {props.view.locked ? 'Gesloten: nieuwe telefoons kunnen niet meer meedoen.' : 'Open: nieuwe telefoons kunnen meedoen.'}
          </p>
          <button
            type="button"
            class="button button--secondary"
            aria-describedby="slot-uitleg"
            onClick={() => void props.send({ type: 'room.lock', locked: !props.view.locked })}
          >
            {props.view.locked ? 'Zet weer open' : 'Sluit voor nieuwe deelnemers'}
          </button>
          <p class="field__hint" id="slot-uitleg">
            Telefoons die al meedoen, kunnen altijd terugkomen.
          </p>
        </div>
      </Show>
    </section>
  );
}
