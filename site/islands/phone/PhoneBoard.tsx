// Writing post-its: a text field with a live counter, a column choice when the board has columns,
// and the participant's own post-its to change or withdraw while the board is open.
import { For, Show, createMemo, createSignal } from 'solid-js';
import type { Card, ParticipantView } from '@protocol';
import { LIMITS, textLength } from '@protocol/constants';
import type { PhoneStore } from '../../stores/screens.ts';
import { useStore } from '../../lib/use-store.ts';
import { columnColour, columnLabel } from '../../components/card/labels.ts';
import { OwnPostIts } from './OwnPostIts.tsx';

export function PhoneBoard(props: { store: PhoneStore; card: Card; board: NonNullable<ParticipantView['board']> }) {
  const error = useStore(props.store, (s) => s.error);
  const pending = useStore(props.store, (s) => s.pending);
  const [text, setText] = createSignal('');
  const [columnId, setColumnId] = createSignal<string | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const columns = () => props.card.board?.columns ?? [];
  const length = createMemo(() => textLength(text()));
  const tooLong = () => length() > LIMITS.postItChars;
  const pendingAdds = () => pending().filter((c) => c.type === 'postIt.add' && c.cardId === props.card.id);
  const used = () => props.board.mine.length + pendingAdds().length;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const written = text().trim();
    if (!written) return setProblem('Schrijf eerst iets op.');
    if (tooLong()) return setProblem(`Je post-it is te lang. Haal er ${length() - LIMITS.postItChars} tekens af.`);
    if (columns().length && !columnId()) return setProblem('Kies eerst bij welke vraag je post-it hoort.');
    setProblem(null);
    // The field empties at once (the post-it shows below as "wordt verstuurd"); if the server
    // refuses it, the text comes back so nothing typed is lost.
    setText('');
    const ack = await props.store.send({ type: 'postIt.add', cardId: props.card.id, text: written, columnId: columnId() });
    if (!ack.ok && !text()) setText(written);
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
              <legend>Bij welke vraag hoort je post-it?</legend>
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
