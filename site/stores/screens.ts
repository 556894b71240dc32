// The three screens' stores, each a session store with its own auth and rules for pending commands.
import { nanoid } from 'nanoid';
import type { BeamerView, HostCommand, HostView, ParticipantCommand, ParticipantView } from '@protocol';
import { createSessionStore } from './session-store.ts';
import { participantTokenFor } from '../lib/local-keys.ts';

export type PhoneStore = ReturnType<typeof createPhoneStore>;
export type HostStore = ReturnType<typeof createHostStore>;

export function createPhoneStore(room: string) {
  return createSessionStore<ParticipantView, ParticipantCommand>(
    { role: 'participant', room, token: participantTokenFor(room, nanoid) },
    {
      persistKey: `kring:pending:${room}`,
      // Only the newest vote on a card matters; an older unsent one is dropped.
      // Only the newest vote on a card, and the newest support on a proposal, matter.
      supersedes: (newer, older) =>
        (newer.type === 'vote.cast' && older.type === 'vote.cast' && newer.cardId === older.cardId) ||
        (newer.type === 'postIt.support' && older.type === 'postIt.support' && newer.postItId === older.postItId),
    },
  );
}

export function createHostStore(room: string, key: string) {
  return createSessionStore<HostView, HostCommand>({ role: 'host', room, key });
}

export function createBeamerStore(room: string, key: string) {
  return createSessionStore<BeamerView, never>({ role: 'beamer', room, key });
}
