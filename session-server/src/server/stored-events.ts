// Events as storage keeps them: a room names its deck by id and version instead of carrying a copy
// of it (a deck is ~20 KB; a room's own events are a few hundred bytes). Deck versions are stored
// once each, so a room started before a deck was edited still loads with the cards it was shown.
import { createHash } from 'node:crypto';
import type { Deck } from '../protocol/index.ts';
import type { RoomEvent } from '../room/state.ts';

/** A short content hash: the same deck always has the same version, any edit makes a new one. */
export const deckVersion = (deck: Deck): string => createHash('sha256').update(JSON.stringify(deck)).digest('base64url').slice(0, 16);

/** Leaves the deck out of the events that carry it. */
export function dehydrate(event: RoomEvent): RoomEvent {
  if (event.type === 'roomCreated') {
    const { deck: _deck, ...rest } = event;
    return rest as RoomEvent;
  }
  if (event.type === 'snapshot') {
    const { deck: _deck, ...state } = event.state;
    return { type: 'snapshot', state: state as typeof event.state };
  }
  return event;
}

/** Puts the deck back; `deckFor` finds a deck by version. Events stored before versions had their deck inline. */
export async function hydrate(events: RoomEvent[], deckFor: (version: string) => Promise<Deck | null>): Promise<RoomEvent[]> {
  const out: RoomEvent[] = [];
  for (const event of events) {
    if (event.type === 'roomCreated' && !event.deck) {
      out.push({ ...event, deck: await required(event.deckVersion, deckFor) });
    } else if (event.type === 'snapshot' && !event.state.deck) {
      out.push({ type: 'snapshot', state: { ...event.state, deck: await required(event.state.deckVersion, deckFor) } });
    } else out.push(event);
  }
  return out;
}

async function required(version: string | undefined, deckFor: (version: string) => Promise<Deck | null>): Promise<Deck> {
  const deck = version ? await deckFor(version) : null;
  if (!deck) throw new Error(`deck version ${version ?? '(none)'} is not stored`);
  return deck;
}
