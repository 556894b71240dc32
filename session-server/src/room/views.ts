// The views: what each role may see, built in one place. No view contains a participant's hash,
// token or anything that orders participants; tests/unit/view-privacy.test.ts walks them all.
// Host and beamer views are built by the server from a copy of the state that moves only on the
// batch tick (see server/observed-rooms.ts), so what they show never tracks a single answer.
import type { BeamerView, Card, HostView, ParticipantView, WallPostIt, HostPostIt } from '../protocol/index.ts';
import type { BoardState, PostIt, RoomState } from './state.ts';
import { boardModerated, currentCard } from './cards.ts';
import { weightsOf } from '../boards/weight.ts';
import { nextReveal, respondedIn, voteResult } from './votes.ts';
import { own } from './own.ts';
import { isOverloopCard, overloopNextReveal, overloopView } from './overloop.ts';

/** Whether enough people wrote on a board for its wall to be shown without pointing at anyone. */
export function boardHasEnoughAuthors(board: BoardState, minGroupSize: number): boolean {
  return board.authorCount >= minGroupSize;
}

/** The wall in its published order, showing only approved post-its that stand on their own. */
export function wallOf(board: BoardState): WallPostIt[] {
  const weight = weightsOf(board);
  const shown: WallPostIt[] = [];
  for (const id of board.wall) {
    const p = own(board.postIts, id);
    if (p && p.status === 'approved' && !p.mergedInto) shown.push(wallPostIt(p, weight));
  }
  return shown;
}

function wallPostIt(p: PostIt, weight: (id: string) => number): WallPostIt {
  return { id: p.id, text: p.text, columnId: p.columnId, clusterId: p.clusterId, highlighted: p.highlighted, weight: weight(p.id) };
}

/**
 * The card as phones and beamer get it: a waar / niet waar answer and its explanation only once
 * the result is revealed, so they never steer the vote. The host always has the whole card.
 */
export function cardAsShown(card: Card, revealed: boolean): Card {
  if (!card.vote || revealed || (!card.vote.answer && !card.vote.explanation)) return card;
  const { answer: _answer, explanation: _explanation, ...vote } = card.vote;
  return { ...card, vote };
}

export function participantView(state: RoomState, participant: string): ParticipantView {
  const current = state.status === 'ended' ? null : currentCard(state);
  const vote = current?.vote ? own(state.votes, current.id) : undefined;
  const card = current && cardAsShown(current, vote?.revealed ?? false);
  const board = card?.board ? own(state.boards, card.id) : undefined;
  return {
    role: 'participant',
    status: state.status,
    deckTitle: state.deck.title,
    card,
    vote: card?.vote
      ? { open: vote?.open ?? false, revealed: vote?.revealed ?? false, round: vote?.round ?? 1, mine: (vote && own(vote.choices, participant)) ?? null }
      : null,
    board: board
      ? {
          open: board.open,
          moderated: boardModerated(state, card!),
          mine: Object.values(board.postIts)
            .filter((p) => p.author === participant)
            .sort((a, b) => a.id.localeCompare(b.id))
            .map((p) => ({ id: p.id, text: p.text, columnId: p.columnId })),
        }
      : null,
    contacts: state.contacts,
  };
}

export function beamerView(state: RoomState): BeamerView {
  const card = currentCard(state);
  const vote = card.vote ? own(state.votes, card.id) : undefined;
  const board = card.board ? own(state.boards, card.id) : undefined;
  const enough = !!board && boardHasEnoughAuthors(board, state.minGroupSize);
  const showWall = !!board && board.revealed && enough;
  return {
    role: 'beamer',
    status: state.status,
    code: state.code,
    deckTitle: state.deck.title,
    joined: state.joined,
    locked: state.locked,
    cardIndex: state.cardIndex,
    cardCount: state.deck.cards.length,
    card: cardAsShown(card, vote?.revealed ?? false),
    vote: card.vote
      ? {
          open: vote?.open ?? false,
          round: vote?.round ?? 1,
          result: vote ? voteResult(vote, state.minGroupSize) : { state: 'hidden' },
          ...overloopView(card, vote, state.minGroupSize),
        }
      : null,
    board: board
      ? {
          open: board.open,
          revealed: board.revealed,
          postIts: showWall ? wallOf(board) : [],
          clusters: showWall ? board.clusters : [],
          waiting: Object.values(board.postIts).filter((p) => p.status === 'pending').length,
          tooFew: board.revealed && !enough,
        }
      : null,
  };
}

export function hostView(state: RoomState): HostView {
  const card = currentCard(state);
  const vote = card.vote ? own(state.votes, card.id) : undefined;
  const board = card.board ? own(state.boards, card.id) : undefined;
  const weight = board ? weightsOf(board) : () => 1;
  return {
    role: 'host',
    status: state.status,
    code: state.code,
    deckId: state.deckId,
    deckTitle: state.deck.title,
    joined: state.joined,
    expectedGroupSize: state.expectedGroupSize,
    moreThanExpected: state.expectedGroupSize !== null && state.joined > state.expectedGroupSize,
    locked: state.locked,
    minGroupSize: state.minGroupSize,
    cardIndex: state.cardIndex,
    cards: state.deck.cards.map((c) => ({ id: c.id, title: c.title, kind: c.kind })),
    card,
    vote:
      card.vote && vote
        ? {
            open: vote.open,
            revealed: vote.revealed,
            round: vote.round,
            responded: respondedIn(vote),
            nextReveal: isOverloopCard(card) ? overloopNextReveal(vote, state.minGroupSize) : nextReveal(vote, state.minGroupSize),
            result: voteResult(vote, state.minGroupSize),
            ...overloopView(card, vote, state.minGroupSize),
          }
        : card.vote
          ? { open: false, revealed: false, round: 1, responded: 0, nextReveal: 'new', result: { state: 'hidden' }, ...overloopView(card, vote, state.minGroupSize) }
          : null,
    board: board
      ? {
          open: board.open,
          revealed: board.revealed,
          moderation: boardModerated(state, card),
          enoughWriters: boardHasEnoughAuthors(board, state.minGroupSize),
          // Sorted by random id: the host's list says nothing about arrival order either.
          postIts: Object.values(board.postIts)
            .filter((p) => !p.mergedInto)
            .sort((a, b) => a.id.localeCompare(b.id))
            .map((p): HostPostIt => ({ ...wallPostIt(p, weight), status: p.status, flags: p.flags })),
          clusters: board.clusters,
        }
      : null,
    contacts: state.contacts,
  };
}
