// A team meeting on a phone: typing the case (it goes to the host, not straight to the beamer) and
// the private "wat neem ik mee" round, which only this phone ever gets back.
import { createSignal, For, Show } from 'solid-js';
import type { Card, ParticipantView } from '@protocol';
import { LIMITS } from '@protocol/constants';
import { scaleOptions } from '@protocol/scales';
import type { PhoneStore } from './phone-store.ts';
import meetingCss from '../../styles/meeting.css?inline';
import { addStyle } from './lazy-style.ts';

addStyle(meetingCss);

type Meeting = NonNullable<ParticipantView['meeting']>;

export function PhoneCaseDraft(props: { store: PhoneStore; meeting: Meeting }) {
  const [text, setText] = createSignal(props.meeting.caseDraft ?? '');
  const [status, setStatus] = createSignal('');
  return (
    <section class="phone-case" aria-labelledby="casus-titel">
      <h2 id="casus-titel">Breng jij de casus in?</h2>
      <p class="notice notice--warn">
        Beschrijf mensen met hun rol (een collega, een leerling van 15), nooit met hun naam. Gaat het om de veiligheid van een leerling? Volg dan
        de meldcode van school, niet dit overleg.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setStatus('Wordt verstuurd…');
          void props.store.send({ type: 'case.draft', text: text() }).then((ack) => setStatus(ack.ok ? 'De gespreksleider heeft je casus. Die zet hem op de beamer.' : ''));
        }}
      >
        <label for="casus-invoer">De casus</label>
        <textarea id="casus-invoer" rows={6} maxLength={LIMITS.caseChars} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" class="button button--large">
          Stuur naar de gespreksleider
        </button>
      </form>
      <p class="status-line" role="status">
        {status()}
      </p>
    </section>
  );
}

export function PhoneReflection(props: { store: PhoneStore; card: Card; meeting: Meeting }) {
  const reflection = () => props.card.reflection!;
  const saved = () => props.meeting.reflection;
  const options = () => scaleOptions({ scale: reflection().scale ?? 'eens-oneens' });
  const [answers, setAnswers] = createSignal<Record<string, string>>({ ...(saved()?.answers ?? {}) });
  const [notes, setNotes] = createSignal(saved()?.notes ?? '');
  const [action, setAction] = createSignal(saved()?.action ?? '');
  const [shared, setShared] = createSignal(saved()?.shared ?? false);
  const [status, setStatus] = createSignal('');

  const save = (e: SubmitEvent) => {
    e.preventDefault();
    setStatus('Wordt bewaard…');
    void props.store
      .send({ type: 'reflection.save', cardId: props.card.id, answers: answers(), notes: notes(), action: action(), shared: shared() })
      .then((ack) => setStatus(ack.ok ? (shared() ? 'Bewaard. Je actiepunt is gedeeld, zonder je naam.' : 'Bewaard. Alleen jij ziet dit.') : ''));
  };

  return (
    <form class="phone-reflection" onSubmit={save} aria-labelledby="meenemen-titel">
      <h2 id="meenemen-titel">Wat neem ik mee?</h2>
      <p class="muted">Dit vul je voor jezelf in. Alleen jij ziet het, ook de gespreksleider niet.</p>
      <For each={reflection().statements}>
        {(statement, i) => (
          <fieldset class="reflection-statement">
            <legend>{statement}</legend>
            <div class="reflection-options">
              <For each={options()}>
                {(option) => (
                  <label class="choice">
                    <input
                      type="radio"
                      name={`stelling-${i()}`}
                      value={option.id}
                      checked={answers()[String(i())] === option.id}
                      onChange={() => setAnswers({ ...answers(), [String(i())]: option.id })}
                    />
                    {option.label}
                  </label>
                )}
              </For>
            </div>
          </fieldset>
        )}
      </For>
      <Show when={reflection().questions.length}>
        <p class="card__label">Denk na over:</p>
        <ul>
          <For each={reflection().questions}>{(q) => <li>{q}</li>}</For>
        </ul>
        <label for="meenemen-notities">Jouw notities</label>
        <textarea id="meenemen-notities" rows={4} maxLength={LIMITS.reflectionNotesChars} value={notes()} onInput={(e) => setNotes(e.currentTarget.value)} />
      </Show>
      <label for="meenemen-actie">{reflection().action}</label>
      <input id="meenemen-actie" type="text" maxLength={LIMITS.recordChars} value={action()} onInput={(e) => setAction(e.currentTarget.value)} />
      <label class="choice">
        <input type="checkbox" checked={shared()} onChange={(e) => setShared(e.currentTarget.checked)} />
        Deel mijn actiepunt met de groep (zonder naam)
      </label>
      <button type="submit" class="button button--large">
        Bewaar
      </button>
      <p class="status-line" role="status">
        {status()}
      </p>
    </form>
  );
}
