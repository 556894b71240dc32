// Small lookups on the room's deck.
import type { Card } from '../protocol/index.ts';
import type { RoomState } from './state.ts';

export function currentCard(state: RoomState): Card {
  // cardIndex is only ever set to an existing index (decide checks), so this always finds a card.
  return state.deck.cards[state.cardIndex]!;
}

/** Whether post-its on this room's boards wait for the host's approval. Class decks moderate by default. */
export function boardModerated(state: RoomState, card: Card): boolean {
  return card.board?.moderation ?? state.deck.audience === 'klas';
}
