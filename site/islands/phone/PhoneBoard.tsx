// Writing post-its: a text field with a live counter, a column choice when the board has columns,
// and the participant's own post-its to change or withdraw while the board is open.
import { For, Show, createEffect, createMemo, createSignal, on, onCleanup, untrack } from 'solid-js';
import type { Card, ParticipantView } from '@protocol';
import { LIMITS, textLength } from '@protocol/constants';
import { scaleOptions } from '@protocol/scales';
import type { PhoneStore } from './phone-store.ts';
import { useStore } from '../../lib/use-store.ts';
import { columnColour, columnLabel } from '../../components/card/labels.ts';
import { OwnPostIts } from './OwnPostIts.tsx';

/**
 * Half-written post-its per card. A draft stays with the card it was written for and comes back
 * when the host returns to it, instead of moving on to the next theme and being filed there.
 * Kept for this page only (a phone follows one room per page).
 */
const drafts = new Map<string, { text: string; columnId: string | null }>();

export function PhoneBoard(props: { store: PhoneStore; card: Card; board: NonNullable<ParticipantView['board']> }) {
  const error = useStore(props.store, (s) => s.error);
  const pending = useStore(props.store, (s) => s.pending);
  const [text, setText] = createSignal('');
  const [columnId, setColumnId] = createSignal<string | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const columns = () => props.card.board?.columns ?? [];
  /** Columns named after the card's answers (Nooit / Soms / Vaak), or after questions of their own. */
  const byAnswer = () => {
    const answers = props.card.vote ? scaleOptions(props.card.vote).map((o) => o.label) : [];
    return columns().every((column) => answers.includes(column.label));
  };
  const length = createMemo(() => textLength(text()));
  const tooLong = () => length() > LIMITS.postItChars;
  const pendingAdds = () => pending().filter((c) => c.type === 'postIt.add' && c.cardId === props.card.id);
  const used = () => props.board.mine.length + pendingAdds().length;

  const keepDraft = (cardId: string) => drafts.set(cardId, { text: text(), columnId: columnId() });
  const takeDraft = (cardId: string) => {
    const draft = drafts.get(cardId);
    drafts.delete(cardId);
    setText(draft?.text ?? '');
    setColumnId(draft?.columnId ?? null);
    setProblem(null);
  };
  // The card this field belongs to, remembered here: when the card changes, the props already
  // name the new one, also in a cleanup.
  let current = untrack(() => props.card.id);
  takeDraft(current);
  createEffect(
    on(
      () => props.card.id,
      (cardId) => {
        if (cardId === current) return;
        keepDraft(current);
        current = cardId;
        takeDraft(cardId);
      },
      { defer: true },
    ),
  );
  onCleanup(() => keepDraft(current));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const written = text().trim();
    if (!written) return setProblem('Schrijf eerst iets op.');
    if (tooLong()) return setProblem(`Je post-it is te lang. Haal er ${length() - LIMITS.postItChars} tekens af.`);
    if (columns().length && !columnId()) return setProblem(`Kies eerst bij welk${byAnswer() ? ' antwoord' : 'e vraag'} je post-it hoort.`);
    setProblem(null);
    // The field empties at once (the post-it shows below as "wordt verstuurd"); if the server
    // refuses it, the text comes back so nothing typed is lost.
    setText('');
    const cardId = props.card.id;
    const ack = await props.store.send({ type: 'postIt.add', cardId, text: written, columnId: columnId() });
    if (ack.ok) return;
    // Still on that card: put the text back in the field; moved on: keep it as that card's draft.
    if (props.card.id === cardId) {
      if (!text()) setText(written);
    } else if (!drafts.get(cardId)?.text) drafts.set(cardId, { text: written, columnId: null });
  };

  return (
    <section class="phone-board" aria-labelledby="bordvraag">
      <p class="vote-question" id="bordvraag">
        {props.card.board?.prompt}
      </p>
      <Show when={props.board.open} fallback={<p class="status-line">Het bord is gesloten. Je kunt nu niets plakken of aanpassen.</p>}>
        <form onSubmit={submit} novalidate>
          <Show when={columns().length}>
            <fieldset>
              <legend>{byAnswer() ? 'Bij welk antwoord hoort je post-it?' : 'Bij welke vraag hoort je post-it?'}</legend>
              <For each={columns()}>
                {(column) => (
                  <label class="choice">
                    <input
                      type="radio"
                      name="kolom"
                      value={column.id}
                      checked={columnId() === column.id}
                      onChange={() => setColumnId(column.id)}
                    />
                    <span class="postit choice__postit" data-colour={column.colour}>
                      {column.label}
                    </span>
                  </label>
                )}
              </For>
            </fieldset>
          </Show>
          <div class="field">
            <label for="postit-tekst">Jouw post-it</label>
            <span class="field__hint" id="postit-hint">
              Eén idee per post-it. Noem geen namen.
            </span>
            <Show when={problem()}>
              <span class="field__error" id="postit-fout">
                {problem()}
              </span>
            </Show>
            <textarea
              id="postit-tekst"
              rows={4}
              value={text()}
              onInput={(e) => setText(e.currentTarget.value)}
              aria-invalid={problem() || tooLong() ? 'true' : undefined}
              aria-describedby={`postit-hint postit-teller${problem() ? ' postit-fout' : ''}`}
            />
            <p class="counter" id="postit-teller" classList={{ 'counter--over': tooLong() }}>
              {length()}/{LIMITS.postItChars}
              <Show when={tooLong()}>
                <span> — te lang</span>
              </Show>
            </p>
          </div>
          <div class="button-row">
            <button type="submit" class="button button--large">
              Plak
            </button>
            <span class="muted">
              {used()} van {LIMITS.postItsPerParticipantPerCard} post-its
            </span>
          </div>
        </form>
      </Show>
      <div aria-live="assertive">
        <Show when={error()}>
          <p class="notice notice--error">{error()}</p>
        </Show>
      </div>
      <OwnPostIts
        store={props.store}
        card={props.card}
        board={props.board}
        colourOf={(id) => columnColour(props.card, id)}
        labelOf={(id) => columnLabel(props.card, id)}
      />
    </section>
  );
}
