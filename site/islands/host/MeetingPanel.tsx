// The host's record of a team meeting, on the steps that ask for it: the case (from a phone or
// typed here), the dilemma in one sentence, conclusions and agreed actions. Reminds plainly, before
// anything is typed, that people are described by role, never by name.
import { createSignal, For, Show } from 'solid-js';
import type { Card, HostView, PostItFlag } from '@protocol';
import { LIMITS } from '@protocol/constants';
import type { Send } from './HostScreen.tsx';
import { usePrivacyScreen } from './privacy-screen.tsx';
import '../../styles/meeting.css';

const FLAG_WORDS: Record<PostItFlag, string> = {
  name: 'een naam',
  phone: 'een telefoonnummer',
  email: 'een e-mailadres',
  handle: 'een @naam',
  postcode: 'een postcode',
};
const flagText = (flags: PostItFlag[]) => `Hier staat misschien ${flags.map((f) => FLAG_WORDS[f]).join(' of ')} in. Maak er een rol van.`;

export function MeetingPanel(props: { card: Card; view: HostView; send: Send }) {
  const meeting = () => props.view.meeting;
  const privacy = usePrivacyScreen();
  const records = () => props.card.step?.records ?? [];
  const showsCase = () => !!props.card.step?.case;
  let caseBox: HTMLTextAreaElement | undefined;
  const [caseText, setCaseText] = createSignal(meeting().case ?? '');

  return (
    <section class="panel meeting-panel" aria-labelledby="verslag-titel">
      <h2 id="verslag-titel">Casus en verslag</h2>
      <p class="notice notice--warn meeting-reminder">
        Beschrijf mensen met hun rol (een collega, de mentor, een leerling van 15), nooit met hun naam. Maak je je zorgen om de veiligheid van
        een leerling? Dan volg je de meldcode van de school, niet dit overleg.
      </p>

      <Show when={showsCase()}>
        <h3>De casus</h3>
        <Show when={meeting().caseDrafts?.length}>
          <p>Getypt op een telefoon (je ziet niet door wie):</p>
          <ul class="meeting-drafts">
            <For each={meeting().caseDrafts}>
              {(draft, i) => (
                <li>
                  {/* Behind the privacy screen a draft shows only when the host chose to read it. */}
                  <Show
                    when={privacy.readable(`casus-${i()}`)}
                    fallback={<p class="meeting-drafts__text meeting-drafts__text--hidden">verborgen</p>}
                  >
                    <p class="meeting-drafts__text" dir="auto">
                      {draft.text}
                    </p>
                    <Show when={draft.flags.length}>
                      <p class="field__error">{flagText(draft.flags)}</p>
                    </Show>
                  </Show>
                  <Show when={privacy.on()}>
                    <button
                      type="button"
                      class="button button--secondary"
                      aria-pressed={privacy.readable(`casus-${i()}`) ? 'true' : 'false'}
                      onClick={() => privacy.read(privacy.readable(`casus-${i()}`) ? null : `casus-${i()}`)}
                    >
                      Lezen<span class="sr-only"> tekst {i() + 1}</span>
                    </button>
                  </Show>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => {
                      setCaseText(draft.text);
                      caseBox?.focus();
                    }}
                  >
                    Neem over om te bewerken
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <form
          class="meeting-form"
          onSubmit={(e) => {
            e.preventDefault();
            void props.send({ type: 'case.set', text: caseText() });
          }}
        >
          <label for="casus-tekst">De casus op de beamer</label>
          <textarea id="casus-tekst" ref={caseBox} rows={5} maxLength={LIMITS.caseChars} value={caseText()} onInput={(e) => setCaseText(e.currentTarget.value)} />
          <Show when={meeting().caseFlags?.length}>
            <p class="field__error">{flagText(meeting().caseFlags!)}</p>
          </Show>
          <div class="button-row">
            <button type="submit" class="button">
              Zet op de beamer
            </button>
            <Show when={meeting().case}>
              <button type="button" class="button button--secondary" onClick={() => void props.send({ type: 'case.set', text: '' }).then(() => setCaseText(''))}>
                Haal weg
              </button>
            </Show>
          </div>
        </form>
      </Show>

      <Show when={records().includes('dilemma') || meeting().dilemma}>
        <DilemmaForm view={props.view} send={props.send} />
      </Show>
      <Show when={records().includes('conclusions') || meeting().conclusions.length}>
        <ConclusionsForm view={props.view} send={props.send} />
      </Show>
      <Show when={records().includes('actions') || meeting().actions.length}>
        <ActionsForm view={props.view} send={props.send} />
      </Show>

      <p>
        <a class="button button--secondary" href={`/print/verslag/#${props.view.code}`} target="_blank" rel="noopener">
          Verslag afdrukken<span class="sr-only"> (nieuw tabblad)</span>
        </a>
      </p>
    </section>
  );
}

function DilemmaForm(props: { view: HostView; send: Send }) {
  const [text, setText] = createSignal(props.view.meeting.dilemma ?? '');
  return (
    <form
      class="meeting-form"
      onSubmit={(e) => {
        e.preventDefault();
        void props.send({ type: 'dilemma.set', text: text() });
      }}
    >
      <h3>
        <label for="dilemma-tekst">Het dilemma in één zin</label>
      </h3>
      <input id="dilemma-tekst" type="text" maxLength={LIMITS.recordChars} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="submit" class="button">
        Bewaar het dilemma
      </button>
    </form>
  );
}

function ConclusionsForm(props: { view: HostView; send: Send }) {
  const [text, setText] = createSignal('');
  return (
    <div>
      <h3 id="conclusies-titel">Conclusies</h3>
      <RecordList
        items={props.view.meeting.conclusions.map((c) => ({ id: c.id, text: c.text }))}
        label="conclusie"
        onRemove={(recordId) => void props.send({ type: 'conclusion.remove', recordId })}
      />
      <form
        class="meeting-form"
        onSubmit={(e) => {
          e.preventDefault();
          void props.send({ type: 'conclusion.add', text: text() }).then((ack) => ack.ok && setText(''));
        }}
      >
        <label for="conclusie-tekst">Nieuwe conclusie</label>
        <input id="conclusie-tekst" type="text" maxLength={LIMITS.recordChars} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" class="button">
          Voeg conclusie toe
        </button>
      </form>
    </div>
  );
}

function ActionsForm(props: { view: HostView; send: Send }) {
  const [what, setWhat] = createSignal('');
  const [who, setWho] = createSignal('');
  const [when, setWhen] = createSignal('');
  return (
    <div>
      <h3>Acties</h3>
      <p class="muted">Wat gebeurt er, wie doet het (een rol, geen naam) en wanneer.</p>
      <RecordList
        items={props.view.meeting.actions.map((a) => ({ id: a.id, text: `${a.what} — ${a.who}, ${a.when}` }))}
        label="actie"
        onRemove={(recordId) => void props.send({ type: 'action.remove', recordId })}
      />
      <form
        class="meeting-form meeting-form--action"
        onSubmit={(e) => {
          e.preventDefault();
          void props.send({ type: 'action.add', what: what(), who: who(), when: when() }).then((ack) => {
            if (ack.ok) [setWhat, setWho, setWhen].forEach((set) => set(''));
          });
        }}
      >
        <label for="actie-wat">Wat</label>
        <input id="actie-wat" type="text" maxLength={LIMITS.recordChars} value={what()} onInput={(e) => setWhat(e.currentTarget.value)} />
        <label for="actie-wie">Wie (een rol)</label>
        <input id="actie-wie" type="text" maxLength={LIMITS.actionPartChars} placeholder="bijv. de teamleider" value={who()} onInput={(e) => setWho(e.currentTarget.value)} />
        <label for="actie-wanneer">Wanneer</label>
        <input id="actie-wanneer" type="text" maxLength={LIMITS.actionPartChars} placeholder="bijv. voor 1 februari" value={when()} onInput={(e) => setWhen(e.currentTarget.value)} />
        <button type="submit" class="button">
          Voeg actie toe
        </button>
      </form>
    </div>
  );
}

function RecordList(props: { items: { id: string; text: string }[]; label: string; onRemove: (id: string) => void }) {
  return (
    <Show when={props.items.length} fallback={<p class="muted">Nog niets opgeschreven.</p>}>
      <ul class="meeting-records">
        <For each={props.items}>
          {(item) => (
            <li>
              <span dir="auto">{item.text}</span>
              <button type="button" class="button button--secondary button--small" onClick={() => props.onRemove(item.id)}>
                Haal weg<span class="sr-only"> ({props.label}: {item.text})</span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
