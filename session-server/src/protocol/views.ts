// What each role may see. The server sends the whole view on every change and every (re)connect.
// No view ever carries a participant token, its hash, or anything that orders participants.
import { z } from 'zod';
import { Card, DeckTheme } from './deck.ts';
import { HelpAudience, SchoolContacts } from './help.ts';
import { VoteChoice } from './commands.ts';
import { OverloopSeries } from './overloop.ts';

/** Counts per option id of the card's scale; the card's scale gives their order and labels. */
const Counts = z.record(z.string(), z.number().int());

/** What the beamer shows for a vote, decided by the model (reveal + minimum group size). */
export const VoteResult = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('hidden') }),
  z.strictObject({ state: z.literal('too-few'), minGroupSize: z.number().int() }),
  z.strictObject({
    state: z.literal('shown'),
    counts: Counts,
    answered: z.number().int(),
    passes: z.number().int(),
    /** No option has a clear majority: the room thinks differently (protocol/scales.ts isSplit). */
    split: z.boolean(),
  }),
]);
export type VoteResult = z.infer<typeof VoteResult>;

export const PostItStatus = z.enum(['pending', 'approved', 'hidden']);
export const PostItFlag = z.enum(['name', 'phone', 'email', 'handle', 'postcode']);

/** A post-it as the beamer sees it: text and place only. */
export const WallPostIt = z.strictObject({
  id: z.string(),
  text: z.string(),
  columnId: z.string().nullable(),
  clusterId: z.string().nullable(),
  highlighted: z.boolean(),
  /** How many duplicates were merged into this one (1 = none). */
  weight: z.number().int(),
  /** Afspraken: how many support this proposal, and whether the group adopted it. */
  supports: z.number().int().optional(),
  adopted: z.boolean().optional(),
});
/** A proposal as a phone sees it on an afspraken board: the text, and only its own support. */
export const Proposal = z.strictObject({ id: z.string(), text: z.string(), supportedByMe: z.boolean(), adopted: z.boolean() });
/** An adopted afspraak, for the beamer's end screen, the export and the poster. */
export const Afspraak = z.strictObject({ text: z.string(), supports: z.number().int() });
export const HostPostIt = WallPostIt.extend({
  status: PostItStatus,
  flags: z.array(PostItFlag),
});
export const OwnPostIt = z.strictObject({ id: z.string(), text: z.string(), columnId: z.string().nullable() });
export const Cluster = z.strictObject({ id: z.string(), name: z.string() });

export const BeamerBoard = z.strictObject({
  open: z.boolean(),
  revealed: z.boolean(),
  /** Only approved post-its, in an order that says nothing about who wrote them or when. */
  postIts: z.array(WallPostIt),
  clusters: z.array(Cluster),
  /** Post-its waiting for the host's approval: shown so moderation is visible, not silent. */
  waiting: z.number().int(),
  /** Revealed, but fewer people wrote than the minimum group size: the wall stays empty. */
  tooFew: z.boolean(),
});
export const HostBoard = z.strictObject({
  open: z.boolean(),
  revealed: z.boolean(),
  moderation: z.boolean(),
  /** Whether at least the minimum group size wrote here. Never a count: a count that moves as
   *  post-its come and go would tell which post-its share a writer. */
  enoughWriters: z.boolean(),
  postIts: z.array(HostPostIt),
  clusters: z.array(Cluster),
});
export const ParticipantBoard = z.strictObject({
  open: z.boolean(),
  /** Post-its wait for the host's approval before the beamer may show them. */
  moderated: z.boolean(),
  mine: z.array(OwnPostIt),
  /** Afspraken: the proposals on the wall (once the beamer shows them), to support; else null. */
  proposals: z.array(Proposal).nullable(),
});

export const RoomStatus = z.enum(['live', 'ended']);

/** An agreed action: what, by which role, by when. Never a name. */
export const AgreedAction = z.strictObject({ id: z.string(), what: z.string(), who: z.string(), when: z.string() });
/** A team meeting's record as beamer and host see it (room/meeting.ts). */
export const MeetingView = z.strictObject({
  /** The case, on the beamer only during the steps that show it; the host always has it. */
  case: z.string().nullable(),
  dilemma: z.string().nullable(),
  conclusions: z.array(z.strictObject({ id: z.string(), text: z.string() })),
  actions: z.array(AgreedAction),
  /** Action points their authors chose to share; none while fewer than the minimum shared. */
  sharedActions: z.array(z.string()),
  /** Host only: cases typed on phones, as text (never who typed them), and whether they may name someone. */
  caseDrafts: z.array(z.strictObject({ text: z.string(), flags: z.array(PostItFlag) })).optional(),
  caseFlags: z.array(PostItFlag).optional(),
});
/** "Wat neem ik mee" as its author sees it; nobody else ever gets it. */
export const OwnReflection = z.strictObject({
  answers: z.record(z.string(), z.string()),
  notes: z.string(),
  action: z.string(),
  shared: z.boolean(),
});
/**
 * The current card's timer, in server time: a client shows `endsAt - serverNow` while it runs (its
 * own clock corrected by its estimated offset to the server), else `remainingMs`. Null without one.
 */
export const TimerView = z.strictObject({
  durationMs: z.number().int(),
  /** Server ms when the time is up, while running; null when paused or skipped. */
  endsAt: z.number().int().nullable(),
  /** What is left when paused or skipped (at the start of the run while running). */
  remainingMs: z.number().int(),
  running: z.boolean(),
  skipped: z.boolean(),
});
export type TimerView = z.infer<typeof TimerView>;

const CardEntry = z.strictObject({ id: z.string(), title: z.string(), kind: z.string(), theme: z.string().nullable() });
/** A small group as the beamer shows it, beside the others: its card and its wall (same rules as a board). */
export const BeamerGroup = z.strictObject({ number: z.number().int(), card: Card, board: BeamerBoard });
/** A small group as the host moderates it: how many phones are in it (never which), its card and board. */
export const HostGroup = z.strictObject({
  number: z.number().int(),
  cardId: z.string(),
  cardTitle: z.string(),
  /** The whole card, as the host has the room's card: its board's columns and prompt. */
  card: Card,
  members: z.number().int(),
  board: HostBoard,
});

export const ParticipantView = z.strictObject({
  role: z.literal('participant'),
  status: RoomStatus,
  deckTitle: z.string(),
  card: Card.nullable(),
  /** `round` starts at 1; a new round clears `mine`, and the phone says why. */
  /** `revealed`: the result is on the beamer, so the card's explanation (waar / niet waar) is in `card`. */
  vote: z.strictObject({ open: z.boolean(), revealed: z.boolean(), round: z.number().int(), mine: VoteChoice.nullable() }).nullable(),
  board: ParticipantBoard.nullable(),
  /** While the room works in small groups: this phone's group (card and board are the group's). */
  group: z.strictObject({ number: z.number().int(), count: z.number().int() }).nullable(),
  /** The phone's own case draft (on a step where the case is typed) and own reflection; else null. */
  meeting: z.strictObject({ caseDraft: z.string().nullable(), reflection: OwnReflection.nullable() }).nullable(),
  /** The room's card timer, when it belongs to the room's current card. */
  timer: TimerView.nullable(),
  contacts: SchoolContacts,
  /**
   * Which national help lines fit (protocol/help.ts helpLinesFor): the session's audiences, and the
   * lines the cards name: the current card's while live, every card in play once the session ended.
   */
  help: z.strictObject({ audiences: z.array(HelpAudience), cardLines: z.array(z.string()) }),
});

export const BeamerView = z.strictObject({
  role: z.literal('beamer'),
  /** Which version of this room's view this is: patches (EVENTS.viewPatch) name the one they apply to. */
  seq: z.number().int().optional(),
  status: RoomStatus,
  code: z.string(),
  deckTitle: z.string(),
  joined: z.number().int(),
  /** Phones connected now (a phone that left is not counted); null where the server did not say. */
  present: z.number().int().nullable(),
  /** The host closed the room to new phones. */
  locked: z.boolean(),
  /** How to join shown large; false once the host said everyone is in (a small corner with the code). */
  joinPanelOpen: z.boolean(),
  cardIndex: z.number().int(),
  cardCount: z.number().int(),
  card: Card.nullable(),
  vote: z
    .strictObject({
      open: z.boolean(),
      round: z.number().int(),
      /** How many reacted this round (the host's number, in the same batches; never who or what);
       *  null once the result is revealed, so nothing moves beside the frozen result. */
      responded: z.number().int().nullable(),
      result: VoteResult,
      /** Overloop cards only: how the room moved, the main picture while the vote is open. */
      series: OverloopSeries.optional(),
    })
    .nullable(),
  board: BeamerBoard.nullable(),
  /** The afspraken the group adopted so far, over all afspraken cards: the end screen shows them. */
  afspraken: z.array(Afspraak),
  meeting: MeetingView,
  groupName: z.string().nullable(),
  /** While the room works in small groups: the groups side by side, instead of the room's card. */
  groups: z.array(BeamerGroup).nullable(),
  timer: TimerView.nullable(),
  /** The card whose wall `board` is when that is not the current card: a talk card that discusses an earlier board. */
  wallCard: Card.nullable(),
});

export const HostView = z.strictObject({
  role: z.literal('host'),
  /** Which version of this room's view this is: patches (EVENTS.viewPatch) name the one they apply to. */
  seq: z.number().int().optional(),
  status: RoomStatus,
  code: z.string(),
  deckId: z.string(),
  deckTitle: z.string(),
  joined: z.number().int(),
  /** Phones connected now (a phone that left is not counted); null where the server did not say. */
  present: z.number().int().nullable(),
  /** The group size the host named at the start, if any. */
  expectedGroupSize: z.number().int().nullable(),
  /** More phones joined than expected: some may be made up, so a result may point at fewer real people. */
  moreThanExpected: z.boolean(),
  locked: z.boolean(),
  /** The beamer shows how to join large (true) or as a small corner with the code. */
  joinPanelOpen: z.boolean(),
  minGroupSize: z.number().int(),
  cardIndex: z.number().int(),
  /** The cards in play, in order; `cardIndex` points into this list. */
  cards: z.array(CardEntry),
  /** Every card the host may put in play: the deck's and their own. */
  allCards: z.array(CardEntry),
  themes: z.array(DeckTheme),
  card: Card.nullable(),
  vote: z
    .strictObject({
      open: z.boolean(),
      revealed: z.boolean(),
      /** 1 for the first round; a new round starts the question afresh. */
      round: z.number().int(),
      /** How many reacted (answered or skipped) this round, as one number so a host watching a
       *  phone learns nothing about its choice; reaches the host in batches, never per answer. */
      responded: z.number().int(),
      /** What "Toon resultaat" does now: 'new' takes a fresh snapshot; 'same' shows the frozen one
       *  again, because fewer than the minimum group size answered since it was taken. */
      nextReveal: z.enum(['new', 'same']),
      /** Exactly what the beamer shows. */
      result: VoteResult,
      /** Overloop cards only: the series the beamer shows (its last point is the latest count). */
      series: OverloopSeries.optional(),
    })
    .nullable(),
  board: HostBoard.nullable(),
  afspraken: z.array(Afspraak),
  meeting: MeetingView,
  groupName: z.string().nullable(),
  /** While the room works in small groups: each group's board, to moderate and reveal. */
  groups: z.array(HostGroup).nullable(),
  /** Cards with a board: the ones small groups can work on. */
  boardCardIds: z.array(z.string()),
  timer: TimerView.nullable(),
  contacts: SchoolContacts,
});

export type ParticipantView = z.infer<typeof ParticipantView>;
export type BeamerView = z.infer<typeof BeamerView>;
export type HostView = z.infer<typeof HostView>;
export type View = ParticipantView | BeamerView | HostView;
export type WallPostIt = z.infer<typeof WallPostIt>;
export type HostPostIt = z.infer<typeof HostPostIt>;
export type PostItFlag = z.infer<typeof PostItFlag>;
export type Proposal = z.infer<typeof Proposal>;
export type Afspraak = z.infer<typeof Afspraak>;
export type BeamerGroup = z.infer<typeof BeamerGroup>;
export type HostGroup = z.infer<typeof HostGroup>;
