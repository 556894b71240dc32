// "Hulp nodig?": a quiet link on every phone screen. It opens an in-page dialog with the school's
// contacts and the national help lines. Nothing is sent anywhere: nobody learns it was opened.
import { Show, createSignal } from 'solid-js';
import type { NationalHelpLine, SchoolContacts } from '@protocol';
import { HelpLinesList, SchoolContactsList, hasSchoolContacts } from './Contacts.tsx';

export function HelpDialog(props: { contacts: SchoolContacts | null; lines: NationalHelpLine[] }) {
  let dialog: HTMLDialogElement | undefined;
  // The content exists only while the dialog is open: a closed dialog then holds no hidden copy of
  // the contacts that a search (or a screen reader's browse mode) could stumble on.
  const [isOpen, setOpen] = createSignal(false);
  const open = (event: MouseEvent) => {
    event.preventDefault();
    setOpen(true);
    dialog?.showModal();
  };
  return (
    <>
      <a class="help-link" href="#hulp" onClick={open}>
        Hulp nodig?
      </a>
      <dialog id="hulp" ref={dialog} aria-labelledby="hulp-titel" onClose={() => setOpen(false)}>
        <Show when={isOpen()}>
          <div class="dialog__head">
            <h2 id="hulp-titel">Hulp nodig?</h2>
            <button type="button" class="button button--secondary" onClick={() => dialog?.close()}>
              Sluiten
            </button>
          </div>
          <div class="dialog__body">
            <p>Alleen jij ziet dit scherm. Niemand krijgt een bericht dat je het opende.</p>
            <p class="notice notice--warn">
              <strong>Is er nu gevaar?</strong> Bel <a href="tel:112">112</a>.
            </p>
            <Show when={props.contacts && hasSchoolContacts(props.contacts) ? props.contacts : null}>
              {(contacts) => (
                <section aria-labelledby="hulp-school">
                  <h3 id="hulp-school">Op school</h3>
                  <SchoolContactsList contacts={contacts()} level={4} />
                </section>
              )}
            </Show>
            <section aria-labelledby="hulp-landelijk">
              <h3 id="hulp-landelijk">Hulplijnen</h3>
              <p>Hier kun je bellen of chatten over wat je meemaakt. Je hoeft je naam niet te zeggen.</p>
              <HelpLinesList lines={props.lines} level={4} />
            </section>
          </div>
        </Show>
      </dialog>
    </>
  );
}
