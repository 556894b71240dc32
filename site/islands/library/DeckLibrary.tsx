// The library: every deck and every card, filtered by theme and by audience. Rendered on the server
// with nothing filtered, so without JavaScript it simply lists everything; the filters appear when
// this script runs, and the number of cards found is announced as it changes.
import { For, Show, createMemo, createSignal, onMount } from 'solid-js';
import type { DeckTheme } from '@protocol';
import { CardTags } from '../../components/library/CardTags.tsx';
import { AUDIENCES, AUDIENCE_LABEL, cardAnchor, type Audience } from '../../components/library/deck-view.ts';

export interface LibraryCard {
  id: string;
  title: string;
  summary: string;
  kindLabel: string;
  theme?: DeckTheme;
  audience: Audience[];
  /** Shown only when the card names its audience itself (a deck's own audience says it otherwise). */
  showAudience: boolean;
}

export interface LibraryDeck {
  id: string;
  title: string;
  summary: string;
  audience: string;
  cards: LibraryCard[];
}

const CHOICES = 'library-filters__choices';

/** Within a group any checked box matches; nothing checked means no filter. Groups must all match. */
function matches(card: LibraryCard, themes: string[], audiences: Audience[]): boolean {
  const themeOk = themes.length === 0 || (card.theme !== undefined && themes.includes(card.theme.id));
  const audienceOk = audiences.length === 0 || card.audience.some((a) => audiences.includes(a));
  return themeOk && audienceOk;
}

export default function DeckLibrary(props: { decks: LibraryDeck[]; themes: DeckTheme[] }) {
  const [ready, setReady] = createSignal(false);
  onMount(() => setReady(true));
  const [themes, setThemes] = createSignal<string[]>([]);
  const [audiences, setAudiences] = createSignal<Audience[]>([]);
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  const total = () => props.decks.reduce((n, d) => n + d.cards.length, 0);
  const shown = createMemo(() =>
    props.decks
      .map((deck) => ({ deck, cards: deck.cards.filter((card) => matches(card, themes(), audiences())) }))
      .filter(({ cards }) => cards.length > 0),
  );
  const count = () => shown().reduce((n, s) => n + s.cards.length, 0);
  const filtered = () => themes().length + audiences().length > 0;
  const countText = () => {
    if (!filtered()) return `${total()} kaarten in ${props.decks.length} kaartsets`;
    if (count() === 0) return 'Geen kaarten gevonden. Zet een filter uit om meer te zien.';
    return `${count()} van de ${total()} kaarten gevonden, in ${shown().length} ${shown().length === 1 ? 'kaartset' : 'kaartsets'}`;
  };

  return (
    <>
      <Show when={ready()}>
        <form class="library-filters" aria-labelledby="filter-titel" onSubmit={(e) => e.preventDefault()}>
          <h2 id="filter-titel" class="sr-only">
            Filters
          </h2>
          <fieldset>
            <legend>Voor wie?</legend>
            <div class={`${CHOICES} ${CHOICES}--row`}>
              <For each={AUDIENCES}>
                {(a) => (
                  <label class="choice">
                    <input
                      type="checkbox"
                      name="doelgroep"
                      value={a}
                      checked={audiences().includes(a)}
                      onChange={(e) => setAudiences(toggle(audiences(), a, e.currentTarget.checked))}
                    />
                    {AUDIENCE_LABEL[a]}
                  </label>
                )}
              </For>
            </div>
          </fieldset>
          <Show when={props.themes.length}>
            <fieldset>
              <legend>Thema</legend>
              <div class={CHOICES}>
                <For each={props.themes}>
                  {(theme) => (
                    <label class="choice">
                      <input
                        type="checkbox"
                        name="thema"
                        value={theme.id}
                        checked={themes().includes(theme.id)}
                        onChange={(e) => setThemes(toggle(themes(), theme.id, e.currentTarget.checked))}
                      />
                      <span class="theme-chip" data-colour={theme.colour}>
                        {theme.title}
                      </span>
                    </label>
                  )}
                </For>
              </div>
            </fieldset>
          </Show>
          <Show when={filtered()}>
            <p>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  setThemes([]);
                  setAudiences([]);
                }}
              >
                Zet alle filters uit
              </button>
            </p>
          </Show>
        </form>
      </Show>

      <p class="library-count" role="status">
        {countText()}
      </p>

      <For each={shown()}>
        {({ deck, cards }) => (
          <section class="library-deck" aria-labelledby={`kaartset-${deck.id}`}>
            <h2 id={`kaartset-${deck.id}`}>
              <a href={`/decks/${deck.id}/`}>{deck.title}</a>
            </h2>
            <p class="muted">
              {deck.audience} · {cards.length === deck.cards.length ? `${cards.length} kaarten` : `${cards.length} van de ${deck.cards.length} kaarten`}
            </p>
            <p>{deck.summary}</p>
            <ul class="library-cards">
              <For each={cards}>
                {(card) => (
                  <li>
                    <span class="card__kind">{card.kindLabel}</span>
                    <h3 class="library-card__title">
                      <a href={`/decks/${deck.id}/#${cardAnchor(card)}`}>{card.title}</a>
                    </h3>
                    <p class="library-card__summary">{card.summary}</p>
                    <CardTags theme={card.theme} audience={card.showAudience ? card.audience : undefined} />
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
    </>
  );
}
