// Which keys the beamer knows, shown with ? (or the small button), and a hint on first load that
// fades by itself, so a teacher finds full screen and the wall's paging without a manual.
import { For, Show, createSignal, onCleanup, onMount, type Accessor } from 'solid-js';

/** How long the first-load hint stays before it fades. */
export const HINT_MS = 8000;

const KEYS: [keys: string[], what: string][] = [
  [['F'], 'Volledig scherm aan of uit'],
  [['→', 'PageDown'], 'Volgende pagina van de muur'],
  [['←', 'PageUp'], 'Vorige pagina van de muur'],
  [['P'], 'De muur stilzetten of verder laten bladeren'],
  [['?'], 'Deze uitleg tonen of verbergen'],
  [['Esc'], 'Deze uitleg sluiten'],
];

/** The help's button, panel and hint; `open` is held by the page, whose keys (beamer-keys.ts) toggle it too. */
export function KeyHelp(props: { open: Accessor<boolean>; toggle: () => void }) {
  const open = () => props.open();
  const [hint, setHint] = createSignal(true);
  onMount(() => {
    const timer = setTimeout(() => setHint(false), HINT_MS);
    onCleanup(() => clearTimeout(timer));
  });
  return (
    <div class="beamer-keys">
      <Show when={open()}>
        <section id="beamer-toetsen" class="beamer-keys__panel" aria-labelledby="beamer-toetsen-titel">
          <h2 id="beamer-toetsen-titel">Toetsen</h2>
          <dl>
            <For each={KEYS}>
              {([keys, what]) => (
                <div>
                  <dt>
                    <For each={keys}>{(key, i) => <>{i() > 0 ? ' of ' : ''}<kbd>{key}</kbd></>}</For>
                  </dt>
                  <dd>{what}</dd>
                </div>
              )}
            </For>
          </dl>
        </section>
      </Show>
      <Show when={hint() && !open()}>
        <p class="beamer-keys__hint" aria-hidden="true">
          Druk op <kbd>?</kbd> voor de toetsen, <kbd>F</kbd> voor volledig scherm
        </p>
      </Show>
      <button
        type="button"
        class="beamer-keys__button"
        aria-expanded={open()}
        aria-controls="beamer-toetsen"
        onClick={() => props.toggle()}
      >
        <span aria-hidden="true">?</span>
        <span class="sr-only">Toetsen</span>
      </button>
    </div>
  );
}
