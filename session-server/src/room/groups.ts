// Small groups (issue 9): the host splits the room into groups of 3-5 at random; each group works on
// its own card and its own board until the host brings everyone back. Pure like the rest of the
// room: the randomness comes in through ctx.shuffle, and latecomers join the smallest group in apply.
import type { Card, Command } from '../protocol/index.ts';
import type { Actor, DecideContext, Groups, RoomEvent, RoomState } from './state.ts';
import { accept, refuse, type Decision } from './decision.ts';
import { currentCard } from './cards.ts';
import { emptyBoard } from './apply.ts';
import { own } from './own.ts';

/** Groups are never smaller than this (when at least this many people joined), nor larger than GROUP_MAX. */
export const GROUP_MIN = 3;
export const GROUP_MAX = 5;

/** A group's board lives beside the cards' boards; card ids are slugs, so `~` never clashes with one. */
export const groupBoardKey = (cardId: string, round: number, group: number): string => `${cardId}~r${round}g${group}`;

export function parseGroupBoardKey(key: string): { cardId: string; round: number; group: number } | null {
  const match = /^([a-z0-9-]+)~r(\d+)g(\d+)$/.exec(key);
  return match ? { cardId: match[1]!, round: Number(match[2]), group: Number(match[3]) } : null;
}

/**
 * How many groups n people make with groups of about `size`: as close to `size` as can be, every
 * group within 3-5 (fewer than 3 people make one group). Sizes then differ by at most one.
 */
export function groupCount(n: number, size: number): number {
  if (n < GROUP_MIN) return 1;
  const count = Math.ceil(n / size);
  // Size 3 (or 5 people with size 4) would leave a group of 2: fewer, slightly larger groups instead.
  return Math.floor(n / count) < GROUP_MIN ? Math.floor(n / GROUP_MIN) : count;
}

export const groupCardId = (groups: Groups, group: number): string => groups.cardIds[(group - 1) % groups.cardIds.length]!;

/** Members per group, index 0 for group 1. */
export function groupSizes(groups: Groups): number[] {
  const sizes = Array.from({ length: groups.count }, () => 0);
  for (const group of Object.values(groups.members)) sizes[group - 1]! += 1;
  return sizes;
}

/** The group a participant is in while groups run, or null. */
export function groupOf(state: RoomState, participant: string): number | null {
  return (state.groups && own(state.groups.members, participant)) ?? null;
}

/** What a command acts on: the card this actor sees, and the board key its board commands reach. */
export interface Target {
  card: Card;
  boardKey: string;
  /** The small group whose card and board this is; null for the room's own card. */
  group: number | null;
}

/**
 * The card an actor works on: a participant in a group their group's card; the host the room's card,
 * or a group's card when the command names the group.
 */
export function targetOf(state: RoomState, actor: Actor, command: Command): { ok: true; target: Target } | (Decision & { ok: false }) {
  const named = 'group' in command ? command.group : undefined;
  const group = actor.role === 'participant' ? groupOf(state, actor.participant) : (named ?? null);
  if (group === null) return roomTarget(currentCard(state));
  const groups = state.groups;
  if (!groups || group > groups.count) return { ok: false, error: 'not-found', message: 'Dit groepje bestaat niet (meer).' };
  const card = state.deck.cards.find((c) => c.id === groupCardId(groups, group))!;
  return { ok: true, target: { card, boardKey: groupBoardKey(card.id, groups.round, group), group } };
}

/**
 * The room's own card as a target: one frozen object per card, since every command of every phone
 * asks for it (a new pair of objects each was garbage on every answer).
 */
function roomTarget(card: Card): { ok: true; target: Target } {
  let known = roomTargets.get(card);
  if (!known) roomTargets.set(card, (known = Object.freeze({ ok: true as const, target: Object.freeze({ card, boardKey: card.id, group: null }) })));
  return known;
}
const roomTargets = new WeakMap<Card, { ok: true; target: Target }>();

type GroupsCommand = Extract<Command, { type: 'groups.start' | 'groups.end' }>;

export function decideGroups(state: RoomState, command: GroupsCommand, ctx: DecideContext): Decision {
  if (command.type === 'groups.end') return state.groups ? accept([{ type: 'groupsEnded' }]) : accept([]);

  // VALIDATION
  if (state.groups) return refuse('conflict', 'Er zijn al groepjes. Haal eerst iedereen terug.');
  for (const cardId of command.cardIds) {
    const card = state.deck.cards.find((c) => c.id === cardId);
    if (!card) return refuse('not-found', 'Deze kaart bestaat niet.');
    if (!card.board) return refuse('invalid', 'Kies kaarten met een bord: daarop schrijft elk groepje.');
  }
  const people = [...state.participants].sort(); // by hash, so join order plays no part
  if (!people.length) return refuse('conflict', 'Er doet nog niemand mee.');
  if (!ctx.shuffle) return refuse('server', 'Groepjes maken lukt nu niet. Probeer het nog eens.');

  // RESOLUTION
  const count = groupCount(people.length, command.size);
  const members: Record<string, number> = {};
  ctx.shuffle(people).forEach((participant, i) => (members[participant] = (i % count) + 1));
  const round = 1 + Math.max(0, ...Object.keys(state.boards).map((key) => parseGroupBoardKey(key)?.round ?? 0));
  return accept([{ type: 'groupsFormed', round, size: command.size, cardIds: command.cardIds, count, members }]);
}

/** Applies groupsFormed / groupsEnded. Each group's board opens with the groups. */
export function applyGroupsEvent(state: RoomState, event: Extract<RoomEvent, { type: 'groupsFormed' | 'groupsEnded' }>): RoomState {
  if (event.type === 'groupsEnded') return { ...state, groups: null };
  const groups: Groups = { round: event.round, size: event.size, cardIds: event.cardIds, count: event.count, members: event.members };
  const boards = { ...state.boards };
  for (let n = 1; n <= groups.count; n++) {
    const key = groupBoardKey(groupCardId(groups, n), groups.round, n);
    boards[key] = { ...(own(boards, key) ?? emptyBoard()), open: true };
  }
  return { ...state, groups, boards };
}

/** Someone who joins while groups run goes to the smallest group (the lowest number on a tie). */
export function withLatecomer(groups: Groups, participant: string): Groups {
  if (own(groups.members, participant)) return groups;
  const sizes = groupSizes(groups);
  const smallest = sizes.indexOf(Math.min(...sizes)) + 1;
  return { ...groups, members: { ...groups.members, [participant]: smallest } };
}

/** The boards of one split, as [group, key] pairs in group order. */
export function roundBoards(state: RoomState, round: number): { group: number; cardId: string; key: string }[] {
  return Object.keys(state.boards)
    .map((key) => ({ key, parsed: parseGroupBoardKey(key) }))
    .filter((b) => b.parsed?.round === round)
    .map((b) => ({ group: b.parsed!.group, cardId: b.parsed!.cardId, key: b.key }))
    .sort((a, b) => a.group - b.group);
}

/**
 * Whether enough different people wrote on one split's boards together for its walls to be shown.
 * Everyone is in one group per split, so the boards' writer counts add up to different people.
 */
export function roundHasEnoughAuthors(state: RoomState, round: number): boolean {
  const writers = roundBoards(state, round).reduce((sum, b) => sum + state.boards[b.key]!.authorCount, 0);
  return writers >= state.minGroupSize;
}
