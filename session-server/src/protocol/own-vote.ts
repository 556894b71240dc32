// An accepted answer's acknowledgement carries the stored choice and its round (AckData), so the
// server sends the phone no new view for it: at a whole school answering, a view per answer
// (~1.4 KB: card, contacts, help) was most of what the server encoded and sent. The phone and the
// tests' client fold the acknowledgement into the view they hold with this one function.
// Zod-free (types only), so the phone's first load does not grow.
import type { CommandAck } from './commands.ts';
import type { ParticipantView } from './views.ts';

/** The view with the phone's own answer as stored; null when the acknowledgement changes nothing shown. */
export function withOwnVote(view: ParticipantView | null, command: { type: string; cardId?: string }, ack: CommandAck): ParticipantView | null {
  // A duplicate repeats the acknowledgement of the first sending, whose choice may since have been
  // changed; it is only sent after a reconnect, whose welcome view already holds what is stored.
  if (!view?.vote || !ack.ok || ack.duplicate || ack.choice === undefined || command.type !== 'vote.cast') return null;
  // A view of another card or a newer round (the host moved on meanwhile) is already newer.
  if (view.card?.id !== command.cardId || view.vote.round !== ack.round || view.vote.mine === ack.choice) return null;
  return { ...view, vote: { ...view.vote, mine: ack.choice } };
}
