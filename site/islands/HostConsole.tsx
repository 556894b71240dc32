// The host's console: which session (code from the address), the host key this browser keeps for
// it, and the live controls. Everything shown comes from the host view; every action is a command.
import { Match, Show, Switch, createSignal, onCleanup } from 'solid-js';
import type { ConnectRefusal } from '@protocol';
import { normaliseJoinCode } from '@protocol/constants';
import { createHostStore } from '../stores/screens.ts';
import { adoptHostLink, hostKeysFor } from '../lib/local-keys.ts';
import { useStore } from '../lib/use-store.ts';
import { HostScreen } from './host/HostScreen.tsx';
import { createPrivacyScreen, PrivacyProvider } from './host/privacy-screen.tsx';

const REFUSALS: Partial<Record<ConnectRefusal, string>> = {
  'unknown-room': 'Deze sessie bestaat niet (meer). Misschien is hij al verwijderd.',
  forbidden: 'De sleutel in deze browser past niet bij deze sessie.',
  outdated: 'Kring is bijgewerkt. Ververs de pagina.',
};

export default function HostConsole() {
  // Another code typed into the address: start over with that session's key.
  const reload = () => window.location.reload();
  window.addEventListener('hashchange', reload);
  onCleanup(() => window.removeEventListener('hashchange', reload));
  const code = codeFromAddress();
  const keys = code ? hostKeysFor(code) : null;

  return (
    <Switch>
      <Match when={!code}>
        <h1>Geen sessie gekozen</h1>
        <p>In het adres staat geen code van een sessie. Start een sessie vanaf een kaartset.</p>
        <BackToDecks />
      </Match>
      <Match when={!keys}>
        <h1>Geen toegang tot sessie {code}</h1>
        <p>
          Deze browser heeft geen sleutel van de gespreksleider voor code <strong>{code}</strong>. Die sleutel staat alleen in de browser
          waarin de sessie is gestart.
        </p>
        <p>Open deze pagina in die browser, of start een nieuwe sessie.</p>
        <BackToDecks />
      </Match>
      <Match when={code && keys ? { code, keys } : null}>
        {(session) => <Connected code={session().code} hostKey={session().keys.hostKey} beamerKey={session().keys.beamerKey} />}
      </Match>
    </Switch>
  );
}

function Connected(props: { code: string; hostKey: string; beamerKey: string }) {
  const store = createHostStore(props.code, props.hostKey);
  onCleanup(() => store.close());
  const view = useStore(store, (s) => s.view);
  const status = useStore(store, (s) => s.status);
  const refusal = useStore(store, (s) => s.refusal);
  const [deleted, setDeleted] = createSignal(false);
  const privacy = createPrivacyScreen(props.code);
  const onDeleted = () => {
    store.close();
    setDeleted(true);
  };

  return (
    <Show
      when={!deleted()}
      fallback={
        <div role="status">
          <h1>De sessie is verwijderd</h1>
          <p>Er is niets meer van bewaard, ook de uitslagen niet.</p>
          <p>
            <a class="button" href="/">
              Naar de kaartsets
            </a>
          </p>
        </div>
      }
    >
      <Show
        when={status() !== 'refused'}
        fallback={
          <div class="notice notice--error" role="alert">
            <p>{REFUSALS[refusal() ?? 'invalid'] ?? 'Verbinden met deze sessie lukt niet.'}</p>
            <Show when={refusal() === 'outdated'}>
              <button class="button" type="button" onClick={() => window.location.reload()}>
                Ververs de pagina
              </button>
            </Show>
          </div>
        }
      >
        <Show
          when={view()}
          fallback={
            <p role="status">
              {refusal() === 'busy'
                ? 'Het is even druk op de server. Kring probeert het zo vanzelf opnieuw.'
                : `Verbinden met sessie ${props.code}…`}
            </p>
          }
        >
          {(v) => (
            <PrivacyProvider value={privacy}>
              <HostScreen
                store={store}
                view={v()}
                code={props.code}
                hostKey={props.hostKey}
                beamerKey={props.beamerKey}
                onDeleted={onDeleted}
              />
            </PrivacyProvider>
          )}
        </Show>
      </Show>
    </Show>
  );
}

/**
 * The session code in the address. A link for a second device also carries the keys: they are
 * remembered like a console that started the session, and the address is cut back to the code so
 * the key does not stay in the address bar, on screen or in the browser's history.
 */
function codeFromAddress(): string | null {
  const fragment = window.location.hash.slice(1);
  if (!fragment.includes('=')) return normaliseJoinCode(decodeURIComponent(fragment));
  const adopted = adoptHostLink(fragment);
  const code = adopted ?? normaliseJoinCode(new URLSearchParams(fragment).get('code') ?? '');
  history.replaceState(history.state, '', `${window.location.pathname}${code ? `#${code}` : ''}`);
  return code;
}

function BackToDecks() {
  return (
    <p>
      <a class="button" href="/">
        Naar de kaartsets
      </a>
    </p>
  );
}
