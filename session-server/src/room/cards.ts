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
  return state.playlist.map((id) => findCard(state, id)).filter((c): c is Card => !!c);
}

export function currentCard(state: RoomState): Card {
  // cardIndex is only ever set to an existing index (decide checks), so this always finds a card.
  return playedCards(state)[state.cardIndex]!;
}

/** Whether post-its on this room's boards wait for the host's approval. Class decks moderate by default. */
export function boardModerated(state: RoomState, card: Card): boolean {
  return card.board?.moderation ?? state.deck.audience === 'klas';
}
