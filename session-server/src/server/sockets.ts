// The socket layer: authenticates the handshake, parses commands, hands them to the rooms and sends
// views. It holds no rules of its own. Every handler reads the same way: AUTH, PARSE, RUN, ACK, EMIT.
// Nothing a client sends may end the process: every handler answers, also when something fails.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import {
  commandRole,
  EVENTS,
  HostCommand,
  LIMITS,
  ParticipantCommand,
  REFUSAL_MESSAGES,
  type CommandAck,
  type BeamerView,
  type Role,
  type HostView,
} from '../protocol/index.ts';
import type { Actor, RoomEvent } from '../room/state.ts';
import { currentCard } from '../room/cards.ts';
import { beamerView, hostView, participantView } from '../room/views.ts';
import { phoneViews } from '../room/phone-views.ts';
import { diffView } from '../protocol/view-patch.ts';
import { randomInt } from 'node:crypto';
import type { LiveRoom, LiveRooms } from './live-rooms.ts';
import { JoinLimiter } from './join-limiter.ts';
import { FloodLimits } from './flood-limits.ts';
import { ObserverBatches } from './observer-batches.ts';
import { OverloopSampler } from './overloop-sampler.ts';
import { OVERLOOP_SAMPLE_MS } from '../room/overloop.ts';
import { authenticate } from './authenticate.ts';
import type { KringServer, KringSocket } from './socket-types.ts';

export interface SocketOptions {
  /** Whether a browser page from this Origin may open a socket (undefined: not a browser). */
  originAllowed: (origin: string | undefined) => boolean;
  /** The key limits count a client under (its address, IPv6 grouped by /64; behind a trusted proxy, the client's). */
  addressKey: (req: IncomingMessage) => string;
  /** Called when a host connects or leaves, so an unattended session can be ended later. */
  onHostSeen?: (code: string) => void;
  /** How often an open overloopdebat takes a point (default OVERLOOP_SAMPLE_MS). */
  overloopSampleMs?: number;
}

/** A command's answer, and what to send to others once it went out. */
interface Handled {
  ack: CommandAck;
  after?: () => Promise<void>;
}

const channel = {
  all: (code: string) => `room:${code}`,
  role: (code: string, role: Role) => `room:${code}:${role}`,
  participant: (code: string, participant: string) => `room:${code}:p:${participant}`,
};

const REFUSALS = {
  tooLarge: { ok: false, error: 'too-large', message: REFUSAL_MESSAGES.tooLarge },
  rateLimited: { ok: false, error: 'rate-limited', message: 'Even rustig aan: er komt te veel tegelijk binnen. Wacht een paar tellen en probeer het opnieuw.' },
  failed: { ok: false, error: 'server', message: 'Er ging iets mis op de server. Er is niets veranderd; probeer het nog eens.' },
  malformed: { ok: false, error: 'invalid', message: 'Dit bericht klopt niet.' },
} as const satisfies Record<string, CommandAck>;

/** The size of a command as the client sent it; a payload that cannot be measured is too large. */
function messageBytes(raw: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(raw) ?? '');
  } catch {
    return Infinity;
  }
}

export function attachSockets(httpServer: HttpServer, rooms: LiveRooms, options: SocketOptions) {
  const flood = new FloodLimits();
  const io: KringServer = new Server(httpServer, {
    // The transport takes more than a command may be, so an oversized command gets a refusal
    // the client can show instead of a silent disconnect.
    maxHttpBufferSize: LIMITS.transportBytes,
    serveClient: false,
    // Called once per new connection, before Engine.IO does any work for it.
    allowRequest: (req, callback) => callback(null, options.originAllowed(req.headers.origin) && flood.handshake(options.addressKey(req))),
  });
  // On an afspraken card the phones list the wall's proposals, so a published batch reaches them too.
  const batches = new ObserverBatches(rooms, (room) =>
    currentCard(room.state).kind === 'afspraken' ? void emitAll(room).catch(logEmitError(room.code)) : emitObservers(room),
  );
  // A new point reaches host and beamer on the next batch tick, like what participants do.
  const sampler = new OverloopSampler({ rooms, intervalMs: options.overloopSampleMs ?? OVERLOOP_SAMPLE_MS, inUse: (code) => inUse(code), onPoint: (room) => batches.markDirty(room) });
  /** Each phone's open sockets, oldest first, so a script cannot hold hundreds at once. */
  const socketsOf = new Map<string, KringSocket[]>();
  /** Phones with at least one open socket, per room (see changePresent). */
  const present = new Map<string, number>();
  /**
   * The last view sent to each room's host channel and beamer channel, and its number: every socket
   * in the channel holds it, so the next change goes out as a patch against it. Forgotten when the
   * channel empties. Numbers start at random so a patch never fits a view from before a restart.
   */
  const sentToObservers = new Map<string, { seq: number; view: HostView | BeamerView }>();

  // AUTH: the handshake names the room and carries the participant token or a key.
  io.use(authenticate({ rooms, flood, joinLimiter: new JoinLimiter(), addressKey: options.addressKey, onJoined: (room) => batches.markDirty(room) }));

  io.on('connection', async (socket: KringSocket) => {
    const budget = flood.budget(socket.data.role);
    /** Commands still being answered; a flooding socket is closed only after they were. */
    let inFlight = 0;
    let closing = false;
    const closeWhenAnswered = () => {
      if (closing && inFlight === 0) socket.disconnect(true);
    };
    // socket.io passes the acknowledgement as the last argument, whatever came before it.
    socket.on(EVENTS.command, (...args: unknown[]) => {
      const ack = args.at(-1);
      if (typeof ack !== 'function') return; // a command without acknowledgement is not ours
      // First and synchronous, so a flood costs as little as possible; a socket that keeps
      // flooding after its refusals is closed, because only then does the server stop reading it.
      if (closing) return;
      const verdict = flood.command(budget, socket.data.participant);
      if (verdict === 'close') {
        console.error(`[kring] room ${socket.data.code}: a connection kept sending far too many commands and was closed`);
        closing = true;
        return closeWhenAnswered();
      }
      if (verdict === 'refuse') return void ack(REFUSALS.rateLimited);
      inFlight++;
      const answered: Promise<Handled> = args.length === 2 ? handleCommand(socket, args[0]) : Promise.resolve({ ack: REFUSALS.malformed });
      answered
        .then(
          ({ ack: answer, after }) => {
            ack(answer);
            // EMIT after the acknowledgement, so a client hears "done" before it sees the result.
            after?.().catch(logEmitError(socket.data.code));
          },
          (error: unknown) => {
            console.error(`[kring] room ${socket.data.code}: a command failed:`, (error as Error).message);
            ack(REFUSALS.failed);
          },
        )
        .finally(() => {
          inFlight--;
          closeWhenAnswered();
        });
    });
    // Clock sync: the server's time, so every screen counts a step's timer down from the same clock
    // (a phone's own clock may be minutes off). Cheap and bounded: a bucket of its own per socket,
    // nothing else is read from the message, and a socket that floods it is closed like for commands.
    socket.on(EVENTS.time, (...args: unknown[]) => {
      const ack = args.at(-1);
      if (typeof ack !== 'function' || closing) return;
      const verdict = flood.time(budget);
      if (verdict === 'close') {
        closing = true;
        return closeWhenAnswered();
      }
      // A refusal answers null: the client keeps the estimate it has.
      ack(verdict === 'go' ? Date.now() : null);
    });
    try {
      await welcome(socket);
    } catch (error) {
      console.error(`[kring] room ${socket.data.code}: a connection failed:`, (error as Error).message);
      socket.disconnect(true);
    }
  });

  async function welcome(socket: KringSocket) {
    const { code, role, participant } = socket.data;
    await socket.join([channel.all(code), channel.role(code, role)]);
    if (participant) {
      await socket.join(channel.participant(code, participant));
      keepSocketCap(socket, `${code}:${participant}`);
    }
    if (role === 'host') {
      options.onHostSeen?.(code);
      socket.on('disconnect', () => options.onHostSeen?.(code));
    }
    if (role !== 'participant') {
      socket.on('disconnect', () => {
        if (!(io.sockets.adapter.rooms.get(channel.role(code, role))?.size ?? 0)) sentToObservers.delete(`${code}:${role}`);
      });
    }
    const room = await rooms.get(code);
    if (!room) return void socket.disconnect(true);
    sampler.watch(room);
    // Every (re)connect gets the whole view, so no client depends on missed events. Host and
    // beamer get the batched (observed) state, never fresher counts than the last tick: the view
    // their channel holds (brought up to date first, as a patch to the others in it).
    if (role === 'participant') return void socket.emit(EVENTS.view, participantView(room.state, participant ?? ''));
    const sent = sendToObservers(room, role);
    socket.emit(EVENTS.view, { ...sent.view, seq: sent.seq });
  }

  /** A new socket of a phone that already holds the maximum closes its oldest one. */
  function keepSocketCap(socket: KringSocket, key: string) {
    const code = socket.data.code;
    const list = (socketsOf.get(key) ?? []).filter((s) => s.connected);
    if (!list.length) changePresent(code, +1);
    list.push(socket);
    while (list.length > LIMITS.socketsPerParticipant) list.shift()!.disconnect(true);
    socketsOf.set(key, list);
    socket.on('disconnect', () => {
      const left = (socketsOf.get(key) ?? []).filter((s) => s !== socket);
      if (left.length) socketsOf.set(key, left);
      else if (socketsOf.delete(key)) changePresent(code, -1);
    });
  }

  /**
   * How many phones (not sockets) are connected to a room now: "doen mee" on host and beamer, so a
   * phone that left is not counted. Changes reach host and beamer on the next batch tick.
   */
  function changePresent(code: string, by: number) {
    const now = (present.get(code) ?? 0) + by;
    if (now > 0) present.set(code, now);
    else present.delete(code);
    void rooms.get(code).then((room) => room && batches.markDirty(room)).catch(() => {});
  }

  async function handleCommand(socket: KringSocket, raw: unknown): Promise<Handled> {
    const answer = (ack: CommandAck) => ({ ack });
    const { code } = socket.data;
    if (messageBytes(raw) > LIMITS.messageBytes) return answer(REFUSALS.tooLarge);
    const live = await rooms.get(code);
    if (!live) return answer({ ok: false, error: 'not-found', message: 'Deze sessie bestaat niet meer.' });
    // AUTH: the role was proven in the handshake; the beamer only watches.
    const actor = actorOf(socket);
    if (!actor) return answer({ ok: false, error: 'forbidden', message: 'Dit scherm kan alleen kijken.' });
    // PARSE: participants can only ever reach participant commands, whatever they send.
    const schema = actor.role === 'host' ? HostCommand : ParticipantCommand;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const type = raw !== null && typeof raw === 'object' && Object.hasOwn(raw, 'type') ? (raw as { type: unknown }).type : undefined;
      const owner = commandRole(type);
      return answer(
        owner !== null && owner !== actor.role
          ? { ok: false, error: 'forbidden', message: 'Dat mag alleen de gespreksleider.' }
          : { ok: false, error: 'invalid', message: 'Dit bericht klopt niet.' },
      );
    }
    // RUN (decide, store, apply); the acknowledgement goes out only after the events are stored.
    const outcome = await rooms.run(live, actor, parsed.data);
    if (actor.role === 'host' && outcome.events.length) rooms.observeHostEvents(live, outcome.events);
    return { ack: outcome.ack, after: outcome.events.length ? () => emitAfter(live, actor, socket, outcome.events) : undefined };
  }

  async function emitAfter(live: LiveRoom, actor: Actor, socket: KringSocket, events: RoomEvent[]) {
    sampler.watch(live);
    if (live.state.status === 'ended') {
      batches.clear(live.code);
      return emitAll(live);
    }
    if (actor.role === 'participant') {
      // An answer's acknowledgement carries the stored choice (protocol/own-vote.ts): only the
      // phone's other sockets (a second tab) need a view for it, and most phones have none.
      if (events.every((e) => e.type === 'voteCast')) emitToOtherSockets(live, socket, actor.participant);
      else emitToParticipant(live, actor.participant);
      batches.markDirty(live);
      return;
    }
    // The host's own actions show at once; the tick then publishes approved post-its.
    await emitAll(live);
    batches.markDirty(live);
  }

  function actorOf(socket: KringSocket): Actor | null {
    if (socket.data.role === 'host') return { role: 'host' };
    // After the end a phone has no hash any more; the model refuses its commands as 'closed'.
    if (socket.data.role === 'participant') return { role: 'participant', participant: socket.data.participant ?? '' };
    return null;
  }

  function emitToParticipant(room: LiveRoom, participant: string) {
    io.to(channel.participant(room.code, participant)).emit(EVENTS.view, participantView(room.state, participant));
  }

  function emitToOtherSockets(room: LiveRoom, socket: KringSocket, participant: string) {
    if ((socketsOf.get(`${room.code}:${participant}`)?.length ?? 0) < 2) return;
    socket.to(channel.participant(room.code, participant)).emit(EVENTS.view, participantView(room.state, participant));
  }

  function emitObservers(room: LiveRoom) {
    sendToObservers(room, 'host');
    sendToObservers(room, 'beamer');
  }

  /** Sends host or beamer what changed since the view their channel holds (nothing when nothing did); returns the view it holds now. */
  function sendToObservers(room: LiveRoom, role: 'host' | 'beamer') {
    const key = `${room.code}:${role}`;
    const now = present.get(room.code) ?? 0;
    const view = role === 'host' ? hostView(room.observed, now) : beamerView(room.observed, now);
    const last = sentToObservers.get(key);
    const to = channel.role(room.code, role);
    if (!last) {
      const sent = { seq: randomInt(1, 2 ** 31), view };
      sentToObservers.set(key, sent);
      io.to(to).emit(EVENTS.view, { ...view, seq: sent.seq });
      return sent;
    }
    const patch = diffView(last.view, view);
    if (!patch) return last;
    const sent = { seq: last.seq + 1, view };
    sentToObservers.set(key, sent);
    io.to(to).emit(EVENTS.viewPatch, { from: last.seq, to: sent.seq, patch });
    return sent;
  }

  /** Host and beamer from the observed state, every phone its view: one encoding per distinct view (room/phone-views.ts). */
  async function emitAll(room: LiveRoom) {
    emitObservers(room);
    const phones = channel.role(room.code, 'participant');
    if (room.state.status === 'ended') {
      // After the end nobody is known by a hash any more: everyone gets the same closing view.
      for (const s of await io.in(phones).fetchSockets()) s.data.participant = null;
      io.to(phones).emit(EVENTS.view, participantView(room.state, ''));
      return;
    }
    const views = phoneViews(room.state);
    const channelsOf = (participants: string[]) => participants.map((p) => channel.participant(room.code, p));
    io.to(phones).except(views.own.flatMap((v) => channelsOf(v.participants))).emit(EVENTS.view, views.others);
    for (const { participants, view } of views.own) io.to(channelsOf(participants)).emit(EVENTS.view, view);
  }

  /** Disconnects everyone in a room, e.g. after the host deleted it. */
  function closeRoom(code: string) {
    batches.clear(code);
    sentToObservers.delete(`${code}:host`);
    sentToObservers.delete(`${code}:beamer`);
    sampler.clear(code);
    io.in(channel.all(code)).disconnectSockets(true);
  }

  /** Whether anyone is connected to this room on this process. */
  const inUse = (code: string) => (io.sockets.adapter.rooms.get(channel.all(code))?.size ?? 0) > 0;
  const hostConnected = (code: string) => (io.sockets.adapter.rooms.get(channel.role(code, 'host'))?.size ?? 0) > 0;

  return {
    io,
    closeRoom,
    emitAll,
    inUse,
    hostConnected,
    stop: () => {
      batches.stop();
      sampler.stop();
      flood.stop();
    },
  };
}

function logEmitError(code: string) {
  return (error: unknown) => console.error(`[kring] room ${code}: sending views failed:`, (error as Error).message);
}
