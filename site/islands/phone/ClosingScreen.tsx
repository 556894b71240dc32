// The end of a session on the phone: thanks (to whoever took part), what happens with the answers,
// and where to go for help: the school's contacts and the lines that fit this session and its cards.
import { Show } from 'solid-js';
import { HelpLinesList, SchoolContactsList, hasSchoolContacts } from '../../components/help/Contacts.tsx';
import { isTeam, linesFor, type HelpContext } from '../../components/help/help-context.ts';
import { helpLines, helpLinesFailed, loadHelpLines } from '../../components/help/help-lines.ts';

export function ClosingScreen(props: { help: HelpContext; tookPart: boolean }) {
  void loadHelpLines();
  const contacts = () => (props.help.contacts && hasSchoolContacts(props.help.contacts) ? props.help.contacts : null);
  return (
    <section aria-labelledby="einde-titel">
      {/* Someone who arrives after the end did not take part: no thanks, just that it ended and where help is. */}
      <h1 id="einde-titel" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
        {props.tookPart ? 'Bedankt voor het meedoen!' : 'Deze sessie is al afgelopen'}
      </h1>
      <Show
        when={props.tookPart}
        fallback={<p>Je kunt niet meer meedoen. Zit je ergens mee? Hieronder staat waar je terechtkunt.</p>}
      >
        <p>De sessie is afgelopen.</p>
        <div class="notice">
          <p>
            Bewaard blijven alleen de aantallen (nooit, soms, vaak) en de post-its die de gespreksleider heeft doorgelaten. Niemand kan
            zien wie wat heeft geantwoord of geschreven.
          </p>
          <p>
            <a href="/privacy/">Lees wat Kring bewaart en wie wat ziet</a>
          </p>
        </div>
      </Show>
      <Show when={contacts()}>
        {(known) => (
          <>
            <h2>{isTeam(props.help) ? 'Praten met iemand op je werk' : 'Praten met iemand op school'}</h2>
            <SchoolContactsList contacts={known()} level={3} team={isTeam(props.help)} />
          </>
        )}
      </Show>
      <h2>Hulplijnen</h2>
      <p>
        Zit je ergens mee? Hier kun je bellen of chatten. Is er nu gevaar? Bel <a href="tel:112">112</a>.
      </p>
      <Show
        when={helpLines()}
        fallback={<p role="status">{helpLinesFailed() ? 'De hulplijnen laden nu niet: er is geen verbinding. Ververs de pagina als je weer verbinding hebt.' : 'Even laden…'}</p>}
      >
        {(lines) => <HelpLinesList lines={linesFor(lines(), props.help)} level={3} />}
      </Show>
    </section>
  );
}
