// The rooms this process holds in memory. Every change goes through one queue per room:
// decide, append to storage, apply, and only then report back, so what anyone is told is stored.
// Rooms nobody is connected to leave memory after a while and load again on demand.
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
import type { RoomRecord, RoomStore } from '../storage/room-store.ts';
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
  /** Idempotency keys (actor + command id) already applied, with the acknowledgement they got. */
  applied: Map<string, AcceptedAck>;
  queue: Promise<unknown>;
  /** Votes waiting in the queue, by participant and card: a newer one replaces the waiting one. */
  waitingVotes: Map<string, WaitingVote>;
  /** When anything last happened here, for evicting idle rooms from memory. */
  lastUsed: number;
}

type AcceptedAck = Extract<CommandAck, { ok: true }>;

interface WaitingVote {
  command: Command;
  /** Idempotency keys of every command folded into this one; they all get its acknowledgement. */
  keys: string[];
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

export class LiveRooms {
  private rooms = new Map<string, Promise<LiveRoom | null>>();
  private versions = new Map<string, Deck>();

  private store: RoomStore;
  private decks: Map<string, Deck>;
  private now: () => number;

  constructor(store: RoomStore, decks: Map<string, Deck>, now: () => number = Date.now) {
    this.store = store;
    this.decks = decks;
    this.now = now;
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
      const state = replay(events)!;
      this.rooms.set(code, Promise.resolve(this.live(code, record, state, [])));
      return { code, hostKey, beamerKey };
    }
    throw new Error('no free join code after 5 attempts');
  }

  private live(code: string, record: RoomRecord, state: RoomState, commandKeys: string[]): LiveRoom {
    return {
      code,
      record,
      state,
      observed: state,
      applied: new Map(commandKeys.map((key) => [key, { ok: true }])),
      queue: Promise.resolve(),
      waitingVotes: new Map(),
      lastUsed: this.now(),
    };
  }

  get(code: string): Promise<LiveRoom | null> {
    let room = this.rooms.get(code);
    if (!room) {
      room = this.load(code);
      this.rooms.set(code, room);
      // A code that does not exist is not cached, so probing codes cannot fill memory.
      room.then((r) => r ?? this.rooms.delete(code), () => this.rooms.delete(code));
    }
    return room;
  }

  private async load(code: string): Promise<LiveRoom | null> {
    const loaded = await this.store.load(code);
    if (!loaded) return null;
    const events = await hydrate(loaded.events, (version) => this.deckByVersion(version));
    const room = this.live(code, loaded.record, replay(events)!, loaded.commandKeys);
    // A crash between "ended" and "sealed" is finished here.
    if (room.state.status === 'ended' && room.record.participantKey) await this.seal(room);
    return room;
  }

  private async deckByVersion(version: string): Promise<Deck | null> {
    const known = this.versions.get(version);
    if (known) return known;
    const stored = await this.store.loadDeck(version);
    if (stored) this.versions.set(version, stored);
    return stored;
  }

  /** Runs work for one room after everything queued before it, never two at once. */
  private serial<T>(room: LiveRoom, work: () => Promise<T>): Promise<T> {
    room.lastUsed = this.now();
    const result = room.queue.then(work);
    room.queue = result.catch(() => undefined);
    return result;
  }

  private async commit(room: LiveRoom, events: RoomEvent[], commandKey: string | null) {
    if (!events.length) return;
    await this.store.append(room.code, events.map(dehydrate), commandKey);
    room.state = events.reduce<RoomState>((s, e) => apply(s, e), room.state);
    // The end is stored; if sealing fails now (a full disk), it is finished later (finishSeal, load).
    if (room.state.status === 'ended') await this.seal(room).catch((error: unknown) => logStorageError(room.code, error));
  }

  /** Seals an ended room whose seal could not be stored before. */
  async finishSeal(room: LiveRoom): Promise<void> {
    if (room.state.status === 'ended' && room.record.participantKey) await this.serial(room, () => this.seal(room));
  }

  private async seal(room: LiveRoom) {
    const state = anonymise(room.state);
    await this.store.seal(room.code, dehydrate({ type: 'snapshot', state }));
    room.state = state;
    room.observed = state;
    room.record = { ...room.record, participantKey: null };
    room.applied.clear();
    room.waitingVotes.clear();
  }

  join(room: LiveRoom, participant: string): Promise<CommandOutcome> {
    return this.serial(room, async () => {
      const stored = await this.commitDecision(room, decideJoin(room.state, participant, LIMITS.participantsPerRoom), null);
      return 'refused' in stored ? stored.refused : { ack: { ok: true }, events: stored.events };
    });
  }

  /** AUTH happened in the socket layer (actor); the model checks what this actor may do. */
  run(room: LiveRoom, actor: Actor, command: Command): Promise<CommandOutcome> {
    const actorKey = actor.role === 'participant' ? `p:${actor.participant}` : actor.role;
    const commandKey = `${actorKey}:${command.id}`;
    // Repeated vote changes cost one write: while a vote of this phone on this card waits in the
    // queue, a newer one takes its place and both get the acknowledgement of the one write.
    if (command.type === 'vote.cast' && actor.role === 'participant') {
      const slot = `${actor.participant}:${command.cardId}`;
      const waiting = room.waitingVotes.get(slot);
      if (waiting && !room.applied.has(commandKey)) {
        waiting.command = command;
        waiting.keys.push(commandKey);
        return waiting.outcome;
      }
      const entry: WaitingVote = { command, keys: [commandKey], outcome: null! };
      room.waitingVotes.set(slot, entry);
      entry.outcome = this.serial(room, () => {
        room.waitingVotes.delete(slot);
        return this.runNow(room, actor, entry.command, entry.keys);
      });
      return entry.outcome;
    }
    return this.serial(room, () => this.runNow(room, actor, command, [commandKey]));
  }

  private async runNow(room: LiveRoom, actor: Actor, command: Command, keys: string[]): Promise<CommandOutcome> {
    const written = keys[keys.length - 1]!;
    const earlier = room.applied.get(written);
    if (earlier) return { ack: { ...earlier, duplicate: true }, events: [] };
    const decision = decide(room.state, command, { actor, now: this.now(), newId: newEntityId, shuffle: shuffled });
    const stored = await this.commitDecision(room, decision, written);
    if ('refused' in stored) return stored.refused;
    const ack: AcceptedAck = { ok: true, ...(decision.ok ? decision.data : {}) };
    if (room.state.status !== 'ended') for (const key of keys) room.applied.set(key, ack);
    return { ack, events: stored.events };
  }

  /** Stores what the model decided; a refusal, or storage that failed, comes back as the answer to give. */
  private async commitDecision(room: LiveRoom, decision: Decision, commandKey: string | null): Promise<{ refused: CommandOutcome } | { events: RoomEvent[] }> {
    if (!decision.ok) return { refused: { ack: { ok: false, error: decision.error, message: decision.message }, events: [] } };
    try {
      await this.commit(room, decision.events, commandKey);
    } catch (error) {
      logStorageError(room.code, error);
      return { refused: { ack: STORAGE_FAILED, events: [] } };
    }
    return { events: decision.events };
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
    return this.serial(room, async () => {
      const events = decidePublish(room.state, minBatch);
      await this.commit(room, events, null);
      return events.length > 0;
    });
  }

  /** Takes an overloopdebat's point as the system, through the queue like any command; true when one was stored. */
  sampleOverloop(room: LiveRoom): Promise<boolean> {
    return this.serial(room, async () => {
      const cardId = cardToSample(room.state);
      if (!cardId) return false;
      const command = { id: 'overloop-sample', type: 'overloop.sample', cardId } as const;
      const decision = decide(room.state, command, { actor: { role: 'system' }, now: this.now(), newId: newEntityId });
      const stored = await this.commitDecision(room, decision, null);
      return 'events' in stored && stored.events.length > 0;
    });
  }

  /** Ends a session nobody hosts any more, as the host's "Sessie afsluiten" would. */
  endUnattended(room: LiveRoom): Promise<CommandOutcome> {
    return this.serial(room, () => this.runNow(room, { role: 'system' }, { id: 'unattended-end', type: 'session.end' }, ['system:unattended-end']));
  }

  /** Deletes a room at once (the host's "verwijder nu"). */
  async delete(room: LiveRoom): Promise<void> {
    await this.serial(room, () => this.store.delete(room.code));
    this.rooms.delete(room.code);
  }

  /** Forgets rooms from memory (not storage), e.g. after retention deleted them. */
  forget(code: string) {
    this.rooms.delete(code);
  }

  /** Drops rooms from memory that nobody used for `idleMs` and nobody is connected to. */
  async evictIdle(idleMs: number, inUse: (code: string) => boolean): Promise<number> {
    let evicted = 0;
    for (const [code, pending] of this.rooms) {
      const room = await pending.catch(() => null);
      if (!room || inUse(code) || this.now() - room.lastUsed < idleMs || room.waitingVotes.size) continue;
      await room.queue;
      if (this.rooms.get(code) === pending && !inUse(code)) {
        this.rooms.delete(code);
        evicted++;
      }
    }
    return evicted;
  }

  /** How many rooms are in memory (for tests and the health check). */
  get size() {
    return this.rooms.size;
  }
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
