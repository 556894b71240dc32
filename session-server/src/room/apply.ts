// apply(state, event) -> state: the only place state changes. Pure and total: an event that was
// decided is always applicable, so replaying a room's stored events rebuilds it exactly.
import type { BoardState, PostIt, RoomEvent, RoomState, VoteState } from './state.ts';
import { applyBoardEvent } from '../boards/apply-board.ts';

export function createdState(event: Extract<RoomEvent, { type: 'roomCreated' }>): RoomState {
  return {
    code: event.code,
    deckId: event.deckId,
    deck: event.deck,
    createdAt: event.createdAt,
    status: 'live',
    endedAt: null,
    minGroupSize: event.minGroupSize,
    contacts: event.contacts,
    cardIndex: 0,
    participants: {},
    joined: 0,
    votes: {},
    boards: {},
  };
}

export const emptyVote = (): VoteState => ({ open: false, revealed: false, choices: {}, final: null });
export const emptyBoard = (): BoardState => ({
  open: false,
  revealed: false,
  postIts: {},
  clusters: [],
  wall: [],
  authors: {},
  authorCount: 0,
});

function withVote(state: RoomState, cardId: string, change: (vote: VoteState) => VoteState): RoomState {
  return { ...state, votes: { ...state.votes, [cardId]: change(state.votes[cardId] ?? emptyVote()) } };
}

export function apply(state: RoomState | null, event: RoomEvent): RoomState {
  if (event.type === 'roomCreated') return createdState(event);
  if (event.type === 'snapshot') return event.state;
  if (!state) throw new Error(`event ${event.type} before roomCreated`);
  switch (event.type) {
    case 'participantJoined':
      return { ...state, participants: { ...state.participants, [event.participant]: true }, joined: state.joined + 1 };
    case 'cardShown':
      return { ...state, cardIndex: event.index };
    case 'voteOpened':
      return withVote(state, event.cardId, (v) => ({ ...v, open: true }));
    case 'voteClosed':
      return withVote(state, event.cardId, (v) => ({ ...v, open: false }));
    case 'voteCast':
      return withVote(state, event.cardId, (v) => ({ ...v, choices: { ...v.choices, [event.participant]: event.choice } }));
    case 'resultRevealed':
      return withVote(state, event.cardId, (v) => ({ ...v, revealed: true }));
    case 'resultHidden':
      return withVote(state, event.cardId, (v) => ({ ...v, revealed: false }));
    case 'minGroupSizeSet':
      return { ...state, minGroupSize: event.minGroupSize };
    case 'sessionEnded':
      return { ...state, status: 'ended', endedAt: event.at };
    default: {
      const board = applyBoardEvent(state.boards[event.cardId] ?? emptyBoard(), event);
      return { ...state, boards: { ...state.boards, [event.cardId]: board } };
    }
  }
}

export function replay(events: Iterable<RoomEvent>): RoomState | null {
  let state: RoomState | null = null;
  for (const event of events) state = apply(state, event);
  return state;
}

/**
 * The state kept after a session ends: counts and post-it texts, nothing that ties an answer or a
 * post-it to a phone (no hashes, no join order). Stored as one snapshot replacing the history.
 */
export function anonymise(state: RoomState): RoomState {
  const votes: Record<string, VoteState> = {};
  for (const [cardId, vote] of Object.entries(state.votes)) {
    votes[cardId] = { open: false, revealed: vote.revealed, choices: {}, final: tallyOf(vote) };
  }
  const boards: Record<string, BoardState> = {};
  for (const [cardId, board] of Object.entries(state.boards)) {
    const postIts: Record<string, PostIt> = {};
    // Re-key in id order so not even the object's insertion order hints at arrival.
    for (const id of Object.keys(board.postIts).sort()) postIts[id] = { ...board.postIts[id]!, author: null };
    boards[cardId] = { ...board, open: false, postIts, authors: {} };
  }
  return { ...state, participants: {}, votes, boards };
}

export function tallyOf(vote: VoteState) {
  if (vote.final) return vote.final;
  const tally = { nooit: 0, soms: 0, vaak: 0, pas: 0 };
  for (const choice of Object.values(vote.choices)) tally[choice] += 1;
  return tally;
}
