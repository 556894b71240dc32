// How people join: the code, the link, and the beamer link (which carries only the beamer key).
import type { HostView } from '@protocol';
import type { ConnectionStatus as Status } from '../../stores/session-store.ts';
import { ConnectionStatus } from '../../components/ConnectionStatus.tsx';
import { JoinCodeText } from '../../components/JoinCodeText.tsx';

export function JoinPanel(props: { view: HostView; code: string; beamerKey: string; status: Status }) {
  const joinLink = () => `${window.location.origin}/j/${props.code}`;
  const beamerLink = () => `/beamer/#code=${encodeURIComponent(props.code)}&key=${encodeURIComponent(props.beamerKey)}`;
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
      <p>
        <a class="button" href={beamerLink()} target="_blank" rel="noopener">
          Open beamer<span class="sr-only"> (nieuw tabblad)</span>
        </a>
      </p>
      <p class="host-join__count">
        <strong>{props.view.joined}</strong> doen mee
      </p>
      <ConnectionStatus status={props.status} />
    </section>
  );
}
