// The rooms this process holds in memory. Every change is decided in order on the state the
// changes before it left, written by the group commit (one transaction for all rooms' changes that
// came in meanwhile), applied once that transaction committed, and only then reported back, so
// what anyone is told is stored. Rooms nobody is connected to leave memory after a while.
import { normaliseText } from '../boards/text.ts';
import type { Command, CommandAck, CreateRoomRequest, Deck } from '../protocol/index.ts';
import { CreateRoomRequest as CreateRoomSchema, LIMITS } from '../protocol/index.ts';
import type { Actor, RoomEvent, RoomState } from '../room/state.ts';
import { anonymise, apply, replay } from '../room/apply.ts';
import { decide, decideJoin } from '../room/decide.ts';
import type { Decision } from '../room/decision.ts';
import { createRoomEvents } from '../room/create.ts';
import { cardToSample } from '../room/overloop.ts';
import { decidePublish } from '../boards/decide-board.ts';
import { FencedError, type RoomRecord, type RoomStore } from '../storage/room-store.ts';
import { BusyError, DEFAULT_COMMIT_QUEUE_LIMIT, GroupCommit } from './group-commit.ts';
import { ACCEPTED, commandKey, RecentCommands, type AcceptedAck } from './recent-commands.ts';
import { hashKey, newEntityId, newJoinCode, newParticipantKey, newSecretKey, shuffled } from './secrets.ts';
import { dehydrate, deckVersion, hydrate } from './stored-events.ts';

export interface LiveRoom {
  code: string;
  record: RoomRecord;
  state: RoomState;
  /**
   * What host and beamer are shown: the state as of the last batch tick, plus the host's own
   * actions. Participants' answers reach it only on the tick (see `observe`), on every path.
   */
  observed: RoomState;
  /**
   * Per actor, the commands already applied with the acknowledgement they got (the last
   * RECENT_KEYS_PER_ACTOR, all a client ever sends again), and its vote waiting in the queue.
   */
  commands: RecentCommands<WaitingVote>;
  /**
   * The state as the changes decided for the forming batch leave it (`draftBatch` numbers that
   * batch); later changes of this room in the same batch are decided on it. `state` moves to it
   * only when the batch committed; a batch that failed leaves `state` as storage has it.
   */
  draft: RoomState;
  draftBatch: number;
  /** Settles when the last change handed to the group commit did: all before it settled too. */
  lastWrite: Promise<unknown>;
  /** Deleted (or being deleted): nothing more is written for it. */
  deleted: boolean;
  /** Several processes: another process holds the room now; this copy writes nothing more. */
  lost: boolean;
  /** When anything last happened here, for evicting idle rooms from memory. */
  lastUsed: number;
  /** Events stored since the room's last snapshot, counted as batches commit: when to compact. */
  sinceSnapshot: number;
  /** A compaction is queued or being written. */
  compacting: boolean;
}

/**
 * Events a room stores before its history is compacted into one snapshot (KRING_SNAPSHOT_EVERY):
 * loading a room replays its last snapshot and what came after, not an hour of 5,000 phones.
 */
export const DEFAULT_SNAPSHOT_EVERY = 10_000;

const NO_IDS: readonly string[] = Object.freeze([]);

/** Whose commands these are in a room's memory (recent-commands.ts): the participant's hash, or the role. */
const actorOf = (actor: Actor) => (actor.role === 'participant' ? actor.participant : actor.role);

interface WaitingVote {
  command: Extract<Command, { type: 'vote.cast' }>;
  /** Ids of every command folded into this one; they all get its acknowledgement. */
  ids: string[];
  outcome: Promise<CommandOutcome>;
}

export interface CommandOutcome {
  ack: CommandAck;
  /** The events that were stored and applied (empty when nothing changed). */
  events: RoomEvent[];
}

/** A storage failure: the command was refused and nothing was applied. */
const STORAGE_FAILED: CommandAck = {
  ok: false,
  error: 'server',
  message: 'Opslaan lukte niet, er is niets veranderd. Probeer het zo nog eens. Blijft dit gebeuren, dan is de schijf van de server misschien vol.',
};

/** The group commit's queue is full: nothing was applied, and the client sends it again shortly. */
export const BUSY_ACK: CommandAck = {
  ok: false,
  error: 'busy',
  message: 'Het is heel druk op de server. Je antwoord is nog niet opgeslagen; we proberen het zo vanzelf opnieuw.',
};

const GONE: CommandAck = { ok: false, error: 'not-found', message: 'Deze sessie bestaat niet meer.' };

class RoomGoneError extends Error {}

/** Several processes: this process's lease on the room ran out before the change was written. */
class LeaseLostError extends Error {}

/** What a change decided: the events to store (none: nothing changes) and what to answer. */
interface Step<T> {
  events: RoomEvent[];
  commandKey?: string | null;
  result: T;
}

export interface LiveRoomsOptions {
  /** Changes that may wait for the next transaction before commands get `busy` (KRING_COMMIT_QUEUE). */
  commitQueueLimit?: number;
  /** Phones one room takes (KRING_PARTICIPANTS_PER_ROOM); default LIMITS.participantsPerRoom. */
  participantsPerRoom?: number;
  /** Events a room stores since its last snapshot before it is compacted (KRING_SNAPSHOT_EVERY). */
  snapshotEvery?: number;
  /**
   * Several processes: this process's lease token for a room (null: no valid lease), written with
   * every change so a process that lost the room can never write to it (storage/room-leases.ts).
   */
  fence?: (code: string) => number | null;
}

export class LiveRooms {
  private rooms = new Map<string, Promise<LiveRoom | null>>();
  /** The rooms whose load finished, by their promise in `rooms`: what `loaded` answers at once. */
  private settled = new WeakMap<Promise<LiveRoom | null>, LiveRoom>();
  private versions = new Map<string, Deck>();

  private store: RoomStore;
  private decks: Map<string, Deck>;
  private now: () => number;
  private commits: GroupCommit;
  private participantsPerRoom: number;
  private fence: ((code: string) => number | null) | null;
  private snapshotEvery: number;

  constructor(store: RoomStore, decks: Map<string, Deck>, now: () => number = Date.now, options: LiveRoomsOptions = {}) {
    this.store = store;
    this.decks = decks;
    this.now = now;
    this.commits = new GroupCommit(store, options.commitQueueLimit ?? DEFAULT_COMMIT_QUEUE_LIMIT);
    this.participantsPerRoom = options.participantsPerRoom ?? LIMITS.participantsPerRoom;
    this.fence = options.fence ?? null;
    this.snapshotEvery = options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
    for (const deck of decks.values()) this.versions.set(deckVersion(deck), deck);
  }

  async create(input: CreateRoomRequest): Promise<{ code: string; hostKey: string; beamerKey: string }> {
    const request = CreateRoomSchema.parse(input);
    const deck = this.decks.get(request.deckId);
    if (!deck) throw new UnknownDeckError(request.deckId);
    if (request.cardIds) {
      const known = new Set(deck.cards.map((c) => c.id));
      if (new Set(request.cardIds).size !== request.cardIds.length || request.cardIds.some((id) => !known.has(id))) {
        throw new InvalidCardsError();
      }
    }
    const version = deckVersion(deck);
    await this.store.saveDeck(version, deck);
    const hostKey = newSecretKey();
    const beamerKey = newSecretKey();
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newJoinCode();
      if (await this.store.load(code)) continue;
      const record: RoomRecord = {
        code,
        createdAt: this.now(),
        hostKeyHash: hashKey(hostKey),
        beamerKeyHash: hashKey(beamerKey),
        participantKey: newParticipantKey(),
      };
      const events = createRoomEvents({
        code,
        deckId: request.deckId,
        deckVersion: version,
        deck,
        now: record.createdAt,
        minGroupSize: request.minGroupSize,
        expectedGroupSize: request.expectedGroupSize,
        playlist: request.cardIds,
        groupName: request.groupName ? normaliseText(request.groupName.replace(/\n/g, ' ')) || null : null,
        contacts: request.contacts,
        age: deck.audience === 'klas' ? request.age : undefined,
      });
      await this.store.create(record, events.map(dehydrate));
      // Several processes: the room is not kept here. The process the screens reach (nginx sends a
      // room to one) takes its lease and loads it, so a room is in memory only under a lease.
      if (!this.fence) this.keep(code, Promise.resolve(this.live(code, record, replay(events)!, [], events.length)));
      return { code, hostKey, beamerKey };
    }
    throw new Error('no free join code after 5 attempts');
  }

  private live(code: string, record: RoomRecord, state: RoomState, commandKeys: string[], sinceSnapshot: number): LiveRoom {
    const room: LiveRoom = {
      code,
      record,
      state,
      observed: state,
      commands: new RecentCommands(),
      draft: state,
      draftBatch: 0,
      lastWrite: Promise.resolve(),
      deleted: false,
      lost: false,
      lastUsed: this.now(),
      sinceSnapshot,
      compacting: false,
    };
    // Stored in order, so each actor keeps its most recent keys.
    for (const key of commandKeys) room.commands.rememberKey(key, ACCEPTED);
    return room;
  }

  get(code: string): Promise<LiveRoom | null> {
    let room = this.rooms.get(code);
    if (!room) this.keep(code, (room = this.load(code)));
    return room;
  }

  /** The room when it is in memory and loaded, without waiting a turn (every command asks). */
  loaded(code: string): LiveRoom | undefined {
    const room = this.rooms.get(code);
    return room && this.settled.get(room);
  }

  private keep(code: string, room: Promise<LiveRoom | null>) {
    this.rooms.set(code, room);
    // A code that does not exist is not cached, so probing codes cannot fill memory.
    room.then(
      (r) => (r ? this.settled.set(room, r) : this.rooms.delete(code)),
      () => this.rooms.delete(code),
    );
  }

  private async load(code: string): Promise<LiveRoom | null> {
    const loaded = await this.store.load(code);
    if (!loaded) return null;
    const events = await hydrate(loaded.events, (version) => this.deckByVersion(version));
    const lastSnapshot = events.findLastIndex((e) => e.type === 'snapshot');
    const room = this.live(code, loaded.record, replay(events)!, loaded.commandKeys, events.length - lastSnapshot - 1);
    // A crash between "ended" and "sealed" is finished here (with several processes, by the holder).
    if (room.state.status === 'ended' && room.record.participantKey && this.mayWrite(code)) await this.seal(room);
    return room;
  }

  /**
   * A room to read (an export, the host's delete): the one in memory; with several processes, when
   * another process may hold it, a fresh copy from storage that is not kept, so a copy read here
   * never goes stale in memory.
   */
  read(code: string): Promise<LiveRoom | null> {
    return this.mayWrite(code) ? this.get(code) : this.load(code);
  }

  /** The room's stored record (keys' hashes, participant key), without loading the room. */
  loadRecord(code: string) {
    return this.store.loadRecord(code);
  }

  /** One process: always. Several: while this process holds the room's lease. */
  private mayWrite(code: string) {
    return !this.fence || this.fence(code) !== null;
  }

  private async deckByVersion(version: string): Promise<Deck | null> {
    const known = this.versions.get(version);
    if (known) return known;
    const stored = await this.store.loadDeck(version);
    if (stored) this.versions.set(version, stored);
    return stored;
  }

  /**
   * Hands one change to the group commit. `step` decides it when its batch forms, on the state the
   * changes before it left; the promise settles once that batch committed (and `state` moved on)
   * or failed (nothing of it applied). Rejects with BusyError at once when the queue is full and
   * the change `mayRefuse`.
   */
  private write<T>(room: LiveRoom, step: (state: RoomState) => Step<T>, mayRefuse: boolean, canWait = false): Promise<Step<T>> {
    room.lastUsed = this.now();
    const done = new Promise<Step<T>>((resolve, reject) => {
      let decided: Step<T> | null = null;
      let after: RoomState | null = null;
      this.commits.submit(
        {
          prepare: (batch) => {
            if (room.deleted) throw new RoomGoneError();
            if (room.lost) throw new LeaseLostError();
            const fence = this.fenceOf(room.code);
            if (room.draftBatch !== batch) {
              room.draft = room.state;
              room.draftBatch = batch;
            }
            decided = step(room.draft);
            // After the end only the seal writes: whatever else was decided is not stored.
            if (!decided.events.length || room.draft.status === 'ended') {
              decided = { ...decided, events: [] };
              return null;
            }
            after = decided.events.reduce<RoomState>((s, e) => apply(s, e), room.draft);
            room.draft = after;
            return { code: room.code, events: decided.events.map(dehydrate), commandKey: decided.commandKey ?? null, fence };
          },
          committed: () => {
            if (after) room.state = after;
            room.sinceSnapshot += decided!.events.length;
            this.compactIfDue(room);
            resolve(decided!);
          },
          failed: (error) => {
            // Another process holds the room now: what this one has in memory is stale.
            if (error instanceof FencedError || error instanceof LeaseLostError) this.drop(room);
            reject(error);
          },
        },
        mayRefuse,
        canWait,
      );
    });
    // The promise itself, not a .catch() of it: one promise less per command (readers use writesSettled).
    room.lastWrite = done;
    return done;
  }

  /**
   * Queues a compaction once the room stored more than `snapshotEvery` events since its last
   * snapshot. It goes through the group commit like any change, so it is decided when its batch
   * forms: the snapshot is the state every change before it (stored, or earlier in that batch)
   * leaves, and the store replaces exactly those events with it in the batch's transaction; a
   * change after it is stored after it. Nothing appended meanwhile can be lost.
   */
  private compactIfDue(room: LiveRoom) {
    if (room.compacting || room.sinceSnapshot <= this.snapshotEvery || room.deleted || room.lost) return;
    room.compacting = true;
    let settled!: () => void;
    // Part of the room's writes: deleting or evicting the room waits for it too (jobs settle in order).
    room.lastWrite = new Promise<void>((resolve) => (settled = resolve));
    this.commits.submit(
      {
        prepare: (batch) => {
          if (room.deleted || room.lost) return null;
          const fence = this.fenceOf(room.code);
          if (room.draftBatch !== batch) {
            room.draft = room.state;
            room.draftBatch = batch;
          }
          // After the end the seal replaces the history (anonymised) instead.
          if (room.draft.status === 'ended') return null;
          // The live state, not anonymised: the session goes on from it. The keys are those of the
          // changes before it (claimed when decided), each actor's oldest first; a key whose batch
          // failed was released and must not come back after a restart as if it had been stored.
          const snapshot = dehydrate({ type: 'snapshot', state: room.draft });
          const commandKeys = room.commands.keys();
          return { code: room.code, events: [], commandKey: null, fence, compact: { snapshot, commandKeys } };
        },
        committed: () => {
          // Jobs report in batch order: changes after the snapshot in this batch count on from here.
          room.compacting = false;
          room.sinceSnapshot = 0;
          settled();
        },
        failed: (error) => {
          // Nothing of the batch is stored; the next stored change tries again.
          room.compacting = false;
          settled();
          if (error instanceof FencedError || error instanceof LeaseLostError) this.drop(room);
          else logStorageError(room.code, error);
        },
      },
      false,
    );
  }

  /** The lease token to write with; throws when this process should not write to the room now. */
  private fenceOf(code: string): number | null {
    if (!this.fence) return null;
    const token = this.fence(code);
    if (token === null) throw new LeaseLostError();
    return token;
  }

  /** Resolves once every write of the room submitted so far settled (jobs settle in order). */
  private writesSettled(room: LiveRoom): Promise<unknown> {
    return room.lastWrite.catch(() => undefined);
  }

  /** Seals the room once its end is stored; if sealing fails now (a full disk), it is finished later (finishSeal, load). */
  private async sealIfEnded(room: LiveRoom) {
    if (room.state.status === 'ended' && room.record.participantKey) await this.seal(room).catch((error: unknown) => logStorageError(room.code, error));
  }

  /** Seals an ended room whose seal could not be stored before. */
  async finishSeal(room: LiveRoom): Promise<void> {
    await this.writesSettled(room);
    if (room.state.status === 'ended' && room.record.participantKey) await this.seal(room);
  }

  private async seal(room: LiveRoom) {
    const state = anonymise(room.state);
    await this.store.seal(room.code, dehydrate({ type: 'snapshot', state }), this.fenceOf(room.code));
    room.state = state;
    room.draft = state;
    room.draftBatch = 0;
    room.observed = state;
    room.record = { ...room.record, participantKey: null };
    room.commands.clear();
    room.sinceSnapshot = 0;
  }

  join(room: LiveRoom, participant: string): Promise<CommandOutcome> {
    return this.write(
      room,
      (state): Step<CommandOutcome> => {
        const decision = decideJoin(state, participant, this.participantsPerRoom);
        if (!decision.ok) return { events: [], result: refusal(decision) };
        return { events: decision.events, result: { ack: { ok: true }, events: decision.events } };
      },
      true,
      // A phone waits for its first view anyway: a few milliseconds more let joins share a commit.
      true,
    ).then(
      (step) => (step.events.length ? step.result : { ack: step.result.ack, events: [] }),
      (error: unknown) => failedOutcome(room.code, error),
    );
  }

  /** AUTH happened in the socket layer (actor); the model checks what this actor may do. */
  run(room: LiveRoom, actor: Actor, command: Command): Promise<CommandOutcome> {
    const memory = room.commands.of(actorOf(actor));
    // Repeated vote changes cost one write: while a vote of this phone on this card waits in the
    // queue, a newer one takes its place and both get the acknowledgement of the one write.
    if (command.type === 'vote.cast' && actor.role === 'participant') {
      const waiting = memory.waitingVote;
      if (waiting && waiting.command.cardId === command.cardId && !memory.ackOf(command.id)) {
        // The same id sent again (a lost acknowledgement) changes nothing: it gets the same answer.
        if (!waiting.ids.includes(command.id)) {
          waiting.command = command;
          waiting.ids.push(command.id);
        }
        return waiting.outcome;
      }
      const entry: WaitingVote = { command, ids: [command.id], outcome: null! };
      memory.waitingVote = entry;
      entry.outcome = this.runCommand(room, actor, () => {
        if (memory.waitingVote === entry) memory.waitingVote = null;
        return entry;
      });
      // Refused before it was ever taken (busy): the next vote starts afresh.
      entry.outcome.then(() => memory.waitingVote === entry && (memory.waitingVote = null));
      return entry.outcome;
    }
    return this.runCommand(room, actor, () => ({ command, ids: [command.id] }));
  }

  /** Decides a command when its batch forms (`take` gives it then, with every id it answers for). */
  private runCommand(room: LiveRoom, actor: Actor, take: () => { command: Command; ids: string[] }, mayRefuse = true): Promise<CommandOutcome> {
    const who = actorOf(actor);
    const memory = room.commands.of(who);
    let claimed: readonly string[] = NO_IDS;
    return this.write(
      room,
      (state): Step<CommandOutcome> => {
        const { command, ids } = take();
        const written = ids[ids.length - 1]!;
        const earlier = memory.ackOf(written);
        if (earlier) return { events: [], result: { ack: { ...earlier, duplicate: true }, events: [] } };
        const decision = decide(state, command, { actor, now: this.now(), newId: newEntityId, shuffle: shuffled });
        if (!decision.ok) return { events: [], result: refusal(decision) };
        const ack: AcceptedAck = room.commands.accepted(decision.data);
        // Claimed now, so a resend in the same batch is a duplicate; released if the batch fails.
        // (Almost always one id, the one just found unremembered: then the array `take` gave.)
        claimed = ids.length === 1 ? ids : ids.filter((id) => !memory.ackOf(id));
        for (const id of claimed) memory.remember(id, ack);
        return { events: decision.events, commandKey: commandKey(who, written), result: { ack, events: decision.events } };
      },
      mayRefuse,
    ).then(
      (step) => {
        const outcome = step.events.length ? step.result : { ack: step.result.ack, events: [] };
        // Only the end waits for the seal; every other command goes on without another promise.
        return room.state.status === 'ended' ? this.sealIfEnded(room).then(() => outcome) : outcome;
      },
      (error: unknown) => {
        for (const id of claimed) memory.release(id);
        return failedOutcome(room.code, error);
      },
    );
  }

  /** The batch tick: host and beamer may now see what participants did since the last one. */
  observe(room: LiveRoom) {
    room.observed = room.state;
  }

  /** Host actions show at once: their events go onto the observed state too, answers do not. */
  observeHostEvents(room: LiveRoom, events: RoomEvent[]) {
    room.observed = room.state.status === 'ended' ? room.state : events.reduce<RoomState>((s, e) => apply(s, e), room.observed);
  }

  /** Moves approved post-its onto the beamer's wall, in batches of at least `minBatch`. */
  publish(room: LiveRoom, minBatch: number): Promise<boolean> {
    return this.write(room, (state) => ({ events: decidePublish(state, minBatch), result: null }), false).then((step) => step.events.length > 0);
  }

  /** Takes an overloopdebat's point as the system, through the queue like any command; true when one was stored. */
  sampleOverloop(room: LiveRoom): Promise<boolean> {
    return this.write(
      room,
      (state) => {
        const cardId = cardToSample(state);
        if (!cardId) return { events: [], result: null };
        const command = { id: 'overloop-sample', type: 'overloop.sample', cardId } as const;
        const decision = decide(state, command, { actor: { role: 'system' }, now: this.now(), newId: newEntityId });
        return { events: decision.ok ? decision.events : [], result: null };
      },
      false,
    ).then(
      (step) => step.events.length > 0,
      (error: unknown) => (logStorageError(room.code, error), false),
    );
  }

  /** Ends a session nobody hosts any more, as the host's "Sessie afsluiten" would. */
  endUnattended(room: LiveRoom): Promise<CommandOutcome> {
    return this.runCommand(room, { role: 'system' }, () => ({ command: { id: 'unattended-end', type: 'session.end' }, ids: ['unattended-end'] }), false);
  }

  /** Deletes a room at once (the host's "verwijder nu"). */
  async delete(room: LiveRoom): Promise<void> {
    room.deleted = true;
    await this.writesSettled(room);
    await this.store.delete(room.code);
    this.rooms.delete(room.code);
  }

  /** Forgets rooms from memory (not storage), e.g. after retention deleted them. */
  forget(code: string) {
    this.rooms.delete(code);
  }

  /** Several processes: the lease on a room is gone, so its copy in memory may be stale. */
  lose(code: string) {
    const pending = this.rooms.get(code);
    this.rooms.delete(code);
    void pending?.then((room) => room && (room.lost = true), () => undefined);
  }

  private drop(room: LiveRoom) {
    room.lost = true;
    const pending = this.rooms.get(room.code);
    void pending?.then((current) => current === room && this.rooms.get(room.code) === pending && this.rooms.delete(room.code), () => undefined);
  }

  /** Drops rooms from memory that nobody used for `idleMs` and nobody is connected to. */
  async evictIdle(idleMs: number, inUse: (code: string) => boolean): Promise<number> {
    let evicted = 0;
    for (const [code, pending] of this.rooms) {
      const room = await pending.catch(() => null);
      if (!room || inUse(code) || this.now() - room.lastUsed < idleMs || room.commands.voteWaiting()) continue;
      await this.writesSettled(room);
      if (this.rooms.get(code) === pending && !inUse(code)) {
        this.rooms.delete(code);
        // Several processes: the lease goes too (room-leases.ts releases it), so a timer that still
        // holds this copy must not write with a lease taken again later.
        if (this.fence) room.lost = true;
        evicted++;
      }
    }
    return evicted;
  }

  /** Whether the room is in memory (or being loaded). */
  has(code: string) {
    return this.rooms.has(code);
  }

  /** How many rooms are in memory (for tests and the health check). */
  get size() {
    return this.rooms.size;
  }
}

function refusal(decision: Extract<Decision, { ok: false }>): CommandOutcome {
  return { ack: { ok: false, error: decision.error, message: decision.message }, events: [] };
}

/** A change that was not stored: busy (queue full), a room that is gone, or storage that failed. */
function failedOutcome(code: string, error: unknown): CommandOutcome {
  // Taken over by another process: the client sends it again and reaches the new holder.
  if (error instanceof BusyError || error instanceof FencedError || error instanceof LeaseLostError) return { ack: BUSY_ACK, events: [] };
  if (error instanceof RoomGoneError) return { ack: GONE, events: [] };
  logStorageError(code, error);
  return { ack: STORAGE_FAILED, events: [] };
}

/** Logs what failed without anything about a participant: the room code and the error's message. */
function logStorageError(code: string, error: unknown) {
  console.error(`[kring] room ${code}: could not store a change:`, (error as Error).message);
}

export class InvalidCardsError extends Error {
  constructor() {
    super('De gekozen kaarten horen niet (allemaal) bij deze kaartset, of een kaart staat er twee keer in.');
  }
}

export class UnknownDeckError extends Error {
  constructor(deckId: string) {
    super(`Onbekende kaartset: ${deckId}`);
  }
}
