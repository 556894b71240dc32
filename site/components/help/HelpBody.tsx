// The help dialog's contents beyond its first lines (HelpDialog.tsx): the school's contacts and the
// help lines that fit this session. A chunk of its own, fetched with the lines (help-lines.ts).
import { Show } from 'solid-js';
import { HelpLinesList, SchoolContactsList, hasSchoolContacts } from './Contacts.tsx';
import { isTeam, linesFor, type HelpContext } from './help-context.ts';
import { helpLines, helpLinesFailed } from './help-lines.ts';

export function HelpBody(props: { help: HelpContext }) {
  const contacts = () => (props.help.contacts && hasSchoolContacts(props.help.contacts) ? props.help.contacts : null);
  return (
    <>
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
        <Show
          when={helpLines()}
          fallback={
            <p role="status">{helpLinesFailed() ? 'De hulplijnen laden nu niet: er is geen verbinding. Sluit dit scherm en probeer het zo opnieuw.' : 'Even laden…'}</p>
          }
        >
          {(lines) => <HelpLinesList lines={linesFor(lines(), props.help)} level={4} />}
        </Show>
      </section>
    </>
  );
}
