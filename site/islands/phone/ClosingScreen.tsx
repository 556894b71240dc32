// The end of a session on the phone: thanks, what happens with the answers, and where to go for help.
import { Show } from 'solid-js';
import type { NationalHelpLine, SchoolContacts } from '@protocol';
import { HelpLinesList, SchoolContactsList, hasSchoolContacts } from '../../components/help/Contacts.tsx';

export function ClosingScreen(props: { contacts: SchoolContacts; helpLines: NationalHelpLine[] }) {
  return (
    <section aria-labelledby="einde-titel">
      <h1 id="einde-titel" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
        Bedankt voor het meedoen!
      </h1>
      <p>De sessie is afgelopen.</p>
      <div class="notice">
        <p>
          Bewaard blijven alleen de aantallen (nooit, soms, vaak) en de post-its die de gespreksleider heeft doorgelaten. Niemand kan zien
          wie wat heeft geantwoord of geschreven.
        </p>
        <p>
          <a href="/privacy/">Lees wat Kring bewaart en wie wat ziet</a>
        </p>
      </div>
      <Show when={hasSchoolContacts(props.contacts)}>
        <h2>Praten met iemand op school</h2>
        <SchoolContactsList contacts={props.contacts} level={3} />
      </Show>
      <h2>Hulplijnen</h2>
      <p>
        Zit je ergens mee? Hier kun je bellen of chatten. Is er nu gevaar? Bel <a href="tel:112">112</a>.
      </p>
      <HelpLinesList lines={props.helpLines} level={3} />
    </section>
  );
}
