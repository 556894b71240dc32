// "Eigen situatie toevoegen": the host writes a situation of the group's own, which the server
// plays right after the current card. Limits are the server's; the form says them before sending.
import { For, Show, createMemo, createSignal, onCleanup } from 'solid-js';
import type { OWN_CARD_SCALES } from '@protocol';
import { LIMITS, textLength } from '@protocol/constants';
import { NAMED_SCALES } from '@protocol/scales';
import type { Send } from './HostScreen.tsx';

type OwnCardScale = (typeof OWN_CARD_SCALES)[number];
/** In the order the select offers them; every scale the server takes is listed (the type checks). */
const SCALE_ORDER: Record<OwnCardScale, number> = { 'oke-twijfel-niet-oke': 0, 'eens-oneens': 1, 'nooit-soms-vaak': 2 };
const SCALES = (Object.keys(SCALE_ORDER) as OwnCardScale[]).sort((a, b) => SCALE_ORDER[a] - SCALE_ORDER[b]);
/** "Oké / twijfel / niet oké": the answers a phone will show. */
const scaleWords = (scale: OwnCardScale) => NAMED_SCALES[scale].map((o, i) => (i === 0 ? o.label : o.label.toLowerCase())).join(' / ');

interface Problems {
  title?: string;
  situation?: string;
  form?: string;
}

export function OwnCardForm(props: { send: Send }) {
  const [title, setTitle] = createSignal('');
  const [situation, setSituation] = createSignal('');
  const [scale, setScale] = createSignal<OwnCardScale>(SCALES[0]!);
  const [problems, setProblems] = createSignal<Problems>({});
  const [done, setDone] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const situationLength = createMemo(() => textLength(situation()));
  const left = () => LIMITS.ownCardSituationChars - situationLength();

  // The count a screen reader hears: only once typing pauses, not at every key.
  const [spokenCount, setSpokenCount] = createSignal('');
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(countTimer));
  const typed = (value: string) => {
    setSituation(value);
    setDone(null);
    clearTimeout(countTimer);
    countTimer = setTimeout(() => setSpokenCount(left() >= 0 ? `Nog ${left()} tekens over.` : `${-left()} tekens te veel.`), 1000);
  };

  let titleField: HTMLInputElement | undefined;
  let situationField: HTMLTextAreaElement | undefined;

  const check = (): Problems => {
    const found: Problems = {};
    const titleLength = textLength(title().trim());
    if (!titleLength) found.title = 'Geef de situatie een korte titel.';
    else if (titleLength > LIMITS.ownCardTitleChars) found.title = `De titel is te lang: hoogstens ${LIMITS.ownCardTitleChars} tekens.`;
    if (!situation().trim()) found.situation = 'Beschrijf wat er gebeurt.';
    else if (left() < 0) found.situation = `De situatie is te lang: hoogstens ${LIMITS.ownCardSituationChars} tekens, zodat iedereen hem op de telefoon kan lezen.`;
    return found;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setDone(null);
    const found = check();
    setProblems(found);
    if (found.title) return titleField?.focus();
    if (found.situation) return situationField?.focus();
    setBusy(true);
    const ack = await props.send({ type: 'card.add', title: title().trim(), situation: situation().trim(), scale: scale() }, { showsRefusal: true });
    setBusy(false);
    if (!ack.ok) return setProblems({ form: ack.message });
    setTitle('');
    setSituation('');
    setSpokenCount('');
    setDone('Toegevoegd: komt na deze kaart.');
  };

  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <form class="own-card" onSubmit={(e) => void submit(e)} novalidate>
      <p class="notice" id="eigen-herinnering">
        <strong>Beschrijf wat er gebeurt, niet wie. Noem geen namen.</strong> De kaart komt op de beamer en op alle telefoons, direct na de
        kaart die nu op het scherm staat.
      </p>

      <div class="field">
        <label for="eigen-titel">Titel</label>
        <span class="field__hint" id="eigen-titel-hint">
          Kort, bijvoorbeeld: Een grap in de groepsapp. Hoogstens {LIMITS.ownCardTitleChars} tekens.
        </span>
        <Show when={problems().title}>
          <span class="field__error" id="eigen-titel-fout">
            <span class="sr-only">Fout: </span>
            {problems().title}
          </span>
        </Show>
        <input
          ref={titleField}
          id="eigen-titel"
          type="text"
          autocomplete="off"
          value={title()}
          onInput={(e) => {
            setTitle(e.currentTarget.value);
            setDone(null);
          }}
          aria-invalid={problems().title ? 'true' : undefined}
          aria-describedby={describedBy('eigen-titel-hint', problems().title && 'eigen-titel-fout')}
        />
      </div>

      <div class="field">
        <label for="eigen-situatie">Wat gebeurt er?</label>
        <Show when={problems().situation}>
          <span class="field__error" id="eigen-situatie-fout">
            <span class="sr-only">Fout: </span>
            {problems().situation}
          </span>
        </Show>
        <textarea
          ref={situationField}
          id="eigen-situatie"
          rows={4}
          value={situation()}
          onInput={(e) => typed(e.currentTarget.value)}
          aria-invalid={problems().situation ? 'true' : undefined}
          aria-describedby={describedBy('eigen-herinnering', problems().situation && 'eigen-situatie-fout', 'eigen-situatie-teller')}
        />
        <p class="counter" id="eigen-situatie-teller" classList={{ 'counter--over': left() < 0 }}>
          {situationLength()} van {LIMITS.ownCardSituationChars} tekens
          <Show when={left() < 0}>
            <span> — te lang</span>
          </Show>
        </p>
        <p class="sr-only" aria-live="polite">
          {spokenCount()}
        </p>
      </div>

      <div class="field">
        <label for="eigen-schaal">Antwoorden op de telefoon</label>
        <select id="eigen-schaal" value={scale()} onChange={(e) => setScale(e.currentTarget.value as OwnCardScale)}>
          <For each={SCALES}>{(name) => <option value={name}>{scaleWords(name)}</option>}</For>
        </select>
      </div>

      <div aria-live="polite">
        <Show when={problems().form}>
          <p class="notice notice--error">{problems().form}</p>
        </Show>
        <Show when={done()}>
          <p class="status-line status-line--ok">{done()}</p>
        </Show>
      </div>
      <button type="submit" class="button" disabled={busy()}>
        Voeg de situatie toe
      </button>
    </form>
  );
}
