// The events that start a room: created, and the first card's activities opened.
import type { ClassAge, Deck, SchoolContacts } from '../protocol/index.ts';
import type { RoomEvent } from './state.ts';

export function createRoomEvents(input: {
  code: string;
  deckId: string;
  deckVersion?: string;
  deck: Deck;
  now: number;
  minGroupSize: number;
  expectedGroupSize?: number | null;
  groupName?: string | null;
  /** Card ids to play, in order (validated by the caller against the deck). */
  playlist?: string[];
  contacts: SchoolContacts;
  age?: ClassAge;
}): RoomEvent[] {
  const firstId = input.playlist?.[0];
  const first = (firstId && input.deck.cards.find((c) => c.id === firstId)) || input.deck.cards[0]!;
  const events: RoomEvent[] = [
    {
      type: 'roomCreated',
      code: input.code,
      deckId: input.deckId,
      deckVersion: input.deckVersion,
      deck: input.deck,
      createdAt: input.now,
      minGroupSize: input.minGroupSize,
      expectedGroupSize: input.expectedGroupSize ?? null,
      groupName: input.groupName ?? null,
      ...(input.playlist ? { playlist: input.playlist } : {}),
      contacts: input.contacts,
      ...(input.age ? { age: input.age } : {}),
    },
  ];
  if (first.vote) events.push({ type: 'voteOpened', cardId: first.id });
  if (first.board) events.push({ type: 'boardOpened', cardId: first.id });
  return events;
}
