// The participant's own post-its on this card (only they see this list): change or withdraw while
// the board is open. Unsent changes show as "wordt verstuurd" until the server confirms them.
import { For, Show, createMemo, createSignal } from 'solid-js';
import type { BoardColour, Card, ParticipantView } from '@protocol';
import { LIMITS, textLength } from '@protocol/constants';
import type { PhoneStore } from './phone-store.ts';
import { useStore } from '../../lib/use-store.ts';

interface Shown {
  key: string;
  id: string | null;
  text: string;
  columnId: string | null;
  state: 'saved' | 'sending' | 'withdrawing';
}

export function OwnPostIts(props: {
  store: PhoneStore;
  card: Card;
  board: NonNullable<ParticipantView['board']>;
  colourOf: (columnId: string | null) => BoardColour;
  labelOf: (columnId: string | null) => string | undefined;
}) {
  const pending = useStore(props.store, (s) => s.pending);
  const [editing, setEditing] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal<string | null>(null);

  // The server's list, with this phone's unsent edits, withdrawals and additions laid over it.
  const shown = createMemo<Shown[]>(() => {
    const mine = pending().filter((c) => 'cardId' in c && c.cardId === props.card.id);
    const saved = props.board.mine.map((p): Shown => {
      const edit = mine.findLast((c) => c.type === 'postIt.edit' && c.postItId === p.id);
      const withdrawn = mine.some((c) => c.type === 'postIt.withdraw' && c.postItId === p.id);
      return {
        key: p.id,
        id: p.id,
        text: edit?.type === 'postIt.edit' ? edit.text : p.text,
        columnId: p.columnId,
        state: withdrawn ? 'withdrawing' : edit ? 'sending' : 'saved',
      };
    });
    const added = mine.flatMap((c): Shown[] =>
      c.type === 'postIt.add' ? [{ key: c.id, id: null, text: c.text, columnId: c.columnId ?? null, state: 'sending' }] : [],
    );
    return [...saved, ...added];
  });

  return (
    <Show when={shown().length}>
      <h2 class="phone-subtitle">Jouw post-its</h2>
      <p class="muted">
        Alleen jij ziet deze lijst.
        {props.board.moderated ? ' De gespreksleider leest je post-it eerst; daarna kan hij op het scherm komen.' : ''}
      </p>
      <ul class="own-postits">
        <For each={shown()}>
          {(postIt, i) => (
            <li>
              <Show
                when={editing() === postIt.id && postIt.id}
                fallback={
                  <>
                    <div class="postit" data-colour={props.colourOf(postIt.columnId)} dir="auto">
                      {postIt.text}
                    </div>
                    <p class="own-postits__meta">
                      <Show when={props.labelOf(postIt.columnId)}>
                        <span class="muted">{props.labelOf(postIt.columnId)}</span>{' '}
                      </Show>
                      <span class="status-line" classList={{ 'status-line--ok': postIt.state === 'saved' }}>
                        {postIt.state === 'saved'
                          ? 'Ontvangen ✓'
                          : postIt.state === 'withdrawing'
                            ? 'Wordt weggehaald…'
                            : 'Wordt verstuurd…'}
                      </span>
                    </p>
                    <Show when={props.board.open && postIt.id && postIt.state === 'saved'}>
                      <Show
                        when={confirming() === postIt.id}
                        fallback={
                          <div class="button-row button-row--tight">
                            <button type="button" class="button button--secondary" onClick={() => setEditing(postIt.id)}>
                              Aanpassen<span class="sr-only"> post-it {i() + 1}</span>
                            </button>
                            <button type="button" class="button button--secondary" onClick={() => setConfirming(postIt.id)}>
                              Haal weg<span class="sr-only"> post-it {i() + 1}</span>
                            </button>
                          </div>
                        }
                      >
                        <div class="button-row button-row--tight" role="group" aria-label="Post-it weghalen?">
                          <button
                            type="button"
                            class="button button--danger"
                            onClick={() => {
                              setConfirming(null);
                              void props.store.send({ type: 'postIt.withdraw', cardId: props.card.id, postItId: postIt.id! });
                            }}
                          >
                            Ja, haal weg
                          </button>
                          <button type="button" class="button button--secondary" onClick={() => setConfirming(null)}>
                            Nee
                          </button>
                        </div>
                      </Show>
                    </Show>
                  </>
                }
              >
                {(id) => (
                  <EditPostIt
                    initial={postIt.text}
                    onCancel={() => setEditing(null)}
                    onSave={(text) => {
                      // Read the id before closing the editor: afterwards this branch is gone.
                      const postItId = id();
                      setEditing(null);
                      void props.store.send({ type: 'postIt.edit', cardId: props.card.id, postItId, text });
                    }}
                  />
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function EditPostIt(props: { initial: string; onSave: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = createSignal(props.initial);
  const length = createMemo(() => textLength(text()));
  const tooLong = () => length() > LIMITS.postItChars;
  return (
    <form
      class="field"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        if (text().trim() && !tooLong()) props.onSave(text().trim());
      }}
    >
      <label for="postit-aanpassen">Pas je post-it aan</label>
      <textarea
        id="postit-aanpassen"
        rows={4}
        value={text()}
        ref={(el) => queueMicrotask(() => el.focus())}
        onInput={(e) => setText(e.currentTarget.value)}
        aria-invalid={tooLong() ? 'true' : undefined}
        aria-describedby="postit-aanpassen-teller"
      />
      <p class="counter" id="postit-aanpassen-teller" classList={{ 'counter--over': tooLong() }}>
        {length()}/{LIMITS.postItChars}
        <Show when={tooLong()}>
          <span> — te lang</span>
        </Show>
      </p>
      <div class="button-row button-row--tight">
        <button type="submit" class="button">
          Bewaar
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onCancel()}>
          Annuleer
        </button>
      </div>
    </form>
  );
}
