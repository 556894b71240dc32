// The rooms this process holds in memory. Every change goes through one queue per room:
// decide, append to storage, apply, and only then report back, so what anyone is told is stored.
import type { Command, CommandAck, CreateRoomRequest, Deck } from '../protocol/index.ts';
import { CreateRoomRequest as CreateRoomSchema, LIMITS } from '../protocol/index.ts';
import type { Actor, RoomEvent, RoomState } from '../room/state.ts';
import { anonymise, apply, replay } from '../room/apply.ts';
import { decide, decideJoin } from '../room/decide.ts';
import { createRoomEvents } from '../room/create.ts';
import { decidePublish } from '../boards/decide-board.ts';
import type { RoomRecord, RoomStore } from '../storage/room-store.ts';
import { hashKey, newEntityId, newJoinCode, newParticipantKey, newSecretKey } from './secrets.ts';

export interface LiveRoom {
  code: string;
  record: RoomRecord;
  state: RoomState;
  /** Idempotency keys (actor + command id) already applied, with the acknowledgement they got. */
  applied: Map<string, CommandAck>;
  queue: Promise<unknown>;
}

export interface CommandOutcome {
  ack: CommandAck;
  /** Whether state changed (views need to go out). */
  changed: boolean;
}

export class LiveRooms {
  private rooms = new Map<string, Promise<LiveRoom | null>>();

  private store: RoomStore;
  private decks: Map<string, Deck>;
  private now: () => number;

  constructor(store: RoomStore, decks: Map<string, Deck>, now: () => number = Date.now) {
    this.store = store;
    this.decks = decks;
    this.now = now;
  }

  async create(input: CreateRoomRequest): Promise<{ code: string; hostKey: string; beamerKey: string }> {
    const request = CreateRoomSchema.parse(input);
    const deck = this.decks.get(request.deckId);
    if (!deck) throw new UnknownDeckError(request.deckId);
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
      const events = createRoomEvents({ code, deckId: request.deckId, deck, now: record.createdAt, minGroupSize: request.minGroupSize, contacts: request.contacts });
      await this.store.create(record, events);
      this.rooms.set(code, Promise.resolve({ code, record, state: replay(events)!, applied: new Map(), queue: Promise.resolve() }));
      return { code, hostKey, beamerKey };
    }
    throw new Error('no free join code after 5 attempts');
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
    const room: LiveRoom = {
      code,
      record: loaded.record,
      state: replay(loaded.events)!,
      applied: new Map(loaded.commandKeys.map((key) => [key, { ok: true }])),
      queue: Promise.resolve(),
    };
    // A crash between "ended" and "sealed" is finished here.
    if (room.state.status === 'ended' && room.record.participantKey) await this.seal(room);
    return room;
  }

  /** Runs work for one room after everything queued before it, never two at once. */
  private serial<T>(room: LiveRoom, work: () => Promise<T>): Promise<T> {
    const result = room.queue.then(work);
    room.queue = result.catch(() => undefined);
    return result;
  }

  private async commit(room: LiveRoom, events: RoomEvent[], commandKey: string | null) {
    if (!events.length) return;
    await this.store.append(room.code, events, commandKey);
    room.state = events.reduce<RoomState>((s, e) => apply(s, e), room.state);
    if (room.state.status === 'ended') await this.seal(room);
  }

  private async seal(room: LiveRoom) {
    const state = anonymise(room.state);
    await this.store.seal(room.code, { type: 'snapshot', state });
    room.state = state;
    room.record = { ...room.record, participantKey: null };
    room.applied.clear();
  }

  join(room: LiveRoom, participant: string): Promise<CommandOutcome> {
    return this.serial(room, async () => {
      const decision = decideJoin(room.state, participant, LIMITS.participantsPerRoom);
      if (!decision.ok) return { ack: { ok: false, error: decision.error, message: decision.message }, changed: false };
      await this.commit(room, decision.events, null);
      return { ack: { ok: true }, changed: decision.events.length > 0 };
    });
  }

  /** AUTH happened in the socket layer (actor); the model checks what this actor may do. */
  run(room: LiveRoom, actor: Actor, command: Command): Promise<CommandOutcome> {
    return this.serial(room, async () => {
      const actorKey = actor.role === 'participant' ? `p:${actor.participant}` : actor.role;
      const commandKey = `${actorKey}:${command.id}`;
      const earlier = room.applied.get(commandKey);
      if (earlier) return { ack: { ...earlier, duplicate: true }, changed: false };
      const decision = decide(room.state, command, { actor, now: this.now(), newId: newEntityId });
      if (!decision.ok) return { ack: { ok: false, error: decision.error, message: decision.message }, changed: false };
      try {
        await this.commit(room, decision.events, commandKey);
      } catch (error) {
        console.error(`[kring] room ${room.code}: could not store a command:`, (error as Error).message);
        return { ack: { ok: false, error: 'server', message: 'Opslaan lukte niet. Probeer het nog eens.' }, changed: false };
      }
      const ack: CommandAck = { ok: true, ...decision.data };
      if (room.state.status !== 'ended') room.applied.set(commandKey, ack);
      return { ack, changed: decision.events.length > 0 };
    });
  }

  /** Moves approved post-its onto the beamer's wall, in a batch. */
  publish(room: LiveRoom): Promise<boolean> {
    return this.serial(room, async () => {
      const events = decidePublish(room.state);
      await this.commit(room, events, null);
      return events.length > 0;
    });
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
}

export class UnknownDeckError extends Error {
  constructor(deckId: string) {
    super(`Onbekende kaartset: ${deckId}`);
  }
}
