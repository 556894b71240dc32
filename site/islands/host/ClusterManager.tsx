// The host's groups on a board: make one, rename it in place, remove it (its post-its go back to
// "Zonder groep"). The server decides whether a name is allowed (length, no duplicates); its message
// is shown at the field. Only an empty field is caught here, before a round trip.
import { For, Show, createMemo, createSignal, createUniqueId, type JSX } from 'solid-js';
import type { HostView } from '@protocol';
import { LIMITS, textLength } from '@protocol/constants';
import { NO_CLUSTER } from './board-places.ts';
import type { Send } from './HostScreen.tsx';

type Board = NonNullable<HostView['board']>;

const emptyName = (name: string): string | null => (name.trim() ? null : 'Geef de groep eerst een naam.');

/** A name field with its label, counter and problem, shared by "make" and "rename". */
function NameField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  problem: string | null;
  ref?: (el: HTMLInputElement) => void;
  onEscape?: () => void;
  /** The buttons, on the input's line. */
  children: JSX.Element;
}) {
  const length = createMemo(() => textLength(props.value));
  const tooLong = () => length() > LIMITS.clusterNameChars;
  const describedBy = () => [`${props.id}-teller`, props.problem ? `${props.id}-fout` : ''].filter(Boolean).join(' ');
  return (
    <div class="cluster-field">
      <label for={props.id}>{props.label}</label>
      <Show when={props.problem}>
        <span class="field__error" id={`${props.id}-fout`}>
          {props.problem}
        </span>
      </Show>
      <div class="cluster-field__row">
        <input
          ref={props.ref}
          id={props.id}
          type="text"
          autocomplete="off"
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && props.onEscape) {
              e.preventDefault();
              props.onEscape();
            }
          }}
          aria-invalid={props.problem || tooLong() ? 'true' : undefined}
          aria-describedby={describedBy()}
        />
        {props.children}
      </div>
      <p class="counter" id={`${props.id}-teller`} classList={{ 'counter--over': tooLong() }}>
        {length()}/{LIMITS.clusterNameChars}
        <Show when={tooLong()}>
          <span> — te lang</span>
        </Show>
      </p>
    </div>
  );
}

export function ClusterManager(props: { cardId: string; board: Board; send: Send; announce: (text: string) => void }) {
  const uid = createUniqueId();
  const [name, setName] = createSignal('');
  const [problem, setProblem] = createSignal<string | null>(null);
  const [editing, setEditing] = createSignal<string | null>(null);
  const [newName, setNewName] = createSignal('');
  const [renameProblem, setRenameProblem] = createSignal<string | null>(null);
  let listHeading: HTMLHeadingElement | undefined;
  const renameButtons = new Map<string, HTMLButtonElement>();
  let renameInput: HTMLInputElement | undefined;
  let nameInput: HTMLInputElement | undefined;

  const counts = createMemo(() => {
    const counts = new Map<string, number>();
    for (const p of props.board.postIts) {
      if (p.status === 'approved' && p.clusterId) counts.set(p.clusterId, (counts.get(p.clusterId) ?? 0) + 1);
    }
    return counts;
  });
  const clusterName = (id: string) => props.board.clusters.find((c) => c.id === id)?.name ?? '';

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const wanted = name().trim();
    const wrong = emptyName(wanted);
    setProblem(wrong);
    // Back to the field, which now reads out the problem with it.
    if (wrong) return nameInput?.focus();
    const ack = await props.send({ type: 'cluster.create', cardId: props.cardId, name: wanted }, { showsRefusal: true });
    if (!ack.ok) {
      setProblem(ack.message);
      return nameInput?.focus();
    }
    setName('');
    props.announce(`Groep ${wanted} gemaakt.`);
  };

  const startRename = (id: string) => {
    setNewName(clusterName(id));
    setRenameProblem(null);
    setEditing(id);
    queueMicrotask(() => renameInput?.select());
  };
  const stopRename = (id: string) => {
    setEditing(null);
    queueMicrotask(() => renameButtons.get(id)?.focus());
  };
  const rename = async (event: SubmitEvent, id: string) => {
    event.preventDefault();
    const wanted = newName().trim();
    const wrong = emptyName(wanted);
    setRenameProblem(wrong);
    if (wrong) return renameInput?.focus();
    const ack = await props.send({ type: 'cluster.rename', cardId: props.cardId, clusterId: id, name: wanted }, { showsRefusal: true });
    if (!ack.ok) {
      setRenameProblem(ack.message);
      return renameInput?.focus();
    }
    props.announce(`Groep heet nu ${wanted}.`);
    stopRename(id);
  };
  const remove = async (id: string) => {
    const was = clusterName(id);
    const ack = await props.send({ type: 'cluster.remove', cardId: props.cardId, clusterId: id });
    if (!ack.ok) return;
    props.announce(`Groep ${was} verwijderd. De post-its staan weer bij ${NO_CLUSTER}.`);
    listHeading?.focus();
  };

  return (
    <div class="clusters">
      <form class="clusters__new" onSubmit={create} novalidate aria-labelledby={`${uid}-nieuw`}>
        <h4 id={`${uid}-nieuw`}>Nieuwe groep</h4>
        <NameField
          id={`${uid}-naam`}
          label="Naam van de groep"
          ref={(el) => (nameInput = el)}
          value={name()}
          onInput={(value) => {
            setName(value);
            if (problem()) setProblem(null);
          }}
          problem={problem()}
        >
          <button type="submit" class="button button--small">
            Maak groep
          </button>
        </NameField>
      </form>

      <Show when={props.board.clusters.length}>
        <div class="clusters__groups">
          <h4 ref={listHeading} tabindex="-1" class="clusters__heading">
            Groepen
          </h4>
          <ul class="clusters__list">
            <For each={props.board.clusters.map((c) => c.id)}>
              {(id) => (
                <li class="clusters__item">
                  <Show
                    when={editing() === id}
                    fallback={
                      <>
                        <span class="clusters__name" id={`${uid}-${id}`} dir="auto">
                          {clusterName(id)}
                        </span>
                        <span class="muted clusters__count">
                          {counts().get(id) ?? 0} {(counts().get(id) ?? 0) === 1 ? 'post-it' : 'post-its'}
                        </span>
                        <span class="clusters__actions">
                          <button
                            ref={(el) => renameButtons.set(id, el)}
                            type="button"
                            class="button button--secondary button--small"
                            aria-describedby={`${uid}-${id}`}
                            onClick={() => startRename(id)}
                          >
                            Hernoem
                          </button>
                          <button
                            type="button"
                            class="button button--secondary button--small"
                            aria-describedby={`${uid}-${id}`}
                            onClick={() => void remove(id)}
                          >
                            Verwijder groep
                          </button>
                        </span>
                      </>
                    }
                  >
                    <form class="clusters__rename" onSubmit={(e) => void rename(e, id)} novalidate>
                      <NameField
                        id={`${uid}-${id}-naam`}
                        label={`Nieuwe naam voor groep ${clusterName(id)}`}
                        value={newName()}
                        onInput={setNewName}
                        problem={renameProblem()}
                        ref={(el) => (renameInput = el)}
                        onEscape={() => stopRename(id)}
                      >
                        <button type="submit" class="button button--small">
                          Hernoem
                        </button>
                        <button type="button" class="button button--secondary button--small" onClick={() => stopRename(id)}>
                          Annuleer
                        </button>
                      </NameField>
                    </form>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </div>
  );
}
