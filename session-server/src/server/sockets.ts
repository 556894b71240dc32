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
  type Command,
  type CommandAck,
  type Role,
  type View,
} from '../protocol/index.ts';
import type { Actor } from '../room/state.ts';
import { currentCard } from '../room/cards.ts';
import { beamerView, hostView, participantView } from '../room/views.ts';
import { BUSY_ACK, type LiveRoom, type LiveRooms } from './live-rooms.ts';
import { JoinLimiter } from './join-limiter.ts';
import { FloodLimits } from './flood-limits.ts';
import { ObserverBatches } from './observer-batches.ts';
import { Presence } from './presence.ts';
import { OverloopSampler } from './overloop-sampler.ts';
import { OVERLOOP_SAMPLE_MS } from '../room/overloop.ts';
import { authenticate } from './authenticate.ts';
import { admission, type Admission, type AdmitRequest } from './admission.ts';
import { participantHash } from './secrets.ts';
import { BUSY, singleProcess } from './cluster/room-holder.ts';
import type { Cluster } from './cluster/cluster.ts';
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
  /** Several processes (DATABASE_URL + REDIS_URL): broadcasts over Redis, each room's work on its holder. */
  cluster?: Cluster;
}

/** Work another process hands to the room's holder (cluster/room-holder.ts). */
type RoomCall =
  | { op: 'admit'; request: AdmitRequest }
  | { op: 'command'; code: string; actor: Actor; command: Command }
  | { op: 'view'; code: string; role: Role; participant: string | null }
  | { op: 'presence'; code: string };

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
    ...(options.cluster ? { adapter: options.cluster.adapter } : {}),
  });
  const holder = options.cluster?.holder ?? singleProcess;
  // On an afspraken card the phones list the wall's proposals, so a published batch reaches them too.
  const batches = new ObserverBatches(rooms, (room) =>
    void (currentCard(room.state).kind === 'afspraken' ? emitAll(room) : emitObservers(room)).catch(logEmitError(room.code)),
  );
  // A new point reaches host and beamer on the next batch tick, like what participants do.
  const sampler = new OverloopSampler({ rooms, intervalMs: options.overloopSampleMs ?? OVERLOOP_SAMPLE_MS, inUse: (code) => inUse(code), onPoint: (room) => batches.markDirty(room) });
  // Changes reach host and beamer on the next batch tick, through the room's holder.
  const presence = new Presence({
    io,
    participantsOf: (code) => channel.role(code, 'participant'),
    onChange: (code) => void holder.run(code, () => ({ op: 'presence', code }) satisfies RoomCall, () => markPresenceChanged(code)).catch(() => {}),
    acrossProcesses: Boolean(options.cluster),
  });

  const admitHere = admission({ rooms, flood, onJoined: (room) => batches.markDirty(room) });
  const admit = async (request: AdmitRequest): Promise<Admission> => {
    const admitted = await holder.run(request.room, () => forwardable(request), () => admitHere(request));
    return admitted === BUSY ? { ok: false, reason: 'busy' } : admitted;
  };
  /** A handshake to forward: the phone's hash instead of its token, made with the stored participant key. */
  async function forwardable(request: AdmitRequest): Promise<RoomCall> {
    if (request.role !== 'participant' || !('token' in request)) return { op: 'admit', request };
    const key = (await rooms.loadRecord(request.room))?.participantKey;
    return { op: 'admit', request: { role: 'participant', room: request.room, participantHash: key ? participantHash(key, request.token) : null, addressKey: request.addressKey } };
  }
  // AUTH: the handshake names the room and carries the participant token or a key.
  io.use(authenticate({ joinLimiter: new JoinLimiter(), addressKey: options.addressKey, admit }));

  // Calls other processes forward to this one for the rooms it holds.
  options.cluster?.serve(async (raw) => {
    const call = raw as RoomCall;
    const code = call.op === 'admit' ? call.request.room : call.code;
    return holder.answer<unknown>(code, async () => {
      if (call.op === 'admit') return admitHere(call.request);
      if (call.op === 'view') return viewHere(call.code, call.role, call.participant);
      if (call.op === 'presence') return void markPresenceChanged(call.code);
      const { ack, after } = await runHere(call.code, call.actor, call.command);
      // EMIT after the answer is on its way, as for a socket of this process.
      if (after) setImmediate(() => void after().catch(logEmitError(call.code)));
      return { ack } satisfies Handled;
    });
  });

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
      presence.add(socket, code, participant);
    }
    if (role === 'host') {
      options.onHostSeen?.(code);
      socket.on('disconnect', () => options.onHostSeen?.(code));
    }
    // Every (re)connect gets the whole view, so no client depends on missed events. Host and
    // beamer get the batched (observed) state, never fresher counts than the last tick.
    const view = await holder.run(code, () => ({ op: 'view', code, role, participant }) satisfies RoomCall, () => viewHere(code, role, participant));
    if (view === BUSY || !view) return void socket.disconnect(true);
    socket.emit(EVENTS.view, view);
  }

  /** The view a new socket gets, made where the room is held. */
  async function viewHere(code: string, role: Role, participant: string | null): Promise<View | null> {
    const room = await rooms.get(code);
    if (!room) return null;
    sampler.watch(room);
    return viewFor(room, role, participant, await presence.count(code));
  }

  async function markPresenceChanged(code: string) {
    const room = await rooms.get(code);
    if (room) batches.markDirty(room);
  }

  async function handleCommand(socket: KringSocket, raw: unknown): Promise<Handled> {
    const answer = (ack: CommandAck) => ({ ack });
    const { code } = socket.data;
    if (messageBytes(raw) > LIMITS.messageBytes) return answer(REFUSALS.tooLarge);
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
    // RUN (decide, store, apply) where the room is held; the acknowledgement goes out only after
    // the events are stored.
    const command = parsed.data;
    const handled = await holder.run(code, () => ({ op: 'command', code, actor, command }) satisfies RoomCall, () => runHere(code, actor, command));
    return handled === BUSY ? answer(BUSY_ACK) : handled;
  }

  async function runHere(code: string, actor: Actor, command: Command): Promise<Handled> {
    const live = await rooms.get(code);
    if (!live) return { ack: { ok: false, error: 'not-found', message: 'Deze sessie bestaat niet meer.' } };
    const outcome = await rooms.run(live, actor, command);
    if (actor.role === 'host' && outcome.events.length) rooms.observeHostEvents(live, outcome.events);
    return { ack: outcome.ack, after: outcome.events.length ? () => emitAfter(live, actor) : undefined };
  }

  async function emitAfter(live: LiveRoom, actor: Actor) {
    sampler.watch(live);
    if (live.state.status === 'ended') {
      batches.clear(live.code);
      return emitAll(live);
    }
    if (actor.role === 'participant') {
      emitToParticipant(live, actor.participant);
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

  function viewFor(room: LiveRoom, role: Role, participant: string | null, present: number): View {
    if (role === 'host') return hostView(room.observed, present);
    if (role === 'beamer') return beamerView(room.observed, present);
    return participantView(room.state, participant ?? '');
  }

  function emitToParticipant(room: LiveRoom, participant: string) {
    io.to(channel.participant(room.code, participant)).emit(EVENTS.view, participantView(room.state, participant));
  }

  async function emitObservers(room: LiveRoom) {
    const now = await presence.count(room.code);
    io.to(channel.role(room.code, 'host')).emit(EVENTS.view, hostView(room.observed, now));
    io.to(channel.role(room.code, 'beamer')).emit(EVENTS.view, beamerView(room.observed, now));
  }

  /** Host and beamer from the observed state, every phone its own view. */
  async function emitAll(room: LiveRoom) {
    await emitObservers(room);
    const sockets = await io.in(channel.role(room.code, 'participant')).fetchSockets();
    if (room.state.status === 'ended') {
      // After the end nobody is known by a hash any more: everyone gets the same closing view.
      for (const s of sockets) s.data.participant = null;
      io.to(channel.role(room.code, 'participant')).emit(EVENTS.view, participantView(room.state, ''));
      return;
    }
    const seen = new Set<string>();
    for (const s of sockets) {
      const p = s.data.participant;
      if (p && !seen.has(p)) {
        seen.add(p);
        emitToParticipant(room, p);
      }
    }
  }

  /** Several processes: the room's lease was lost, so its timers stop here (the holder has its own). */
  function forgetRoom(code: string) {
    batches.clear(code);
    sampler.clear(code);
  }

  /** Disconnects everyone in a room, e.g. after the host deleted it; other processes drop their copy. */
  function closeRoom(code: string) {
    forgetRoom(code);
    io.in(channel.all(code)).disconnectSockets(true);
    if (options.cluster) io.serverSideEmit('roomDeleted', code);
  }
  io.on('roomDeleted', (code: string) => {
    rooms.lose(code);
    forgetRoom(code);
  });

  /** Whether anyone is connected to this room on this process. */
  const inUse = (code: string) => (io.sockets.adapter.rooms.get(channel.all(code))?.size ?? 0) > 0;
  const hostConnected = (code: string) => (io.sockets.adapter.rooms.get(channel.role(code, 'host'))?.size ?? 0) > 0;

  return {
    io,
    closeRoom,
    forgetRoom,
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
