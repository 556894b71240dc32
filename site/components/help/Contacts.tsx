// Where to go for help: the school's own contacts (filled in by the host) and the national lines.
// Everything here is plain text from the server or the site's data file, rendered as text.
import { For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { NationalHelpLine, SchoolContacts } from '@protocol';
import { PhoneNumber } from './PhoneNumber.tsx';

export function hasSchoolContacts(contacts: SchoolContacts | null | undefined): boolean {
  const v = contacts?.vertrouwenspersoon;
  return !!(v?.name || v?.phone || v?.email || v?.when || contacts?.mentor || contacts?.other);
}

/** `team`: a session of colleagues, so the vertrouwenspersoon is the one for staff. */
export function SchoolContactsList(props: { contacts: SchoolContacts; level: 2 | 3 | 4; team?: boolean }) {
  const v = () => props.contacts.vertrouwenspersoon;
  const hasPerson = () => !!(v().name || v().phone || v().email || v().when);
  return (
    <ul class="contact-list">
      <Show when={hasPerson()}>
        <li>
          <Dynamic component={`h${props.level}`}>{props.team ? 'Vertrouwenspersoon voor personeel' : 'Vertrouwenspersoon'}</Dynamic>
          <Show when={v().name}>
            <p>{v().name}</p>
          </Show>
          <Show when={v().phone}>
            {(phone) => (
              <p>
                Bel: <PhoneNumber text={phone()} />
              </p>
            )}
          </Show>
          <Show when={v().email}>
            {(email) => (
              <p>
                Mail:{' '}
                <a class="contact-link" href={`mailto:${email()}`}>
                  {email()}
                </a>
              </p>
            )}
          </Show>
          <Show when={v().when}>
            <p>Bereikbaar: {v().when}</p>
          </Show>
        </li>
      </Show>
      <Show when={props.contacts.mentor}>
        <li>
          <Dynamic component={`h${props.level}`}>Mentor</Dynamic>
          <p>{props.contacts.mentor}</p>
        </li>
      </Show>
      <Show when={props.contacts.other}>
        <li>
          <Dynamic component={`h${props.level}`}>Ook voor jou</Dynamic>
          <p>{props.contacts.other}</p>
        </li>
      </Show>
    </ul>
  );
}

export function HelpLinesList(props: { lines: NationalHelpLine[]; level: 2 | 3 | 4 }) {
  return (
    <ul class="contact-list">
      <For each={props.lines}>
        {(line) => (
          <li>
            <Dynamic component={`h${props.level}`}>{line.name}</Dynamic>
            <p>{line.about}</p>
            <Show when={line.phone}>
              {(phone) => (
                <p>
                  Bel: <PhoneNumber text={phone()} />
                </p>
              )}
            </Show>
            <Show when={line.website}>
              {(site) => (
                <p>
                  <a class="contact-link" href={site()} rel="noopener noreferrer">
                    {site()
                      .replace(/^https:\/\//, '')
                      .replace(/\/$/, '')}
                  </a>
                </p>
              )}
            </Show>
            <Show when={line.when || line.forWhom}>
              <p class="muted">{[line.when, line.forWhom].filter(Boolean).join(' · ')}</p>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
