// What each role sees of small groups. A phone learns only its own group's number, card and board;
// host and beamer see groups by number, with member counts for the host, never who is in which.
// A group's wall reaches the beamer only once the host revealed it and enough different people
// wrote on the split's boards together (the minimum group size, counted over all groups).
import type { BeamerGroup, Card, HostGroup } from '../protocol/index.ts';
import type { RoomState } from './state.ts';
import { beamerBoardOf, cardAsShown, hostBoardOf } from './views.ts';
import { groupBoardKey, groupCardId, groupOf, groupSizes, roundHasEnoughAuthors } from './groups.ts';
import { own } from './own.ts';

interface GroupPart {
  number: number;
  card: Card;
  boardKey: string;
}

/** The running groups, each with its card and board key. */
function runningGroups(state: RoomState): GroupPart[] | null {
  const groups = state.status === 'live' ? state.groups : null;
  if (!groups) return null;
  return Array.from({ length: groups.count }, (_, i) => {
    const card = state.deck.cards.find((c) => c.id === groupCardId(groups, i + 1))!;
    return { number: i + 1, card, boardKey: groupBoardKey(card.id, groups.round, i + 1) };
  });
}

/** This participant's group while groups run: its number, the number of groups, its card and board. */
export function participantGroup(state: RoomState, participant: string): (GroupPart & { count: number }) | null {
  const number = groupOf(state, participant);
  const group = number === null ? null : runningGroups(state)?.[number - 1];
  return group ? { ...group, count: state.groups!.count } : null;
}

export function beamerGroups(state: RoomState): BeamerGroup[] | null {
  const groups = runningGroups(state);
  if (!groups) return null;
  const enough = roundHasEnoughAuthors(state, state.groups!.round);
  return groups.map((g) => {
    const board = own(state.boards, g.boardKey)!;
    // No count of waiting post-its per group: "1 post-it wacht" under a group of three points at
    // one of them (perhaps one the host holds back because it names someone). The host sees them.
    return { number: g.number, card: cardAsShown(g.card, false), board: { ...beamerBoardOf(board, enough), waiting: 0 } };
  });
}

export function hostGroups(state: RoomState): HostGroup[] | null {
  const groups = runningGroups(state);
  if (!groups) return null;
  const enough = roundHasEnoughAuthors(state, state.groups!.round);
  const sizes = groupSizes(state.groups!);
  return groups.map((g) => ({
    number: g.number,
    cardId: g.card.id,
    cardTitle: g.card.title,
    card: g.card,
    members: sizes[g.number - 1]!,
    board: hostBoardOf(state, g.card, own(state.boards, g.boardKey)!, enough),
  }));
}
