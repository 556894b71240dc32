// The room's state and events. Plain JSON so events and snapshots store as they are, except the
// two maps that grow with every phone (who joined, who chose what): those are persistent maps
// (immutable's Map and Set), so one answer costs O(log n) instead of a copy of a 5,000-entry object.
// They serialise to a plain object / array; reviveState (room/persistent.ts) turns them back.
import type { Map as PersistentMap, Set as PersistentSet } from 'immutable';
import type { Card, ClassAge, Deck, SchoolContacts, VoteChoice, PostItFlag } from '../protocol/index.ts';
import type { TimerState } from './timer.ts';

import type { MeetingEvent, MeetingState } from './meeting.ts';
export type RoomStatus = 'live' | 'ended';

export interface VoteState {
  open: boolean;
  /** The beamer shows this vote's frozen result (or why there is none). */
  revealed: boolean;
  /** 1 for the first round; a new round starts the question afresh with counts of its own. */
  round: number;
  /** This round's answers, keyed by the participant's keyed hash; emptied when the session ends. */
  choices: PersistentMap<string, VoteChoice>;
  /** Everyone's choice when `snapshot` was taken, to count who answered since; emptied at the end. */
  atSnapshot: PersistentMap<string, VoteChoice>;
  /**
   * The result frozen at the last reveal that had enough answers: all that beamer, host and
   * export show of this round. Later answers and changes do not move it; a new snapshot needs at
   * least the minimum group size of people who answered since, so two results never differ by
   * one person's answer.
   */
  snapshot: Tally | null;
  /** Frozen results of earlier rounds. */
  earlierRounds: { round: number; tally: Tally }[];
  /** After the end: this round's result as kept (see anonymise); null before. */
  final: Tally | null;
  /** Overloop cards: how the room moved this round, oldest first (room/overloop.ts). Absent elsewhere. */
  series?: SeriesPoint[];
  /** Overloop cards: the tally when the last point was taken (with passes, for a reveal of it); it may
   *  count fewer than k, so it is never shown and is dropped at the end. */
  pointTally?: Tally;
}

/** Counts per option at a moment, or null when fewer than the minimum group size had taken a side. */
export interface SeriesPoint {
  at: number;
  counts: Record<string, number> | null;
}

/**
 * Counts per option id of the card's scale, plus `pas` for passes. Every option has a key (0 when
 * nobody chose it). Results stored before scales existed are { nooit, soms, vaak, pas }: the same shape.
 */
export type Tally = Record<string, number> & { pas: number };

export interface PostIt {
  id: string;
  /** The author's keyed hash; null once the session ended. */
  author: string | null;
  text: string;
  columnId: string | null;
  clusterId: string | null;
  status: 'pending' | 'approved' | 'hidden';
  highlighted: boolean;
  /** Set when the host merged this post-it into another as a duplicate. */
  mergedInto: string | null;
  flags: PostItFlag[];
  /**
   * Afspraken: who supports this proposal, by keyed hash, one each; emptied at the end. Merged
   * duplicates bring their supporters along (a person who supported both counts once).
   */
  supporters?: Record<string, true>;
  /** How many support it; kept after the end. */
  supportCount?: number;
  /** The group adopted this proposal as one of its afspraken. */
  adopted?: boolean;
}

export interface BoardState {
  open: boolean;
  revealed: boolean;
  postIts: Record<string, PostIt>;
  clusters: { id: string; name: string }[];
  /**
   * The wall's order: post-its in the order they were published (in batches, sorted by random id).
   * A post-it keeps its place while edited, waiting or hidden; the views show only approved ones.
   */
  wall: string[];
  /** Authors who wrote at least one post-it here; emptied at the end, count kept. */
  authors: Record<string, true>;
  authorCount: number;
}

export interface RoomState {
  code: string;
  deckId: string;
  /** The content version of `deck`; storage keeps the version, not a copy (server/stored-events.ts). */
  deckVersion?: string;
  deck: Deck;
  createdAt: number;
  status: RoomStatus;
  endedAt: number | null;
  minGroupSize: number;
  /** The group size the host named at the start, if any. */
  expectedGroupSize: number | null;
  /** The group's name for its poster and report ("klas 3B", "team onderbouw"), if the host gave one. */
  groupName?: string | null;
  /** Closed to new phones; phones that joined can always come back. */
  locked: boolean;
  /** Whether the beamer shows how to join large; false: a small corner with the code. Absent: open. */
  joinPanelOpen?: boolean;
  contacts: SchoolContacts;
  /** A class's age as the host gave it (which help lines fit); absent: mixed, or a team. */
  age?: ClassAge;
  cardIndex: number;
  /** A team meeting's case, records and private reflections (room/meeting.ts); absent until used. */
  meeting?: MeetingState;
  /** Card ids in the order the host plays them; absent: the deck's order. */
  playlist?: string[];
  /** Cards the host wrote during the session (a situation of the group's own); kept with the room. */
  extraCards?: Card[];
  /** Keyed hashes of joined participants; emptied at the end, the count stays. */
  participants: PersistentSet<string>;
  joined: number;
  votes: Record<string, VoteState>;
  boards: Record<string, BoardState>;
  /** Small groups while they run (room/groups.ts); absent in rooms stored before groups existed. */
  groups?: Groups | null;
  /** The step timer (room/timer.ts), on the card it was started on; absent in older rooms. */
  timer?: TimerState | null;
}

export interface Groups {
  /** Counts 1, 2, ... over the session, so a new split never writes on an earlier split's boards. */
  round: number;
  size: number;
  /** Group n has card cardIds[(n - 1) % cardIds.length]. */
  cardIds: string[];
  count: number;
  /** Each participant's group (1-based), keyed by their keyed hash; dropped at the end. */
  members: Record<string, number>;
}

export type RoomEvent =
  | {
      type: 'roomCreated';
      code: string;
      deckId: string;
      deckVersion?: string;
      deck: Deck;
      createdAt: number;
      minGroupSize: number;
      expectedGroupSize?: number | null;
      groupName?: string | null;
      /** The cards the host picked before the start, in their order; absent: the whole deck. */
      playlist?: string[];
      contacts: SchoolContacts;
      age?: ClassAge;
    }
  /** The host chose (again) which cards to play and in which order; `index` keeps the current card. */
  | { type: 'cardsArranged'; cardIds: string[]; index: number }
  /** The host added a situation of the group's own, played at `at` in the list. */
  | { type: 'cardAdded'; card: Card; at: number }
  | { type: 'participantJoined'; participant: string }
  | { type: 'cardShown'; index: number }
  | { type: 'voteOpened'; cardId: string }
  | { type: 'voteClosed'; cardId: string }
  | { type: 'voteCast'; cardId: string; participant: string; choice: VoteChoice }
  /** `tally` is a fresh snapshot, or null to show again what is frozen (nothing, when too few answered). */
  | { type: 'resultRevealed'; cardId: string; tally: Tally | null }
  | { type: 'voteRoundStarted'; cardId: string }
  /** A point of an overloopdebat's series, taken by the server on its interval or at the close. */
  | { type: 'overloopSampled'; cardId: string; at: number; counts: Record<string, number> | null }
  | { type: 'roomLocked'; locked: boolean }
  | { type: 'joinPanelSet'; open: boolean }
  | { type: 'resultHidden'; cardId: string }
  | { type: 'minGroupSizeSet'; minGroupSize: number }
  | { type: 'boardOpened'; cardId: string }
  | { type: 'boardClosed'; cardId: string }
  | { type: 'boardRevealed'; cardId: string }
  | { type: 'boardHidden'; cardId: string }
  | {
      type: 'postItAdded';
      cardId: string;
      postItId: string;
      author: string;
      text: string;
      columnId: string | null;
      status: 'pending' | 'approved';
      flags: PostItFlag[];
    }
  | { type: 'postItEdited'; cardId: string; postItId: string; text: string; status: PostIt['status']; flags: PostItFlag[] }
  | { type: 'postItWithdrawn'; cardId: string; postItId: string }
  | { type: 'postItsApproved'; cardId: string; postItIds: string[] }
  | { type: 'postItsPublished'; cardId: string; postItIds: string[] }
  | { type: 'postItHidden'; cardId: string; postItId: string }
  | { type: 'postItUnhidden'; cardId: string; postItId: string }
  | { type: 'postItHighlighted'; cardId: string; postItId: string; highlighted: boolean }
  | { type: 'postItMerged'; cardId: string; postItId: string; intoId: string }
  | { type: 'postItSupported'; cardId: string; postItId: string; participant: string; support: boolean }
  | { type: 'postItAdopted'; cardId: string; postItId: string; adopted: boolean }
  | { type: 'postItMoved'; cardId: string; postItId: string; columnId: string | null; clusterId: string | null }
  | { type: 'clusterCreated'; cardId: string; clusterId: string; name: string }
  | { type: 'clusterRenamed'; cardId: string; clusterId: string; name: string }
  | { type: 'clusterRemoved'; cardId: string; clusterId: string }
  | { type: 'groupsFormed'; round: number; size: number; cardIds: string[]; count: number; members: Record<string, number> }
  | { type: 'groupsEnded' }
  | MeetingEvent
  /** A step's timer (room/timer.ts); `at` is the server's time, so a replay rebuilds the same timer. */
  | { type: 'timerStarted'; cardId: string; at: number; durationMs: number }
  | { type: 'timerPaused'; cardId: string; at: number }
  | { type: 'timerResumed'; cardId: string; at: number }
  | { type: 'timerExtended'; cardId: string; ms: number }
  | { type: 'timerSkipped'; cardId: string; at: number }
  | { type: 'sessionEnded'; at: number }
  /** Replaces the whole history once the session ended: the anonymised state, nothing that links to a phone. */
  | { type: 'snapshot'; state: RoomState };

/** Who sends a command. Participants are known by their keyed hash, never their token. */
export type Actor = { role: 'host' } | { role: 'beamer' } | { role: 'participant'; participant: string } | { role: 'system' };

export interface DecideContext {
  actor: Actor;
  now: number;
  /** Fresh random ids (post-its, clusters); the caller supplies them so the model stays pure. */
  newId: () => string;
  /** A random order of the items (small groups); the server's is crypto-random, tests seed theirs. */
  shuffle?: <T>(items: T[]) => T[];
}
