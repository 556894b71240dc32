// Every command a client may send, as one zod discriminated union. Clients send them on the
// single `command` event with an acknowledgement; `id` is the client's idempotency key.
import { z } from 'zod';
import { LIMITS, MIN_GROUP_SIZE_FLOOR, MIN_GROUP_SIZE_MAX, TIMER_LIMITS } from './constants.ts';

/** Scales a host may give a card of their own (waar / niet waar needs an explanation written ahead). */
export const OWN_CARD_SCALES = ['oke-twijfel-niet-oke', 'eens-oneens', 'nooit-soms-vaak'] as const;

/** A vote is an option id of the card's scale (see scales.ts) or 'pas', an explicit "sla over".
 *  The model checks the id against the card; the schema only keeps it a short slug. */
const VOTE_CHOICE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VOTE_CHOICE_MAX = 40;
export const VoteChoice = z.string().regex(VOTE_CHOICE).max(VOTE_CHOICE_MAX);
export type VoteChoice = z.infer<typeof VoteChoice>;

const COMMAND_ID = /^[A-Za-z0-9_-]{8,40}$/;
const CARD_ID = /^[a-z0-9-]{1,60}$/;
const commandId = z.string().regex(COMMAND_ID, 'ongeldige opdracht-id');
const cardId = z.string().regex(CARD_ID);
const entityId = z.string().regex(/^[A-Za-z0-9_-]{4,40}$/);
/** Raw post-it text; normalised and length-checked by the model (after normalisation). */
const rawText = z.string().max(LIMITS.postItChars * 4);

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ id: commandId, type: z.literal(type), ...shape });

/** On the host's board commands: which small group's board they act on (none: the room's card). */
const group = z.number().int().min(1).max(200).optional();
/** A host board command: the card, and optionally the small group whose board it means. */
const hostBoard = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => cmd(type, { ...shape, group });

// Host commands: only a host key can send these.
export const HostCommand = z.discriminatedUnion('type', [
  /** voteOnly: a quick voting round (vote first, talk later): the card's board is not opened yet. */
  cmd('card.goto', { index: z.number().int().min(0).max(200), voteOnly: z.boolean().optional() }),
  /** Which cards to play and in which order; the card on the screen stays in the list. */
  cmd('cards.arrange', { cardIds: z.array(cardId).min(1).max(LIMITS.cardsInPlay) }),
  /** A situation of the group's own, played right after the current card. */
  cmd('card.add', {
    title: z.string().max(LIMITS.ownCardTitleChars * 4),
    situation: z.string().max(LIMITS.ownCardSituationChars * 4),
    scale: z.enum(OWN_CARD_SCALES),
  }),
  cmd('vote.open', { cardId }),
  cmd('vote.close', { cardId }),
  cmd('result.reveal', { cardId }),
  cmd('result.hide', { cardId }),
  /** Starts the question afresh: everyone answers again, and the new round's counts are its own. */
  cmd('vote.newRound', { cardId }),
  hostBoard('board.open', { cardId }),
  hostBoard('board.close', { cardId }),
  hostBoard('board.reveal', { cardId }),
  hostBoard('board.hide', { cardId }),
  // A handful of ids at a time (well under the message cap); "approve all" is its own command.
  hostBoard('postIt.approve', { cardId, postItIds: z.array(entityId).min(1).max(LIMITS.postItIdsPerCommand) }),
  /** Approves every waiting post-it on the card except flagged ones, which each need a look of their own. */
  hostBoard('postIt.approveAll', { cardId }),
  hostBoard('postIt.hide', { cardId, postItId: entityId }),
  hostBoard('postIt.unhide', { cardId, postItId: entityId }),
  hostBoard('postIt.highlight', { cardId, postItId: entityId, highlighted: z.boolean() }),
  hostBoard('postIt.merge', { cardId, postItId: entityId, intoId: entityId }),
  /** Afspraken: the group adopts (or drops) a proposal. */
  hostBoard('postIt.adopt', { cardId, postItId: entityId, adopted: z.boolean() }),
  hostBoard('postIt.move', {
    cardId,
    postItId: entityId,
    columnId: z.string().regex(/^[a-z0-9-]{1,60}$/).nullable().optional(),
    clusterId: entityId.nullable().optional(),
  }),
  hostBoard('cluster.create', { cardId, name: z.string().max(LIMITS.clusterNameChars * 4) }),
  hostBoard('cluster.rename', { cardId, clusterId: entityId, name: z.string().max(LIMITS.clusterNameChars * 4) }),
  hostBoard('cluster.remove', { cardId, clusterId: entityId }),
  cmd('settings.minGroupSize', { minGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR).max(MIN_GROUP_SIZE_MAX) }),
  /** Closes the room to new phones once the class is in; phones that joined can always come back. */
  cmd('room.lock', { locked: z.boolean() }),
  /** The beamer's join panel: large (open) while the class joins, a small corner with the code once
   *  everyone is in. Only the beamer's layout; phones can join either way. */
  cmd('join.panel', { open: z.boolean() }),
  cmd('session.end', {}),
  /** Splits the room into small groups at random; groups get the cards round-robin. */
  cmd('groups.start', { size: z.union([z.literal(3), z.literal(4), z.literal(5)]), cardIds: z.array(cardId).min(1).max(20) }),
  /** Everyone back to the room's card; the group boards stay. */
  cmd('groups.end', {}),
  // A team meeting's record (room/meeting.ts): the case on the beamer, the dilemma in one sentence,
  // conclusions and agreed actions (what, which role, when; never names). An empty text clears.
  cmd('case.set', { text: z.string().max(LIMITS.caseChars * 4) }),
  cmd('dilemma.set', { text: z.string().max(LIMITS.recordChars * 4) }),
  cmd('conclusion.add', { text: z.string().max(LIMITS.recordChars * 4) }),
  cmd('conclusion.remove', { recordId: entityId }),
  cmd('action.add', {
    what: z.string().max(LIMITS.recordChars * 4),
    who: z.string().max(LIMITS.actionPartChars * 4),
    when: z.string().max(LIMITS.actionPartChars * 4),
  }),
  cmd('action.remove', { recordId: entityId }),
  // A step's timer (room/timer.ts): start or resume, pause, add minutes, or call it done.
  cmd('timer.start', { cardId, minutes: z.number().int().min(TIMER_LIMITS.startMinutes.min).max(TIMER_LIMITS.startMinutes.max).optional() }),
  cmd('timer.pause', { cardId }),
  cmd('timer.extend', { cardId, minutes: z.number().int().min(TIMER_LIMITS.extendMinutes.min).max(TIMER_LIMITS.extendMinutes.max) }),
  cmd('timer.skip', { cardId }),
]);

// Participant commands: a participant token reaches only these.
export const ParticipantCommand = z.discriminatedUnion('type', [
  cmd('vote.cast', { cardId, choice: VoteChoice }),
  cmd('postIt.add', {
    cardId,
    text: rawText,
    columnId: z.string().regex(/^[a-z0-9-]{1,60}$/).nullable().optional(),
  }),
  cmd('postIt.edit', { cardId, postItId: entityId, text: rawText }),
  cmd('postIt.withdraw', { cardId, postItId: entityId }),
  /** The case, typed by whoever brings it in; the host puts it on the beamer (case.set). */
  cmd('case.draft', { text: z.string().max(LIMITS.caseChars * 4) }),
  /** "Wat neem ik mee": private; only the author ever gets it back, unless `shared` (the action point). */
  cmd('reflection.save', {
    cardId,
    answers: z.record(z.string().regex(/^[0-9]{1,2}$/), z.string().regex(/^[a-z0-9-]{1,40}$/)),
    notes: z.string().max(LIMITS.reflectionNotesChars * 4),
    action: z.string().max(LIMITS.recordChars * 4),
    shared: z.boolean(),
  }),
  /** Afspraken: support a proposal, or take the support back; one per participant per proposal. */
  cmd('postIt.support', { cardId, postItId: entityId, support: z.boolean() }),
]);

export type HostCommand = z.infer<typeof HostCommand>;

const HOST_TYPES: ReadonlySet<string> = new Set(HostCommand.options.map((o) => o.shape.type.value));
const PARTICIPANT_TYPES: ReadonlySet<string> = new Set(ParticipantCommand.options.map((o) => o.shape.type.value));

/** Which role a command type belongs to, or null for a type that does not exist. */
export function commandRole(type: unknown): 'host' | 'participant' | null {
  if (typeof type !== 'string') return null;
  return HOST_TYPES.has(type) ? 'host' : PARTICIPANT_TYPES.has(type) ? 'participant' : null;
}
export type ParticipantCommand = z.infer<typeof ParticipantCommand>;

/**
 * An answer exactly as the schema takes it (`vote.cast`, the same patterns, no other keys), checked
 * without zod and returned as it came; null for anything else, which then goes through the schema
 * (ParticipantCommand), also a malformed answer, so its refusal is the schema's. Answers are most
 * of what a server receives: zod's parse built a copy and a result object for each, about 1 KB of
 * garbage per answer, and the young-generation collections that garbage causes are where the
 * acknowledgement's p99 lies (README, "Grenzen en belasting"). tests/unit/vote-parse.test.ts holds
 * it to the schema: whatever it accepts, the schema accepts as the same command, and every plain
 * answer the schema accepts, it accepts.
 */
export function wellFormedVote(raw: unknown): Extract<ParticipantCommand, { type: 'vote.cast' }> | null {
  if (raw === null || typeof raw !== 'object' || Object.getPrototypeOf(raw) !== Object.prototype) return null;
  // No key besides the answer's (the schema's object is strict); each of them is checked below.
  for (const key in raw) if (key !== 'id' && key !== 'type' && key !== 'cardId' && key !== 'choice') return null;
  const { id, type, cardId, choice } = raw as Record<string, unknown>;
  return type === 'vote.cast' &&
    typeof id === 'string' &&
    COMMAND_ID.test(id) &&
    typeof cardId === 'string' &&
    CARD_ID.test(cardId) &&
    typeof choice === 'string' &&
    choice.length <= VOTE_CHOICE_MAX &&
    VOTE_CHOICE.test(choice)
    ? (raw as Extract<ParticipantCommand, { type: 'vote.cast' }>)
    : null;
}

// System commands: the server itself sends these (never parsed from a client; the model lets only
// the 'system' actor run them).
export const SystemCommand = z.discriminatedUnion('type', [
  /** Records a point of an overloopdebat's series (room/overloop.ts). */
  cmd('overloop.sample', { cardId }),
]);
export type SystemCommand = z.infer<typeof SystemCommand>;
export type Command = HostCommand | ParticipantCommand | SystemCommand;

/** Every acknowledgement: ok with optional data, or a Dutch error a person can read plus a stable code. */
/**
 * What an accepted command's acknowledgement carries besides `ok`: the ids it made, for an answer
 * the stored choice and its round, and for a new post-it its text as stored, so the phone updates
 * itself (protocol/own-changes.ts) and the server sends it no new view for either.
 */
export interface AckData {
  postItId?: string;
  text?: string;
  clusterId?: string;
  choice?: VoteChoice;
  round?: number;
}

export type CommandAck =
  | ({ ok: true; duplicate?: boolean } & AckData)
  | { ok: false; error: ErrorCode; message: string };

export const ErrorCode = z.enum([
  'invalid', // the message did not match the schema
  'forbidden', // this role may not do this
  'not-found', // room, card, post-it or cluster unknown
  'closed', // voting / board is closed, or the session has ended
  'limit', // a cap was reached
  'conflict', // e.g. the command names a card that is not the current one
  'server', // storage failed; nothing was applied
  'rate-limited', // too many commands in a short time from this phone or screen; nothing was applied
  'too-large', // the message is bigger than the server takes; nothing was applied
  'busy', // the server's write queue is full; nothing was applied, the client sends it again shortly
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
