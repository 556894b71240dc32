// The views: what each role may see, built in one place. No view contains a participant's hash,
// token or anything that orders participants; tests/unit/view-privacy.test.ts walks them all.
// Host and beamer views are built by the server from a copy of the state that moves only on the
// batch tick (see server/observed-rooms.ts), so what they show never tracks a single answer.
import type { Afspraak, BeamerView, Card, HostView, ParticipantView, Proposal, WallPostIt, HostPostIt } from '../protocol/index.ts';
import { helpAudiencesOf } from '../protocol/index.ts';

type BeamerBoard = NonNullable<BeamerView['board']>;
type HostBoard = NonNullable<HostView['board']>;
import type { BoardState, PostIt, RoomState } from './state.ts';
import { allCards, boardModerated, currentCard, findCard, playedCards } from './cards.ts';
import { memo } from './memo.ts';

const cardEntry = memo((c: Card) => ({ id: c.id, title: c.title, kind: c.kind, theme: c.theme ?? null }));
/** A list of cards as entries: the same array for the same list (the deck's own is one array for the whole session). */
const cardEntries = memo((cards: Card[]) => cards.map((c) => cardEntry(c)));
/** The ids of the cards with a board: the same array for the same list. */
const boardCardIds = memo((cards: Card[]) => cards.filter((c) => c.board).map((c) => c.id));
import { weightsOf } from '../boards/weight.ts';
import { nextReveal, respondedIn, voteResult } from './votes.ts';
import { own } from './own.ts';
import { beamerGroups, hostGroups, participantGroup } from './group-views.ts';
import { meetingView, participantMeeting } from './meeting.ts';
import { isOverloopCard, overloopNextReveal, overloopView } from './overloop.ts';
import { timerView } from './timer.ts';

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
    if (p && p.status === 'approved' && !p.mergedInto) shown.push(wallPostIt(p, weight(p.id)));
  }
  return shown;
}

function wallPostIt(p: PostIt, weight: number): WallPostIt {
  const base = { id: p.id, text: p.text, columnId: p.columnId, clusterId: p.clusterId, highlighted: p.highlighted, weight };
  return p.supportCount !== undefined || p.adopted !== undefined ? { ...base, supports: p.supportCount ?? 0, adopted: p.adopted ?? false } : base;
}

/** A post-it as the host's list shows it, with its weight (see `memo`). */
const hostPostIt = memo((p: PostIt, weight: number): HostPostIt => ({ ...wallPostIt(p, weight), status: p.status, flags: p.flags }));

/** Whether the beamer shows this board's wall now: revealed, and enough people wrote. */
function wallShown(state: RoomState, board: BoardState): boolean {
  return board.revealed && boardHasEnoughAuthors(board, state.minGroupSize);
}

/**
 * The afspraken the group adopted, over every afspraken card in deck order, most supported first.
 * Only what a wall may show: approved, published, standing on its own.
 */
export function adoptedAfspraken(state: RoomState): Afspraak[] {
  // The same list while cards, boards and group size stay the same: host and beamer views of every
  // room ask on every batch tick, and answers change none of them.
  return afsprakenOf(allCards(state))(state.boards, state.minGroupSize);
}
const afsprakenOf = memo((cards: Card[]) => memo((boards: RoomState['boards'], minGroupSize: number) => adoptedAfsprakenBuilt(cards, boards, minGroupSize)));

function adoptedAfsprakenBuilt(cards: Card[], boards: RoomState['boards'], minGroupSize: number): Afspraak[] {
  const adopted: Afspraak[] = [];
  for (const card of cards) {
    const board = card.kind === 'afspraken' ? own(boards, card.id) : undefined;
    if (!board || !boardHasEnoughAuthors(board, minGroupSize)) continue;
    const onCard = wallOf(board).filter((p) => p.adopted);
    onCard.sort((a, b) => (b.supports ?? 0) - (a.supports ?? 0) || a.text.localeCompare(b.text, 'nl'));
    adopted.push(...onCard.map((p) => ({ text: p.text, supports: p.supports ?? 0 })));
  }
  return adopted;
}

/**
 * The card as phones and beamer get it: never the host's notes, and a waar / niet waar answer and
 * its explanation only once the result is revealed, so they never steer the vote. The host always
 * has the whole card.
 */
export function cardAsShown(card: Card, revealed: boolean): Card {
  const { hostNotes: _hostNotes, ...shown } = card;
  if (!shown.vote || revealed || (!shown.vote.answer && !shown.vote.explanation)) return shown;
  const { answer: _answer, explanation: _explanation, ...vote } = shown.vote;
  return { ...shown, vote };
}

/** Help for a phone: the session's audiences, and the card lines (the current card's, or all in play at the end). */
function participantHelp(state: RoomState, current: Card | null): ParticipantView['help'] {
  const cards = state.status === 'ended' ? playedCards(state) : current ? [current] : [];
  return {
    audiences: helpAudiencesOf(state.deck.audience, state.age),
    cardLines: [...new Set(cards.flatMap((c) => c.help ?? []))],
  };
}

export function participantView(state: RoomState, participant: string): ParticipantView {
  // In a small group the phone sees the group's card and board; groups do not vote.
  const group = state.status === 'ended' ? null : participantGroup(state, participant);
  const current = state.status === 'ended' ? null : (group?.card ?? currentCard(state));
  const vote = current?.vote && !group ? own(state.votes, current.id) : undefined;
  const card = current && cardAsShown(current, vote?.revealed ?? false);
  const board = card?.board ? own(state.boards, group?.boardKey ?? card.id) : undefined;
  return {
    role: 'participant',
    status: state.status,
    deckTitle: state.deck.title,
    card,
    vote: card?.vote && !group
      ? { open: vote?.open ?? false, revealed: vote?.revealed ?? false, round: vote?.round ?? 1, mine: vote?.choices.get(participant) ?? null }
      : null,
    board: board
      ? {
          open: board.open,
          moderated: boardModerated(state, card!),
          mine: Object.values(board.postIts)
            .filter((p) => p.author === participant)
            .sort((a, b) => a.id.localeCompare(b.id))
            .map((p) => ({ id: p.id, text: p.text, columnId: p.columnId })),
          // A phone sees the proposals once the beamer does, with its own support and nobody else's.
          proposals:
            current!.kind === 'afspraken' && wallShown(state, board)
              ? wallOf(board).map(
                  (w): Proposal => ({
                    id: w.id,
                    text: w.text,
                    supportedByMe: !!board.postIts[w.id]!.supporters && Object.hasOwn(board.postIts[w.id]!.supporters!, participant),
                    adopted: w.adopted ?? false,
                  }),
                )
              : null,
        }
      : null,
    group: group && { number: group.number, count: group.count },
    meeting: current?.reflection || current?.step?.case === 'write' ? participantMeeting(state, participant, current) : null,
    timer: timerView(state),
    contacts: state.contacts,
    help: participantHelp(state, current),
  };
}

/** `present`: phones connected now, which the server knows and the model does not; null when unknown. */
export function beamerView(state: RoomState, present: number | null = null): BeamerView {
  const card = currentCard(state);
  const vote = card.vote ? own(state.votes, card.id) : undefined;
  const wallCard = card.board ? null : discussedWallCard(state, card);
  const board = card.board || wallCard ? own(state.boards, (wallCard ?? card).id) : undefined;
  const enough = !!board && boardHasEnoughAuthors(board, state.minGroupSize);
  return {
    role: 'beamer',
    status: state.status,
    code: state.code,
    deckTitle: state.deck.title,
    joined: state.joined,
    present,
    locked: state.locked,
    joinPanelOpen: state.joinPanelOpen ?? true,
    cardIndex: state.cardIndex,
    cardCount: playedCards(state).length,
    card: cardAsShown(card, vote?.revealed ?? false),
    vote: card.vote
      ? {
          open: vote?.open ?? false,
          round: vote?.round ?? 1,
          // The host's number, from the same batched copy. Only until the reveal: then the frozen
          // result speaks, and a count moving beside it would point at who answered after it.
          responded: vote?.revealed ? null : vote ? respondedIn(vote) : 0,
          result: vote ? voteResult(vote, state.minGroupSize) : { state: 'hidden' },
          ...overloopView(card, vote, state.minGroupSize),
        }
      : null,
    board: board ? beamerBoardOf(board, enough) : null,
    groups: beamerGroups(state),
    afspraken: adoptedAfspraken(state),
    groupName: state.groupName ?? null,
    meeting: meetingView(state, 'beamer'),
    timer: timerView(state),
    // The earlier card as phones and beamer may see it: never its host notes.
    wallCard: wallCard ? cardAsShown(wallCard, own(state.votes, wallCard.id)?.revealed ?? false) : null,
  };
}

/**
 * The earlier card a talk card discusses (its `showsWallOf`), once that wall was revealed: showing it
 * again adds nothing the beamer did not already show, under the same rules (minimum group size).
 */
function discussedWallCard(state: RoomState, card: Card): Card | null {
  const earlier = card.showsWallOf ? findCard(state, card.showsWallOf) : undefined;
  const board = earlier?.board ? own(state.boards, earlier.id) : undefined;
  return earlier && board?.revealed ? earlier : null;
}

/** A board as the beamer shows it: the wall only once revealed and enough people wrote (see `memo`). */
export const beamerBoardOf: (board: BoardState, enough: boolean) => BeamerBoard = memo(beamerBoardBuilt);

function beamerBoardBuilt(board: BoardState, enough: boolean): BeamerBoard {
  const showWall = board.revealed && enough;
  return {
    open: board.open,
    revealed: board.revealed,
    postIts: showWall ? wallOf(board) : [],
    clusters: showWall ? board.clusters : [],
    waiting: Object.values(board.postIts).filter((p) => p.status === 'pending').length,
    tooFew: board.revealed && !enough,
  };
}

export function hostView(state: RoomState, present: number | null = null): HostView {
  const card = currentCard(state);
  const vote = card.vote ? own(state.votes, card.id) : undefined;
  const board = card.board ? own(state.boards, card.id) : undefined;
  return {
    role: 'host',
    status: state.status,
    code: state.code,
    deckId: state.deckId,
    deckTitle: state.deck.title,
    joined: state.joined,
    present,
    expectedGroupSize: state.expectedGroupSize,
    moreThanExpected: state.expectedGroupSize !== null && state.joined > state.expectedGroupSize,
    locked: state.locked,
    joinPanelOpen: state.joinPanelOpen ?? true,
    minGroupSize: state.minGroupSize,
    cardIndex: state.cardIndex,
    cards: cardEntries(playedCards(state)),
    // Every card the host may put in play (the deck's and their own), and the deck's themes to pick by.
    allCards: cardEntries(allCards(state)),
    themes: state.deck.themes ?? [],
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
    board: board ? hostBoardOf(state, card, board, boardHasEnoughAuthors(board, state.minGroupSize)) : null,
    groups: hostGroups(state),
    boardCardIds: boardCardIds(allCards(state)),
    afspraken: adoptedAfspraken(state),
    groupName: state.groupName ?? null,
    meeting: meetingView(state, 'host'),
    timer: timerView(state),
    contacts: state.contacts,
  };
}

/** The host's view of a board; built anew only when the board, its moderation or `enough` changed (see `memo`). */
export function hostBoardOf(state: RoomState, card: Card, board: BoardState, enough: boolean): HostBoard {
  return hostBoard(board, (boardModerated(state, card) ? MODERATED : 0) | (enough ? ENOUGH : 0));
}
const MODERATED = 1;
const ENOUGH = 2;
const hostBoard = memo((board: BoardState, settings: number): HostBoard => {
  const weight = weightsOf(board);
  return {
    open: board.open,
    revealed: board.revealed,
    moderation: (settings & MODERATED) !== 0,
    enoughWriters: (settings & ENOUGH) !== 0,
    // Sorted by random id: the host's list says nothing about arrival order either.
    postIts: Object.values(board.postIts)
      .filter((p) => !p.mergedInto)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((p) => hostPostIt(p, weight(p.id))),
    clusters: board.clusters,
  };
});
