// "Hulp nodig?": a quiet link on every phone screen. It opens an in-page dialog with the school's
// contacts and the help lines that fit this session. Nothing is sent anywhere: nobody learns it was opened.
import { Show, createEffect, createSignal, on } from 'solid-js';
import type { NationalHelpLine } from '@protocol';
import { HelpLinesList, SchoolContactsList, hasSchoolContacts } from './Contacts.tsx';
import { isTeam, linesFor, openRequests, type HelpContext } from './help-context.ts';

export function HelpDialog(props: { help: HelpContext; lines: NationalHelpLine[] }) {
  let dialog: HTMLDialogElement | undefined;
  // The content exists only while the dialog is open: a closed dialog then holds no hidden copy of
  // the contacts that a search (or a screen reader's browse mode) could stumble on.
  const [isOpen, setOpen] = createSignal(false);
  const show = () => {
    setOpen(true);
    if (!dialog?.open) dialog?.showModal();
  };
  const open = (event: MouseEvent) => {
    event.preventDefault();
    show();
  };
  // Another link on the page (a card's notice) asked for help.
  createEffect(on(openRequests, show, { defer: true }));
  const contacts = () => (props.help.contacts && hasSchoolContacts(props.help.contacts) ? props.help.contacts : null);
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
            <Show when={contacts()}>
              {(known) => (
                <section aria-labelledby="hulp-school">
                  <h3 id="hulp-school">{isTeam(props.help) ? 'Op het werk' : 'Op school'}</h3>
                  <SchoolContactsList contacts={known()} level={4} team={isTeam(props.help)} />
                </section>
              )}
            </Show>
            <section aria-labelledby="hulp-landelijk">
              <h3 id="hulp-landelijk">Hulplijnen</h3>
              <p>Hier kun je bellen of chatten over wat je meemaakt. Je hoeft je naam niet te zeggen.</p>
              <HelpLinesList lines={linesFor(props.lines, props.help)} level={4} />
            </section>
          </div>
        </Show>
      </dialog>
    </>
  );
}
