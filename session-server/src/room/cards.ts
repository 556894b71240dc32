// Lookups on the room's cards: the deck's cards plus the host's own (blank cards), and the order the
// host chose to play them in (the playlist). Without a playlist the deck's order is played.
import type { Card } from '../protocol/index.ts';
import type { RoomState } from './state.ts';

/** Every card the room knows: the deck's, then the host's own. */
export function allCards(state: RoomState): Card[] {
  return state.extraCards?.length ? [...state.deck.cards, ...state.extraCards] : state.deck.cards;
}

export function findCard(state: RoomState, id: string): Card | undefined {
  return state.deck.cards.find((c) => c.id === id) ?? state.extraCards?.find((c) => c.id === id);
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
