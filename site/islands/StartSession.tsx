// The host's start form: the school's help contacts (remembered on this computer), a class's age, the
// minimum and the expected group size, optionally the cards to play, then a room is made over HTTP. The server
// validates; its issues are shown next to the fields and nothing typed is lost.
import { For, Show, createMemo, createSignal, onMount, type JSX } from 'solid-js';
import {
  ClassAge,
  CreateRoomResponse,
  DEFAULT_MIN_GROUP_SIZE,
  LIMITS,
  MIN_GROUP_SIZE_FLOOR,
  MIN_GROUP_SIZE_MAX,
  type CreateRoomRequest,
  type SchoolContacts,
} from '@protocol';
import { serverUrl } from '../lib/server-url.ts';
import { rememberHostKeys } from '../lib/local-keys.ts';
import { CardPicker, type PickerCard, type PickerTheme } from '../components/cards/CardPicker.tsx';
import { sameOrder } from '../components/cards/card-order.ts';
import { forgetContacts, rememberContacts, rememberedContacts } from '../components/care/remembered-contacts.ts';

interface Issue {
  path: string;
  message: string;
}

/** Form fields by the request path the server names in an issue. */
const FIELDS = {
  groupName: { id: 'groep-naam', label: 'Naam van de groep' },
  'contacts.vertrouwenspersoon.name': { id: 'vp-naam', label: 'Naam' },
  'contacts.vertrouwenspersoon.phone': { id: 'vp-telefoon', label: 'Telefoon' },
  'contacts.vertrouwenspersoon.email': { id: 'vp-email', label: 'E-mail' },
  'contacts.vertrouwenspersoon.when': { id: 'vp-wanneer', label: 'Wanneer bereikbaar' },
  'contacts.mentor': { id: 'mentor', label: 'Mentor of ander aanspreekpunt' },
  'contacts.other': { id: 'ander-aanspreekpunt', label: 'Nog iemand voor het team' },
  age: { id: 'leeftijd', label: 'Leeftijd' },
  minGroupSize: { id: 'min-groep', label: 'Minimum aantal antwoorden voor een uitslag' },
  expectedGroupSize: { id: 'verwacht', label: 'Hoeveel deelnemers verwacht je?' },
  cardIds: { id: 'kaarten-kiezen', label: 'Kaarten' },
} as const;
type FieldPath = keyof typeof FIELDS;

/** The text fields of the school's contacts, remembered on this computer between sessions. */
const CONTACT_FIELDS = [
  'contacts.vertrouwenspersoon.name',
  'contacts.vertrouwenspersoon.phone',
  'contacts.vertrouwenspersoon.email',
  'contacts.vertrouwenspersoon.when',
  'contacts.mentor',
  'contacts.other',
] as const satisfies readonly FieldPath[];

const AGES: { value: ClassAge; label: string }[] = [
  { value: 'onder-18', label: 'Onder de 18' },
  { value: '18-plus', label: '18 of ouder' },
  { value: 'gemengd', label: 'Gemengd' },
];

export default function StartSession(props: { deckId: string; audience: 'klas' | 'team'; cards: PickerCard[]; themes: PickerTheme[] }) {
  const team = () => props.audience === 'team';
  // The inputs are uncontrolled and read at submit: what the host typed stays in the fields, also
  // text typed before this island's script arrived (hydration would reset a bound value).
  const [issues, setIssues] = createSignal<Issue[]>([]);
  const [formError, setFormError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  // The server-rendered button stays disabled until this script runs: a click before that would
  // submit the bare HTML form, reload the page and lose what the host typed.
  const [ready, setReady] = createSignal(false);
  let summary: HTMLDivElement | undefined;
  let formElement: HTMLFormElement | undefined;
  // Contacts from an earlier session on this computer fill the fields the host left empty.
  const [remembered, setRemembered] = createSignal(false);
  onMount(() => {
    const known = rememberedContacts(props.audience);
    if (known) {
      for (const path of CONTACT_FIELDS) {
        const input = formElement?.elements.namedItem(path);
        const value = contactValue(known, path);
        if (input instanceof HTMLInputElement && !input.value && value) input.value = value;
      }
      setRemembered(true);
    }
    setReady(true);
  });
  const forget = () => {
    forgetContacts(props.audience);
    for (const path of CONTACT_FIELDS) {
      const input = formElement?.elements.namedItem(path);
      if (input instanceof HTMLInputElement) input.value = '';
    }
    setRemembered(false);
  };
  // The cards to play; the whole deck in its order unless the host picks otherwise.
  const deckOrder = createMemo(() => props.cards.map((c) => c.id));
  const [cardIds, setCardIds] = createSignal<string[]>(deckOrder());
  const [picking, setPicking] = createSignal(false);
  const wholeDeck = () => sameOrder(cardIds(), deckOrder());

  const issueFor = (path: FieldPath) => issues().find((i) => i.path === path)?.message;

  const showProblems = (message: string, found: Issue[]) => {
    setFormError(message);
    setIssues(found);
    // Move focus to the summary so a screen reader hears what went wrong, then the links lead on.
    queueMicrotask(() => summary?.focus());
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const value = (path: FieldPath) => String(form.get(path) ?? '');
    const text = (path: FieldPath) => value(path).trim() || undefined;
    const minGroupSize = Number(value('minGroupSize'));
    // Empty means "not said"; the range (1 to LIMITS.expectedGroupSize) is the server's to check.
    const expectedText = value('expectedGroupSize').trim();
    const expectedGroupSize = expectedText === '' ? null : Number(expectedText);
    const notWhole: Issue[] = [];
    if (!Number.isInteger(minGroupSize)) notWhole.push({ path: 'minGroupSize', message: `Vul een heel getal in, ${MIN_GROUP_SIZE_FLOOR} of meer.` });
    if (expectedGroupSize !== null && !Number.isInteger(expectedGroupSize)) {
      notWhole.push({ path: 'expectedGroupSize', message: `Vul een heel getal in van 1 tot en met ${LIMITS.expectedGroupSize}, of laat het leeg.` });
    }
    if (!cardIds().length) notWhole.push({ path: 'cardIds', message: 'Kies minstens één kaart.' });
    if (notWhole.length) {
      if (!cardIds().length) setPicking(true);
      return showProblems('Niet alles is goed ingevuld.', notWhole);
    }
    // Empty fields are left out: the server keeps only what the host filled in.
    const contacts: SchoolContacts = {
      vertrouwenspersoon: {
        name: text('contacts.vertrouwenspersoon.name'),
        phone: text('contacts.vertrouwenspersoon.phone'),
        email: text('contacts.vertrouwenspersoon.email'),
        when: text('contacts.vertrouwenspersoon.when'),
      },
      // A class has a mentor, a team another place to go; each form shows only its own field.
      ...(team() ? { other: text('contacts.other') } : { mentor: text('contacts.mentor') }),
    };
    const age = ClassAge.safeParse(form.get('age'));
    const request: CreateRoomRequest = {
      deckId: props.deckId,
      minGroupSize,
      expectedGroupSize,
      groupName: text('groupName') ?? null,
      contacts,
      ...(!team() && age.success ? { age: age.data } : {}),
      // Only a real choice is sent: without it the server plays the whole deck in its order.
      ...(wholeDeck() ? {} : { cardIds: cardIds() }),
    };
    setBusy(true);
    try {
      const res = await fetch(`${serverUrl()}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      const body: unknown = await res.json().catch(() => null);
      if (res.status === 201) {
        const room = CreateRoomResponse.parse(body);
        rememberHostKeys(room.code, { hostKey: room.hostKey, beamerKey: room.beamerKey });
        rememberContacts(props.audience, contacts);
        window.location.assign(`/host/#${room.code}`);
        return;
      }
      const answer = (body ?? {}) as { error?: string; issues?: Issue[] };
      const found = Array.isArray(answer.issues) ? answer.issues : [];
      // The server's messages start in lower case (they are written to follow a field name).
      const sentences = found.map((i) => ({ path: i.path, message: i.message.charAt(0).toUpperCase() + i.message.slice(1) }));
      showProblems(answer.error ?? 'Het starten lukte niet. Probeer het nog eens.', sentences);
    } catch {
      showProblems('De server is niet te bereiken. Controleer de verbinding en probeer het nog eens.', []);
    } finally {
      setBusy(false);
    }
  }

  const field = (path: FieldPath, input: Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id'>, hint?: string) => {
    const { id, label } = FIELDS[path];
    const describedBy = () => [hint && `${id}-hint`, issueFor(path) && `${id}-fout`].filter(Boolean).join(' ') || undefined;
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <Show when={hint}>
          <span class="field__hint" id={`${id}-hint`}>
            {hint}
          </span>
        </Show>
        <Show when={issueFor(path)}>
          <span class="field__error" id={`${id}-fout`}>
            <span class="sr-only">Fout: </span>
            {issueFor(path)}
          </span>
        </Show>
        <input {...input} id={id} name={path} aria-invalid={issueFor(path) ? 'true' : undefined} aria-describedby={describedBy()} />
      </div>
    );
  };

  return (
    <form ref={formElement} onSubmit={submit} novalidate>
      <Show when={formError()}>
        <div class="error-summary" ref={summary} tabindex="-1" role="alert" aria-labelledby="fouten-titel">
          <h2 id="fouten-titel">{formError()}</h2>
          <Show when={issues().length}>
            <ul>
              <For each={issues()}>
                {(issue) => {
                  const known = FIELDS[issue.path as FieldPath];
                  return <li>{known ? <a href={`#${known.id}`}>{`${known.label}: ${issue.message}`}</a> : issue.message}</li>;
                }}
              </For>
            </ul>
          </Show>
        </div>
      </Show>

      <fieldset>
        <legend>De groep</legend>
        {field(
          'groupName',
          { type: 'text', autocomplete: 'off', maxLength: 60 },
          'Niet verplicht. Bijvoorbeeld: klas 3B of team onderbouw. Deze naam komt op de poster met jullie afspraken. Zet er geen namen van mensen in.',
        )}
      </fieldset>

      <Show when={!team()}>
        <fieldset id={FIELDS.age.id}>
          <legend>Hoe oud is de klas?</legend>
          <p class="field__hint">Zo zien deelnemers de hulplijnen die bij hun leeftijd passen. Bij gemengd zien ze ze allemaal.</p>
          <For each={AGES}>
            {(age) => (
              <label class="choice">
                <input type="radio" name="age" value={age.value} checked={age.value === 'gemengd'} /> {age.label}
              </label>
            )}
          </For>
        </fieldset>
      </Show>

      <fieldset>
        <legend>{team() ? 'Vertrouwenspersoon voor personeel' : 'Vertrouwenspersoon'}</legend>
        <p class="field__hint">Deelnemers zien dit aan het eind, en onder ‘Hulp nodig?’ op hun telefoon.</p>
        <div class="remembered">
          <p class="field__hint">
            {remembered()
              ? 'Ingevuld met de gegevens van de vorige keer. Ze staan alleen op deze computer.'
              : 'Kring onthoudt deze gegevens voor de volgende keer, alleen op deze computer.'}
          </p>
          <Show when={remembered()}>
            <button type="button" class="button button--secondary" onClick={forget}>
              Vergeet deze gegevens
            </button>
          </Show>
        </div>
        {field('contacts.vertrouwenspersoon.name', { type: 'text', autocomplete: 'off' })}
        {field('contacts.vertrouwenspersoon.phone', { type: 'tel', autocomplete: 'off' })}
        {field('contacts.vertrouwenspersoon.email', { type: 'email', autocomplete: 'off', spellcheck: false })}
        {field(
          'contacts.vertrouwenspersoon.when',
          { type: 'text', autocomplete: 'off' },
          'Bijvoorbeeld: maandag tot en met donderdag, kamer B1.04',
        )}
      </fieldset>

      <fieldset>
        <Show
          when={team()}
          fallback={
            <>
              <legend>Nog iemand op school</legend>
              {field('contacts.mentor', { type: 'text', autocomplete: 'off' }, 'Bijvoorbeeld: Je mentor: meneer De Vries, lokaal 2.14')}
            </>
          }
        >
          <legend>Nog iemand voor het team</legend>
          {field(
            'contacts.other',
            { type: 'text', autocomplete: 'off' },
            'Bijvoorbeeld: bedrijfsmaatschappelijk werk, 030-123 45 67. Of de vakbond.',
          )}
        </Show>
      </fieldset>

      <fieldset>
        <legend>Uitslagen</legend>
        {field(
          'minGroupSize',
          {
            type: 'number',
            inputmode: 'numeric',
            min: MIN_GROUP_SIZE_FLOOR,
            max: MIN_GROUP_SIZE_MAX,
            step: 1,
            class: 'input--short',
            value: DEFAULT_MIN_GROUP_SIZE,
          },
          `Een uitslag komt pas op de beamer als minstens zoveel mensen antwoordden, zodat niemand opvalt. Minstens ${MIN_GROUP_SIZE_FLOOR}.`,
        )}
        {field(
          'expectedGroupSize',
          { type: 'number', inputmode: 'numeric', min: 1, max: LIMITS.expectedGroupSize, step: 1, class: 'input--short' },
          'Niet verplicht. Zo zie je het als er meer telefoons meedoen dan mensen in de groep.',
        )}
      </fieldset>

      <details class="card-picker__fold start-cards" id={FIELDS.cardIds.id} open={picking()} onToggle={(e) => setPicking(e.currentTarget.open)}>
        <summary>
          Kies je kaarten <span class="card-picker__meta">(niet verplicht)</span>
        </summary>
        <div class="start-cards__body">
          <p class="field__hint">
            {wholeDeck()
              ? `Je speelt nu alle ${props.cards.length} kaarten, in de volgorde van de kaartset. Wil je minder kaarten of een andere volgorde? Kies hier.`
              : 'Je speelt alleen de kaarten hieronder, in deze volgorde. Tijdens de sessie kun je dit nog aanpassen.'}
          </p>
          <Show when={issueFor('cardIds')}>
            <p class="field__error">
              <span class="sr-only">Fout: </span>
              {issueFor('cardIds')}
            </p>
          </Show>
          <Show when={picking()}>
            <CardPicker id="start-kaarten" cards={props.cards} themes={props.themes} selected={cardIds()} onChange={setCardIds} />
          </Show>
        </div>
      </details>

      <p>
        Wat Kring bewaart en wie wat ziet, lees je op de pagina <a href="/privacy/">Privacy</a>.
      </p>

      <button class="button button--large" type="submit" disabled={!ready() || busy()}>
        Start de sessie
      </button>
      <p class="status-line" aria-live="polite">
        {busy() ? 'De sessie wordt gemaakt…' : ''}
      </p>
    </form>
  );
}

function contactValue(contacts: SchoolContacts, path: (typeof CONTACT_FIELDS)[number]): string | undefined {
  if (path === 'contacts.mentor') return contacts.mentor;
  if (path === 'contacts.other') return contacts.other;
  return contacts.vertrouwenspersoon[path.slice('contacts.vertrouwenspersoon.'.length) as keyof SchoolContacts['vertrouwenspersoon']];
}
