// Picking which cards to play and in which order: a whole theme at once, card by card, shuffled,
// or moved one place at a time. Used by the start form and the host console; the parent keeps the
// selection (a list of card ids), so each decides what "save" means.
import { For, Show, createEffect, createMemo, createSignal } from 'solid-js';
import type { BoardColour } from '@protocol';
import { CARD_KIND_LABEL } from '../card/labels.ts';
import { moveCard, shuffleCards, shuffleableCount, withCards, withoutCards, type PickerCard } from './card-order.ts';
import '../../styles/card-picker.css';

export type { PickerCard };
export interface PickerTheme {
  id: string;
  title: string;
  colour: BoardColour;
}

const kindLabel = (kind: string) => CARD_KIND_LABEL[kind as keyof typeof CARD_KIND_LABEL] ?? kind;
const cardCount = (n: number) => `${n} ${n === 1 ? 'kaart' : 'kaarten'}`;

export function CardPicker(props: {
  /** Prefix for element ids: unique on the page. */
  id: string;
  /** Every card that may be played, in the deck's order. */
  cards: readonly PickerCard[];
  themes: readonly PickerTheme[];
  /** The picked cards, in playing order. */
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** A card that has to stay in (the one on the screen now). */
  locked?: string | null;
}) {
  const byId = createMemo(() => new Map(props.cards.map((c) => [c.id, c])));
  const deckOrder = createMemo(() => props.cards.map((c) => c.id));
  const chosen = createMemo(() => new Set(props.selected));
  const themeTitle = createMemo(() => new Map(props.themes.map((t) => [t.id, t.title])));
  const [announcement, setAnnouncement] = createSignal('');

  const groups = createMemo(() => {
    const themed = props.themes
      .map((theme) => ({ id: theme.id, title: theme.title, colour: theme.colour as BoardColour | null, cards: props.cards.filter((c) => c.theme === theme.id) }))
      .filter((g) => g.cards.length > 0);
    const known = new Set(themed.map((g) => g.id));
    const rest = props.cards.filter((c) => !c.theme || !known.has(c.theme));
    return rest.length ? [...themed, { id: 'overig', title: themed.length ? 'Andere kaarten' : 'Alle kaarten', colour: null, cards: rest }] : themed;
  });
  const themeGroups = () => groups().filter((g) => g.colour !== null);
  const kindOf = (id: string) => byId().get(id)?.kind;
  const canShuffle = () => props.cards.some((c) => c.kind === 'dilemma');
  const title = (id: string) => byId().get(id)?.title ?? id;

  const toggle = (ids: string[], on: boolean) =>
    props.onChange(on ? withCards(props.selected, ids, deckOrder()) : withoutCards(props.selected, ids, props.locked));

  const move = (id: string, by: -1 | 1) => {
    const next = moveCard(props.selected, id, by);
    props.onChange(next);
    setAnnouncement(`‘${title(id)}’ staat nu op plek ${next.indexOf(id) + 1} van ${next.length}.`);
    // The row moved: keep the focus on its button, or on the other one when this end is reached.
    queueMicrotask(() => {
      const here = document.getElementById(moveId(id, by));
      const other = document.getElementById(moveId(id, by === -1 ? 1 : -1));
      (here && !(here as HTMLButtonElement).disabled ? here : other)?.focus();
    });
  };
  const moveId = (id: string, by: -1 | 1) => `${props.id}-${by === -1 ? 'eerder' : 'later'}-${id}`;

  const shuffle = () => {
    props.onChange(shuffleCards(props.selected, kindOf));
    setAnnouncement('De dilemma’s staan in een nieuwe volgorde. Opening vooraan, afspraken en afsluiting achteraan.');
  };
  const everything = () => {
    props.onChange(withCards(props.selected, deckOrder(), deckOrder()));
    setAnnouncement('Alle kaarten zijn gekozen.');
  };

  return (
    <div class="card-picker" id={props.id}>
      <p class="card-picker__count" role="status">
        {cardCount(props.selected.length)} gekozen
      </p>

      <Show when={themeGroups().length}>
        <fieldset class="card-picker__themes">
          <legend>Kies per thema</legend>
          <p class="field__hint">Een vinkje zet alle kaarten van dat thema aan of uit.</p>
          <For each={themeGroups()}>
            {(group) => {
              const ids = () => group.cards.map((c) => c.id);
              const picked = () => ids().filter((id) => chosen().has(id)).length;
              let box: HTMLInputElement | undefined;
              // Some but not all of the theme's cards: the box shows "half" (read out as "gedeeltelijk").
              createEffect(() => {
                if (box) box.indeterminate = picked() > 0 && picked() < ids().length;
              });
              return (
                <label class="choice card-picker__theme">
                  <input
                    ref={box}
                    type="checkbox"
                    checked={picked() === ids().length}
                    onChange={(e) => toggle(ids(), e.currentTarget.checked)}
                  />
                  <span class="card-picker__swatch" data-colour={group.colour} aria-hidden="true" />
                  <span>
                    {group.title} <span class="card-picker__meta">({picked()} van {cardCount(ids().length)})</span>
                  </span>
                </label>
              );
            }}
          </For>
        </fieldset>
      </Show>

      <details class="card-picker__fold">
        <summary>Kies per kaart</summary>
        <For each={groups()}>
          {(group) => (
            <fieldset class="card-picker__group">
              <legend>{group.title}</legend>
              <For each={group.cards}>
                {(card) => {
                  const isLocked = () => card.id === props.locked;
                  const boxId = `${props.id}-kaart-${card.id}`;
                  return (
                    <label class="choice" for={boxId}>
                      <input
                        id={boxId}
                        type="checkbox"
                        checked={chosen().has(card.id)}
                        disabled={isLocked()}
                        aria-describedby={isLocked() ? `${boxId}-nu` : undefined}
                        onChange={(e) => toggle([card.id], e.currentTarget.checked)}
                      />
                      <span>
                        {card.title}
                        <span class="card-picker__meta"> · {kindLabel(card.kind)}</span>
                        <Show when={isLocked()}>
                          <span class="card-picker__note" id={`${boxId}-nu`}>
                            {' '}
                            staat nu op het scherm
                          </span>
                        </Show>
                      </span>
                    </label>
                  );
                }}
              </For>
            </fieldset>
          )}
        </For>
      </details>

      <fieldset class="card-picker__order">
        <legend>Volgorde</legend>
        <div class="card-picker__tools">
          <Show when={canShuffle()}>
            <button type="button" class="button button--secondary" disabled={shuffleableCount(props.selected, kindOf) < 2} onClick={shuffle}>
              Schud de volgorde
            </button>
          </Show>
          <button type="button" class="button button--secondary" disabled={props.selected.length === props.cards.length} onClick={everything}>
            Kies alle kaarten
          </button>
        </div>
        <Show when={canShuffle()}>
          <p class="field__hint">Schudden mengt de dilemma’s. De opening blijft vooraan, de afspraken en de afsluiting blijven achteraan.</p>
        </Show>
        <Show when={props.selected.length} fallback={<p class="card-picker__empty">Nog geen kaarten gekozen. Kies een thema of losse kaarten.</p>}>
          <ol class="card-picker__list" aria-label="Gekozen kaarten, in volgorde">
            <For each={props.selected}>
              {(id, i) => (
                <li class="card-picker__item" classList={{ 'card-picker__item--now': id === props.locked }}>
                  <span class="card-picker__num" aria-hidden="true">
                    {i() + 1}
                  </span>
                  <span class="card-picker__title">
                    {title(id)}
                    <span class="card-picker__meta">
                      {' '}
                      · {kindLabel(kindOf(id) ?? '')}
                      {byId().get(id)?.theme ? ` · ${themeTitle().get(byId().get(id)!.theme!) ?? ''}` : ''}
                    </span>
                    <Show when={id === props.locked}>
                      <span class="card-picker__note"> · staat nu op het scherm</span>
                    </Show>
                  </span>
                  <span class="card-picker__moves">
                    <button
                      type="button"
                      id={moveId(id, -1)}
                      class="button button--secondary card-picker__move"
                      disabled={i() === 0}
                      onClick={() => move(id, -1)}
                    >
                      <span aria-hidden="true">↑</span> Omhoog<span class="sr-only">: zet ‘{title(id)}’ eerder</span>
                    </button>
                    <button
                      type="button"
                      id={moveId(id, 1)}
                      class="button button--secondary card-picker__move"
                      disabled={i() === props.selected.length - 1}
                      onClick={() => move(id, 1)}
                    >
                      <span aria-hidden="true">↓</span> Omlaag<span class="sr-only">: zet ‘{title(id)}’ later</span>
                    </button>
                  </span>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </fieldset>
      <p class="sr-only" aria-live="polite">
        {announcement()}
      </p>
    </div>
  );
}
