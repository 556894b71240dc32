// The views: what each role may see, built in one place. No view contains a participant's hash,
// token or anything that orders participants; tests/unit/view-privacy.test.ts walks them all.
import type { BeamerView, HostView, ParticipantView, VoteResult, WallPostIt, HostPostIt } from '../protocol/index.ts';
import type { BoardState, PostIt, RoomState, VoteState } from './state.ts';
import { tallyOf } from './apply.ts';
import { boardModerated, currentCard } from './cards.ts';
import { weightsOf } from '../boards/weight.ts';

/** What the beamer may show for a vote: nothing before the reveal, nothing below the minimum. */
export function voteResult(vote: VoteState, minGroupSize: number): VoteResult {
  if (!vote.revealed) return { state: 'hidden' };
  const { pas, ...counts } = tallyOf(vote);
  const answered = counts.nooit + counts.soms + counts.vaak;
  if (answered < minGroupSize) return { state: 'too-few', minGroupSize };
  return { state: 'shown', counts, answered, passes: pas };
}

/** Whether enough people wrote on a board for its wall to be shown without pointing at anyone. */
export function boardHasEnoughAuthors(board: BoardState, minGroupSize: number): boolean {
  return board.authorCount >= minGroupSize;
}

function wallOf(board: BoardState): WallPostIt[] {
  const weight = weightsOf(board);
  return board.wall.map((id) => wallPostIt(board.postIts[id]!, weight));
}

function wallPostIt(p: PostIt, weight: (id: string) => number): WallPostIt {
  return { id: p.id, text: p.text, columnId: p.columnId, clusterId: p.clusterId, highlighted: p.highlighted, weight: weight(p.id) };
}

export function participantView(state: RoomState, participant: string): ParticipantView {
  const card = state.status === 'ended' ? null : currentCard(state);
  const vote = card?.vote ? state.votes[card.id] : undefined;
  const board = card?.board ? state.boards[card.id] : undefined;
  return {
    role: 'participant',
    status: state.status,
    deckTitle: state.deck.title,
    card,
    vote: card?.vote ? { open: vote?.open ?? false, mine: vote?.choices[participant] ?? null } : null,
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
  const vote = card.vote ? state.votes[card.id] : undefined;
  const board = card.board ? state.boards[card.id] : undefined;
  const enough = !!board && boardHasEnoughAuthors(board, state.minGroupSize);
  const showWall = !!board && board.revealed && enough;
  return {
    role: 'beamer',
    status: state.status,
    code: state.code,
    deckTitle: state.deck.title,
    joined: state.joined,
    cardIndex: state.cardIndex,
    cardCount: state.deck.cards.length,
    card,
    vote: card.vote ? { open: vote?.open ?? false, result: vote ? voteResult(vote, state.minGroupSize) : { state: 'hidden' } } : null,
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
  const vote = card.vote ? state.votes[card.id] : undefined;
  const board = card.board ? state.boards[card.id] : undefined;
  const tally = vote ? tallyOf(vote) : null;
  const weight = board ? weightsOf(board) : () => 1;
  return {
    role: 'host',
    status: state.status,
    code: state.code,
    deckId: state.deckId,
    deckTitle: state.deck.title,
    joined: state.joined,
    minGroupSize: state.minGroupSize,
    cardIndex: state.cardIndex,
    cards: state.deck.cards.map((c) => ({ id: c.id, title: c.title, kind: c.kind })),
    card,
    vote:
      card.vote && vote && tally
        ? {
            open: vote.open,
            revealed: vote.revealed,
            answered: tally.nooit + tally.soms + tally.vaak,
            passes: tally.pas,
            result: voteResult(vote, state.minGroupSize),
          }
        : card.vote
          ? { open: false, revealed: false, answered: 0, passes: 0, result: { state: 'hidden' } }
          : null,
    board: board
      ? {
          open: board.open,
          revealed: board.revealed,
          moderation: boardModerated(state, card),
          authors: board.authorCount,
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
