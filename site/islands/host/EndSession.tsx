// Ending a session (after a confirmation, because every phone then shows the closing screen), and
// what the host can do afterwards: download the results, or delete the session at once.
import { Show, createSignal } from 'solid-js';
import { forgetHostKeys } from '../../lib/local-keys.ts';
import { deleteRoom, downloadResults } from './results-files.ts';
import { PrintLink } from './PrintLink.tsx';
import type { Send } from './HostScreen.tsx';

export function EndSession(props: { send: Send }) {
  const [confirming, setConfirming] = createSignal(false);
  let question: HTMLParagraphElement | undefined;
  let start: HTMLButtonElement | undefined;

  const ask = () => {
    setConfirming(true);
    // After the confirmation renders: move focus to the question so it is read out.
    queueMicrotask(() => question?.focus());
  };
  const cancel = () => {
    setConfirming(false);
    queueMicrotask(() => start?.focus());
  };

  return (
    <section class="panel" aria-labelledby="afsluiten-titel">
      <h2 id="afsluiten-titel">Afsluiten</h2>
      <Show
        when={confirming()}
        fallback={
          <button ref={start} type="button" class="button button--danger" onClick={ask}>
            Sessie afsluiten
          </button>
        }
      >
        <div class="notice notice--warn">
          <p ref={question} tabindex="-1">
            <strong>Weet je het zeker?</strong> Alle telefoons krijgen dan het afsluitscherm. Daarna kan niemand meer stemmen of schrijven.
            Dit kun je niet terugdraaien.
          </p>
          <div class="button-row">
            <button type="button" class="button button--danger" onClick={() => props.send({ type: 'session.end' })}>
              Ja, sluit af
            </button>
            <button type="button" class="button button--secondary" onClick={cancel}>
              Nee, ga terug
            </button>
          </div>
        </div>
      </Show>
    </section>
  );
}

export function SessionEnded(props: { code: string; hostKey: string; onDeleted: () => void }) {
  const [problem, setProblem] = createSignal<string | null>(null);
  const [confirmDelete, setConfirmDelete] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const download = async (format: 'csv' | 'json') => {
    setProblem(null);
    try {
      await downloadResults(props.code, props.hostKey, format);
    } catch {
      setProblem('Downloaden lukte niet. Probeer het nog eens.');
    }
  };

  const remove = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await deleteRoom(props.code, props.hostKey);
      forgetHostKeys(props.code);
      props.onDeleted();
    } catch {
      setProblem('Verwijderen lukte niet. Probeer het nog eens.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="afgelopen-titel">
      <h2 id="afgelopen-titel">De sessie is afgelopen</h2>
      <div aria-live="polite">
        <Show when={problem()}>
          <p class="notice notice--error">{problem()}</p>
        </Show>
      </div>
      <p>Alle telefoons zien nu het afsluitscherm met de hulplijnen.</p>
      <h3>Uitslagen bewaren</h3>
      <p>Hierin staan alleen aantallen (nooit, soms, vaak) en de post-its. Niemand is erin terug te vinden.</p>
      <div class="button-row">
        <button type="button" class="button" onClick={() => void download('csv')}>
          Download uitslagen (CSV)
        </button>
        <button type="button" class="button button--secondary" onClick={() => void download('json')}>
          Download uitslagen (JSON)
        </button>
        <PrintLink code={props.code} />
      </div>
      <h3>Verwijderen</h3>
      <p>De sessie wordt na een tijd vanzelf verwijderd (standaard na 30 dagen). Je kunt hem ook nu al verwijderen.</p>
      <Show
        when={confirmDelete()}
        fallback={
          <button type="button" class="button button--danger" onClick={() => setConfirmDelete(true)}>
            Verwijder sessie nu
          </button>
        }
      >
        <div class="notice notice--warn">
          <p>
            <strong>Alles wordt verwijderd,</strong> ook de uitslagen. Download ze eerst als je ze wilt bewaren.
          </p>
          <div class="button-row">
            <button type="button" class="button button--danger" disabled={busy()} onClick={() => void remove()}>
              Ja, verwijder alles
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirmDelete(false)}>
              Nee, niet verwijderen
            </button>
          </div>
        </div>
      </Show>
    </section>
  );
}
