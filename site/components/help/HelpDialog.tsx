// "Hulp nodig?": a quiet link on every phone screen. It opens an in-page dialog with the school's
// contacts and the help lines that fit this session. Nothing is sent anywhere: nobody learns it was opened.
// The contacts and lines come after the first load (help-lines.ts): every phone fetches them a few
// seconds after its page started, opened or not.
import { Show, Suspense, createEffect, createSignal, lazy, on } from 'solid-js';
import { openRequests, type HelpContext } from './help-context.ts';
import { loadHelpLines } from './help-lines.ts';

// Not fetched (offline before it was): the 112 line above still stands; a reload brings the rest.
const Unreachable = (_props: { help: HelpContext }) => <p role="status">De rest van de hulp laadt nu niet: er is geen verbinding. Ververs de pagina als je weer verbinding hebt.</p>;
const HelpBody = lazy(() =>
  import('./HelpBody.tsx').then(
    (m) => ({ default: m.HelpBody }),
    () => ({ default: Unreachable }),
  ),
);

/** Fetches the help's contents and lines, once (again after a failure). */
export function preloadHelp() {
  void HelpBody.preload();
  void loadHelpLines();
}

export function HelpDialog(props: { help: HelpContext }) {
  let dialog: HTMLDialogElement | undefined;
  // The content exists only while the dialog is open: a closed dialog then holds no hidden copy of
  // the contacts that a search (or a screen reader's browse mode) could stumble on.
  const [isOpen, setOpen] = createSignal(false);
  const show = () => {
    preloadHelp();
    setOpen(true);
    if (!dialog?.open) dialog?.showModal();
  };
  const open = (event: MouseEvent) => {
    event.preventDefault();
    show();
  };
  // Another link on the page (a card's notice) asked for help.
  createEffect(on(openRequests, show, { defer: true }));
  return (
    <>
      <a class="help-link" href="#hulp" onClick={open}>
        Hulp nodig?
      </a>
      <dialog id="hulp" class="help-dialog" ref={dialog} aria-labelledby="hulp-titel" onClose={() => setOpen(false)}>
        <Show when={isOpen()}>
          <div class="dialog__head">
            <h2 id="hulp-titel">Hulp nodig?</h2>
            <button type="button" class="button button--secondary" onClick={() => dialog?.close()}>
              Sluiten
            </button>
          </div>
          {/* The body scrolls on its own, so "Sluiten" stays in view at any zoom. */}
          <div class="dialog__body">
            <p>Alleen jij ziet dit scherm. Niemand krijgt een bericht dat je het opende.</p>
            <p class="notice notice--warn">
              <strong>Is er nu gevaar?</strong> Bel <a href="tel:112">112</a>.
            </p>
            <Suspense fallback={<p role="status">Even laden…</p>}>
              <HelpBody help={props.help} />
            </Suspense>
          </div>
        </Show>
      </dialog>
    </>
  );
}
