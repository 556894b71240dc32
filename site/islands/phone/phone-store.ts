// The phone's session store: its participant token, a pending answer that survives a reload, and
// the light socket (light-socket.ts) instead of socket.io-client, to keep the phone's first load small.
import { nanoid } from 'nanoid';
import type { ParticipantCommand, ParticipantView } from '@protocol';
import { createSessionStore } from '../../stores/session-store.ts';
import { participantTokenFor } from '../../lib/local-keys.ts';
import { lightSocket } from './light-socket.ts';
import { withOwnChange } from '@protocol/own-changes';

export type PhoneStore = ReturnType<typeof createPhoneStore>;

export function createPhoneStore(room: string) {
  return createSessionStore<ParticipantView, ParticipantCommand>(
    { role: 'participant', room, token: participantTokenFor(room, nanoid) },
    (url, auth) => {
      const socket = lightSocket(url, auth, { delayMax: 4000 });
      socket.connect();
      return socket;
    },
    {
      persistKey: `kring:pending:${room}`,
      // Only the newest vote on a card, and the newest support on a proposal, matter.
      supersedes: (newer, older) =>
        (newer.type === 'vote.cast' && older.type === 'vote.cast' && newer.cardId === older.cardId) ||
        (newer.type === 'postIt.support' && older.type === 'postIt.support' && newer.postItId === older.postItId),
      acknowledged: withOwnChange,
    },
  );
}
