// An accepted answer's or new post-it's acknowledgement carries what the phone shows of it (the
// stored choice and its round; the post-it's id and text as stored), so the server sends the phone
// no new view for it: at a whole school answering, a view per answer (~1.4 KB: card, contacts,
// help) was most of what the server encoded and sent, and a view per post-it the most expensive
// thing a phone asked for. The phone and the tests' client fold the acknowledgement into the view
// they hold with this one function. Zod-free (types only), so the phone's first load does not grow.
import type { CommandAck } from './commands.ts';
import type { ParticipantView } from './views.ts';

type SentCommand = { type: string; cardId?: string; columnId?: string | null };

/** The view with the phone's own answer or post-it as stored; null when the acknowledgement changes nothing shown. */
export function withOwnChange(view: ParticipantView | null, command: SentCommand, ack: CommandAck): ParticipantView | null {
  // A duplicate repeats the acknowledgement of the first sending, whose result may since have been
  // changed; it is only sent after a reconnect, whose welcome view already holds what is stored.
  if (!view || !ack.ok || ack.duplicate) return null;
  // A view of another card (the host moved on meanwhile) is already newer.
  if (view.card?.id !== command.cardId) return null;
  if (command.type === 'vote.cast') {
    if (!view.vote || ack.choice === undefined || view.vote.round !== ack.round || view.vote.mine === ack.choice) return null;
    return { ...view, vote: { ...view.vote, mine: ack.choice } };
  }
  if (command.type === 'postIt.add') {
    const id = ack.postItId;
    if (!view.board || id === undefined || ack.text === undefined || view.board.mine.some((p) => p.id === id)) return null;
    // In id order, as the server lists them.
    const mine = [...view.board.mine, { id, text: ack.text, columnId: command.columnId ?? null }].sort((a, b) => a.id.localeCompare(b.id));
    return { ...view, board: { ...view.board, mine } };
  }
  return null;
}
