// The participant's phone: join with a code (typed, or from a /j/<code> link), then follow the
// session. No name, no account. "Hulp nodig?" is on every screen and never sends anything.
// Light first (issue 11): this island holds only the join form and the help; the session (its
// socket and the card) is a chunk of its own, fetched at once for a join link and as soon as
// someone starts typing a code.
import { Show, Suspense, createSignal, lazy, onMount } from 'solid-js';
import type { ConnectRefusal } from '@protocol';
import { normaliseJoinCode } from '@protocol/constants';
import { HelpDialog, preloadHelp } from '../components/help/HelpDialog.tsx';
import { UNKNOWN_HELP, type HelpContext } from '../components/help/help-context.ts';
import { serverUrl } from '../lib/server-url.ts';
import { JoinForm } from './phone/JoinForm.tsx';

const PhoneSession = lazy(() => import('./phone/PhoneSession.tsx').then((m) => ({ default: m.PhoneSession })));
// A join link: fetch the session together with this island instead of after it ran.
if (typeof window !== 'undefined' && /^\/j\/|[?&]code=/.test(window.location.pathname + window.location.search)) void PhoneSession.preload();

const REFUSALS: Record<ConnectRefusal, string> = {
  'unknown-room': 'Deze code kennen we niet. Kijk nog eens op het scherm.',
  outdated: 'Kring is bijgewerkt. Ververs de pagina.',
  full: 'Deze sessie is vol.',
  // Not final: the phone waits and tries again by itself (session-store.ts); shown only as a fallback.
  busy: 'Het is nu erg druk. Wacht even en probeer het opnieuw.',
  locked: 'Deze sessie is gesloten voor nieuwe deelnemers. Wil je toch meedoen? Vraag de gespreksleider om de sessie even open te zetten.',
  invalid: 'Meedoen lukt niet met deze code. Kijk nog eens op het scherm.',
  forbidden: 'Meedoen lukt niet met deze code. Kijk nog eens op het scherm.',
};

/** The help's contents come this long after the page started: after what a first vote needs, even
 *  on a slow school network, so they do not compete with it (issue 11). Help opened sooner fetches at once. */
const HELP_AFTER_MS = 3000;

/** `draft`: what was typed in the join form before this script ran (phone/mount.tsx). */
export default function Phone(props: { draft?: string }) {
  const [code, setCode] = createSignal<string | null>(null);
  const [typed, setTyped] = createSignal('');
  const [refusal, setRefusal] = createSignal<ConnectRefusal | null>(null);
  const [help, setHelp] = createSignal<HelpContext>(UNKNOWN_HELP);

  const join = (joinCode: string) => {
    setRefusal(null);
    setCode(joinCode);
    // Keep the code in the address so a reload rejoins with the same token. Only where this
    // server also serves /j/<code> (a site hosted elsewhere has no such route).
    if (serverUrl() === window.location.origin) {
      if (window.location.pathname !== `/j/${joinCode}`) history.replaceState(null, '', `/j/${joinCode}`);
    } else if (window.location.search) {
      history.replaceState(null, '', window.location.pathname);
    }
  };

  onMount(() => {
    // The help's contents (components/help/help-lines.ts), once the first card is usually there.
    setTimeout(preloadHelp, HELP_AFTER_MS);
    // A join link (/j/<code>), or the form sent before this script arrived (/join/?code=…).
    const fromLink = /^\/j\/([^/]+)\/?$/.exec(window.location.pathname)?.[1];
    const fromForm = new URLSearchParams(window.location.search).get('code');
    const raw = fromLink ? decodeURIComponent(fromLink) : fromForm;
    if (!raw) return;
    const parsed = normaliseJoinCode(raw);
    if (parsed) join(parsed);
    else setTyped(raw); // a broken link: show it in the form so the person sees what is wrong
  });

  const refused = (reason: ConnectRefusal) => {
    setTyped(code() ?? '');
    setCode(null);
    setHelp(UNKNOWN_HELP);
    setRefusal(reason);
  };

  return (
    <div class="phone">
      <header class="phone-header">
        <span class="phone-header__brand">Kring</span>
        <HelpDialog help={help()} />
      </header>
      <Show
        when={code()}
        keyed
        fallback={
          <>
            <Show when={refusal()}>
              {(reason) => (
                <div class="notice notice--error" role="alert">
                  <p>{REFUSALS[reason()]}</p>
                  <Show when={reason() === 'outdated'}>
                    <button type="button" class="button" onClick={() => window.location.reload()}>
                      Ververs de pagina
                    </button>
                  </Show>
                </div>
              )}
            </Show>
            <JoinForm initial={typed()} draft={props.draft} onJoin={join} onStart={() => void PhoneSession.preload()} />
          </>
        }
      >
        {(joined) => (
          <Suspense fallback={<p role="status">Even verbinden…</p>}>
            <PhoneSession code={joined} onRefused={refused} onHelp={setHelp} />
          </Suspense>
        )}
      </Show>
    </div>
  );
}
