// The deck page's folded cards: a link to a card (from the table of contents, or from the library
// with #kaart-…) opens that card and puts the keyboard focus on it, and all cards open or close at once.
// Without JavaScript every card still opens by its summary.
import { Show, createSignal, onCleanup, onMount } from 'solid-js';

const FOLDS = 'details.fold';

function folds(): HTMLDetailsElement[] {
  return [...document.querySelectorAll<HTMLDetailsElement>(FOLDS)];
}

/** Opens the card a fragment names and focuses its summary; false when it names no card. */
function openCard(hash: string): boolean {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  const target = id ? document.getElementById(id) : null;
  if (!(target instanceof HTMLDetailsElement) || !target.matches(FOLDS)) return false;
  target.open = true;
  target.querySelector('summary')?.focus();
  return true;
}

export default function CardFolds() {
  // The buttons need this script, so they appear only once it runs.
  const [ready, setReady] = createSignal(false);
  onMount(() => {
    setReady(true);
    // A click on a link to the card already in the address bar fires no hashchange, so clicks count too.
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
      if (link instanceof HTMLAnchorElement && link.hash === location.hash) openCard(link.hash);
    };
    const onHashChange = () => openCard(location.hash);
    document.addEventListener('click', onClick);
    window.addEventListener('hashchange', onHashChange);
    openCard(location.hash);
    onCleanup(() => {
      document.removeEventListener('click', onClick);
      window.removeEventListener('hashchange', onHashChange);
    });
  });

  const setAll = (open: boolean) => folds().forEach((fold) => (fold.open = open));
  return (
    <Show when={ready()}>
      <div class="button-row fold-controls">
      <button type="button" class="button button--secondary" onClick={() => setAll(true)}>
        Open alle kaarten
      </button>
      <button type="button" class="button button--secondary" onClick={() => setAll(false)}>
        Klap alle kaarten dicht
      </button>
      </div>
    </Show>
  );
}
