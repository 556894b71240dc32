// The projector screen. It reads the room code and the beamer key from the address (the host's
// "Open beamer" link) and shows only what the beamer view holds.
import { Match, Show, Switch, createSignal, onCleanup } from 'solid-js';
import { SECRET_KEY_PATTERN, normaliseJoinCode } from '@protocol/constants';
import { createBeamerStore } from '../stores/screens.ts';
import { useStore } from '../lib/use-store.ts';
import { BeamerScreen } from './beamer/BeamerScreen.tsx';
import { createBeamerKeys } from './beamer/beamer-keys.ts';

export default function Beamer() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const code = normaliseJoinCode(params.get('code') ?? '');
  const key = params.get('key') ?? '';
  return (
    <Show
      when={code && SECRET_KEY_PATTERN.test(key) ? { code, key } : null}
      fallback={
        <div class="beamer-message">
          <h1>Geen sessie</h1>
          <p>Open de beamer met de knop ‘Open beamer’ in het scherm van de gespreksleider.</p>
        </div>
      }
    >
      {(session) => <Connected code={session().code} beamerKey={session().key} />}
    </Show>
  );
}

function Connected(props: { code: string; beamerKey: string }) {
  const store = createBeamerStore(props.code, props.beamerKey);
  onCleanup(() => store.close());
  const view = useStore(store, (s) => s.view);
  const status = useStore(store, (s) => s.status);
  const refusal = useStore(store, (s) => s.refusal);
  const clockOffset = useStore(store, (s) => s.clockOffset);
  // F and ? work on every screen of the session; the help itself lives in the join panel.
  const [help, setHelp] = createSignal(false);
  const toggleHelp = () => setHelp((open) => !open);
  createBeamerKeys({ toggleHelp, closeHelp: () => setHelp(false) });
  return (
    <Switch>
      <Match when={status() === 'refused'}>
        <div class="beamer-message" role="alert">
          <h1>Geen verbinding</h1>
          <p>
            {refusal() === 'outdated'
              ? 'Kring is bijgewerkt. Ververs de pagina.'
              : refusal() === 'unknown-room'
                ? 'Deze sessie bestaat niet (meer).'
                : 'Deze beamer kan niet bij de sessie. Open hem opnieuw vanuit het scherm van de gespreksleider.'}
          </p>
        </div>
      </Match>
      <Match when={view()}>{(v) => <BeamerScreen view={v()} offline={status() === 'offline'} clockOffset={clockOffset()} help={help} toggleHelp={toggleHelp} />}</Match>
      <Match when={true}>
        <div class="beamer-message" role="status">
          <p>{refusal() === 'busy' ? 'Het is even druk. De beamer probeert het zo vanzelf opnieuw.' : 'Verbinden…'}</p>
        </div>
      </Match>
    </Switch>
  );
}
