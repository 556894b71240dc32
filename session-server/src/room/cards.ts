// Lookups on the room's cards: the deck's cards plus the host's own (blank cards), and the order the
// host chose to play them in (the playlist). Without a playlist the deck's order is played.
import type { Card } from '../protocol/index.ts';
import type { RoomState } from './state.ts';
import { memo } from './memo.ts';

/** Every card the room knows: the deck's, then the host's own. */
export function allCards(state: RoomState): Card[] {
  return state.extraCards?.length ? withOwnCards(state.extraCards, state.deck) : state.deck.cards;
}
// The same array while the host's own cards stay the same (see playedCards), so the views' parts
// built from it (memoised by array) are not built anew on every batch tick.
const withOwnCards = memo((extra: Card[], deck: RoomState['deck']) => [...deck.cards, ...extra]);

export function findCard(state: RoomState, id: string): Card | undefined {
  // Loops, not find() with a closure: every command asks, some twice.
  for (const card of state.deck.cards) if (card.id === id) return card;
  if (state.extraCards) for (const card of state.extraCards) if (card.id === id) return card;
  return undefined;
}

/** The cards in the order they are played; `cardIndex` points into this list. */
export function playedCards(state: RoomState): Card[] {
  if (!state.playlist) return state.deck.cards;
  // Asked on every command and every view: built once per playlist (apply makes a new one for
  // every change, with the added cards), so it is the same array until the playlist changes,
  // as the deck's own list is, and the views' parts built from it stay the same too.
  const known = played.get(state.playlist);
  if (known && known.deck === state.deck && known.extraCards === state.extraCards) return known.cards;
  const cards = state.playlist.map((id) => findCard(state, id)).filter((c): c is Card => !!c);
  played.set(state.playlist, { deck: state.deck, extraCards: state.extraCards, cards });
  return cards;
}
const played = new WeakMap<readonly string[], { deck: RoomState['deck']; extraCards: RoomState['extraCards']; cards: Card[] }>();

export function currentCard(state: RoomState): Card {
  // cardIndex is only ever set to an existing index (decide checks), so this always finds a card.
  return playedCards(state)[state.cardIndex]!;
}

/** Whether post-its on this room's boards wait for the host's approval. Class decks moderate by default. */
export function boardModerated(state: RoomState, card: Card): boolean {
  return card.board?.moderation ?? state.deck.audience === 'klas';
}
