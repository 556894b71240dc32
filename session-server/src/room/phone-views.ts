// Every phone's view at once, for a change all phones see (the host steps to a card, reveals,
// ends): built once per distinct view instead of once per phone. Most phones see exactly what a
// phone that did nothing sees; phones that only answered the current vote differ from it by their
// choice alone, so they share one view per choice. Only phones with something of their own on the
// card (post-its, support for a proposal, a small group, notes) get a view built for them.
// At 5,000 phones a step then builds and encodes a handful of views, not 5,000.
import type { ParticipantView } from '../protocol/index.ts';
import type { RoomState } from './state.ts';
import { currentCard } from './cards.ts';
import { own } from './own.ts';
import { participantView } from './views.ts';

export interface PhoneViews {
  /** The view of every phone not named in `own` (also of phones that never joined). */
  others: ParticipantView;
  /** Views that differ from `others`, each with the participants (keyed hashes) it is for. */
  own: { participants: string[]; view: ParticipantView }[];
}

export function phoneViews(state: RoomState): PhoneViews {
  const others = participantView(state, '');
  if (state.status === 'ended') return { others, own: [] };
  const card = currentCard(state);
  const individual = new Set<string>();
  // Small groups, a case's notes and reflections: each phone's view is its own.
  if (state.groups || card.reflection || card.step?.case === 'write') for (const p of state.participants) individual.add(p);
  const board = card.board ? own(state.boards, card.id) : undefined;
  if (board) {
    for (const p of Object.keys(board.authors)) individual.add(p);
    for (const postIt of Object.values(board.postIts)) for (const p of Object.keys(postIt.supporters ?? {})) individual.add(p);
  }
  const result: PhoneViews = { others, own: [] };
  const vote = card.vote && others.vote ? own(state.votes, card.id) : undefined;
  if (vote) {
    const byChoice = new Map<string, string[]>();
    for (const [p, choice] of vote.choices) {
      if (individual.has(p)) continue;
      const list = byChoice.get(choice);
      if (list) list.push(p);
      else byChoice.set(choice, [p]);
    }
    for (const [mine, participants] of byChoice) result.own.push({ participants, view: { ...others, vote: { ...others.vote!, mine } } });
  }
  for (const p of individual) result.own.push({ participants: [p], view: participantView(state, p) });
  return result;
}
