// apply(state, event) -> state: the only place state changes. Pure and total: an event that was
// decided is always applicable, so replaying a room's stored events rebuilds it exactly.
import type { BoardState, PostIt, RoomEvent, RoomState, VoteState } from './state.ts';
import { applyBoardEvent } from '../boards/apply-board.ts';
import { emptyVote, finalTally, optionIds } from './votes.ts';
import { own } from './own.ts';
import { findCard } from './cards.ts';
import { anonymiseMeeting, applyMeetingEvent, MEETING_EVENTS, type MeetingEvent } from './meeting.ts';
import { applyGroupsEvent, withLatecomer } from './groups.ts';
import { isOverloopCard, overloopFinalTally, withoutPointTally, withPoint } from './overloop.ts';
import { applyTimerEvent } from './timer.ts';
import { noChoices, noParticipants, reviveState } from './persistent.ts';

export function createdState(event: Extract<RoomEvent, { type: 'roomCreated' }>): RoomState {
  return {
    code: event.code,
    deckId: event.deckId,
    deckVersion: event.deckVersion,
    deck: event.deck,
    createdAt: event.createdAt,
    status: 'live',
    endedAt: null,
    minGroupSize: event.minGroupSize,
    expectedGroupSize: event.expectedGroupSize ?? null,
    groupName: event.groupName ?? null,
    ...(event.playlist ? { playlist: event.playlist } : {}),
    locked: false,
    contacts: event.contacts,
    ...(event.age ? { age: event.age } : {}),
    cardIndex: 0,
    participants: noParticipants(),
    joined: 0,
    votes: {},
    boards: {},
  };
}

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
  return { ...state, votes: { ...state.votes, [cardId]: change(own(state.votes, cardId) ?? emptyVote()) } };
}

export function apply(state: RoomState | null, event: RoomEvent): RoomState {
  if (event.type === 'roomCreated') return createdState(event);
  if (event.type === 'snapshot') return reviveState(event.state);
  if (!state) throw new Error(`event ${event.type} before roomCreated`);
  if (MEETING_EVENTS.has(event.type)) return applyMeetingEvent(state, event as MeetingEvent);
  switch (event.type) {
    case 'participantJoined':
      return {
        ...state,
        participants: state.participants.add(event.participant),
        joined: state.joined + 1,
        ...(state.groups ? { groups: withLatecomer(state.groups, event.participant) } : {}),
      };
    case 'groupsFormed':
    case 'groupsEnded':
      return applyGroupsEvent(state, event);
    case 'cardShown':
      return { ...state, cardIndex: event.index };
    case 'cardsArranged':
      return { ...state, playlist: event.cardIds, cardIndex: event.index };
    case 'cardAdded': {
      const playlist = [...(state.playlist ?? state.deck.cards.map((c) => c.id))];
      playlist.splice(event.at, 0, event.card.id);
      return { ...state, playlist, extraCards: [...(state.extraCards ?? []), event.card] };
    }
    case 'voteOpened':
      return withVote(state, event.cardId, (v) => ({ ...v, open: true }));
    case 'voteClosed':
      return withVote(state, event.cardId, (v) => ({ ...v, open: false }));
    case 'voteCast':
      return withVote(state, event.cardId, (v) => ({ ...v, choices: v.choices.set(event.participant, event.choice) }));
    case 'resultRevealed':
      // A null tally takes no new snapshot: the frozen one (if any) is shown again.
      return withVote(state, event.cardId, (v) =>
        event.tally ? { ...v, revealed: true, snapshot: event.tally, atSnapshot: v.choices } : { ...v, revealed: true },
      );
    case 'voteRoundStarted':
      return withVote(state, event.cardId, (v) => ({
        ...emptyVote(),
        open: true,
        round: v.round + 1,
        earlierRounds: v.snapshot ? [...v.earlierRounds, { round: v.round, tally: v.snapshot }] : v.earlierRounds,
      }));
    case 'overloopSampled':
      return withVote(state, event.cardId, (v) => withPoint(v, state.deck.cards.find((c) => c.id === event.cardId), event));
    case 'roomLocked':
      return { ...state, locked: event.locked };
    case 'joinPanelSet':
      return { ...state, joinPanelOpen: event.open };
    case 'resultHidden':
      return withVote(state, event.cardId, (v) => ({ ...v, revealed: false }));
    case 'minGroupSizeSet':
      return { ...state, minGroupSize: event.minGroupSize };
    case 'timerStarted':
    case 'timerPaused':
    case 'timerResumed':
    case 'timerExtended':
    case 'timerSkipped':
      return applyTimerEvent(state, event);
    case 'sessionEnded':
      return { ...state, status: 'ended', endedAt: event.at };
    default: {
      if (!('cardId' in event)) return state;
      const board = applyBoardEvent(own(state.boards, event.cardId) ?? emptyBoard(), event);
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
    const card = findCard(state, cardId);
    votes[cardId] = withoutPointTally({
      ...vote,
      open: false,
      choices: noChoices(),
      atSnapshot: noChoices(),
      // An overloop round keeps its last shown point, so the report never differs from the beamer by one switch.
      final: !card ? vote.snapshot : isOverloopCard(card) ? overloopFinalTally(vote, state.minGroupSize) : finalTally(vote, state.minGroupSize, optionIds(card)),
    });
  }
  const boards: Record<string, BoardState> = {};
  for (const [cardId, board] of Object.entries(state.boards)) {
    // Only what the host let through stays: hidden post-its (often hidden because they name
    // someone), and ones still waiting for a look, are not kept; neither are duplicates of them.
    const kept = (p: PostIt): boolean => {
      if (p.status !== 'approved') return false;
      if (!p.mergedInto) return true;
      const target = own(board.postIts, p.mergedInto);
      return !!target && target.status === 'approved' && !target.mergedInto;
    };
    const postIts: Record<string, PostIt> = {};
    // Re-key in id order so not even the object's insertion order hints at arrival.
    for (const id of Object.keys(board.postIts).sort()) {
      const p = board.postIts[id]!;
      if (kept(p)) postIts[id] = p.supporters ? { ...p, author: null, supporters: {} } : { ...p, author: null };
    }
    // Approved post-its the last batch had not yet published join the wall now, in id order.
    const onWall = new Set(board.wall);
    const wall = [...board.wall.filter((id) => own(postIts, id)), ...Object.keys(postIts).filter((id) => !onWall.has(id))];
    boards[cardId] = { ...board, open: false, postIts, wall, authors: {} };
  }
  // Who was in which group goes too; group boards stay, named by card and group number only.
  const meeting = anonymiseMeeting(state);
  return { ...state, participants: noParticipants(), votes, boards, groups: null, ...(meeting ? { meeting } : {}) };
}
