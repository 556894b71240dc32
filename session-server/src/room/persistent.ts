// The room state's persistent maps (see state.ts): empty ones, and turning a stored snapshot's
// plain JSON back into them. A snapshot is stored with JSON.stringify, which writes immutable's
// Map as an object and its Set as an array.
import { Map as PersistentMap, Set as PersistentSet } from 'immutable';
import type { VoteChoice } from '../protocol/index.ts';
import type { RoomState, VoteState } from './state.ts';

export const noChoices = (): PersistentMap<string, VoteChoice> => PersistentMap();
export const noParticipants = (): PersistentSet<string> => PersistentSet();

/** Choices from a stored snapshot (a plain object), or as they are when already a persistent map. */
function reviveChoices(value: unknown): PersistentMap<string, VoteChoice> {
  if (PersistentMap.isMap(value)) return value as PersistentMap<string, VoteChoice>;
  return PersistentMap(Object.entries((value ?? {}) as Record<string, VoteChoice>));
}

/** A state as JSON.parse gives it back from a stored snapshot, with its persistent maps again. */
export function reviveState(state: RoomState): RoomState {
  const votes: Record<string, VoteState> = {};
  for (const [cardId, vote] of Object.entries(state.votes)) {
    votes[cardId] = { ...vote, choices: reviveChoices(vote.choices), atSnapshot: reviveChoices(vote.atSnapshot) };
  }
  const participants = state.participants as unknown;
  return {
    ...state,
    participants: PersistentSet.isSet(participants)
      ? (participants as PersistentSet<string>)
      : PersistentSet(Array.isArray(participants) ? (participants as string[]) : Object.keys(participants ?? {})),
    votes,
  };
}
