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
  wellFormedVote,
  type Command,
  type CommandAck,
  type BeamerView,
  type Role,
  type HostView,
  type View,
} from '../protocol/index.ts';
import type { Actor, RoomEvent } from '../room/state.ts';
import { currentCard } from '../room/cards.ts';
import { beamerView, hostView, participantView } from '../room/views.ts';
import { phoneViews } from '../room/phone-views.ts';
import { diffView } from '../protocol/view-patch.ts';
import { randomInt } from 'node:crypto';
import { BUSY_ACK, type LiveRoom, type LiveRooms } from './live-rooms.ts';
import { JoinLimiter } from './join-limiter.ts';
import { withinBytes } from './message-size.ts';
import { FloodLimits, type SocketBudget } from './flood-limits.ts';
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
  | { op: 'command'; code: string; actor: Actor; command: Command; socketId: string; otherTabs: boolean }
  | { op: 'view'; code: string; role: Role; participant: string | null }
  | { op: 'presence'; code: string };

/** A command's answer, and what to send to others once it went out. */
interface Handled {
  ack: CommandAck;
  /** Sends the command's result to others; returns a promise only when it has to wait (see emitAfter). */
  after?: () => Promise<void> | void;
}

const channel = {
  all: (code: string) => `room:${code}`,
  role: (code: string, role: Role) => `room:${code}:${role}`,
  participant: (code: string, participant: string) => `room:${code}:p:${participant}`,
  /** The room code of a `participant` channel (room:CODE:p:HASH), or null for any other channel. */
  participantRoom: (name: string) => /^room:([^:]+):p:/.exec(name)?.[1] ?? null,
};

const REFUSALS = {
  tooLarge: { ok: false, error: 'too-large', message: REFUSAL_MESSAGES.tooLarge },
  rateLimited: { ok: false, error: 'rate-limited', message: 'Even rustig aan: er komt te veel tegelijk binnen. Wacht een paar tellen en probeer het opnieuw.' },
  failed: { ok: false, error: 'server', message: 'Er ging iets mis op de server. Er is niets veranderd; probeer het nog eens.' },
  malformed: { ok: false, error: 'invalid', message: 'Dit bericht klopt niet.' },
} as const satisfies Record<string, CommandAck>;

const ROOM_GONE: CommandAck = { ok: false, error: 'not-found', message: 'Deze sessie bestaat niet meer.' };

/** A command refused before it reached its room. */
const refused = (ack: CommandAck): Promise<Handled> => Promise.resolve({ ack });

export function attachSockets(httpServer: HttpServer, rooms: LiveRooms, options: SocketOptions) {
  const flood = new FloodLimits();
  // The connection's first check and its handshake both count it under its address key, for the
  // same request: parsed and hashed once (gone with the request, which forgetHandshake lets go).
  const addressKeys = new WeakMap<IncomingMessage, string>();
  const addressKey = (req: IncomingMessage) => {
    let key = addressKeys.get(req);
    if (key === undefined) addressKeys.set(req, (key = options.addressKey(req)));
    return key;
  };
  const io: KringServer = new Server(httpServer, {
    // The transport takes more than a command may be, so an oversized command gets a refusal
    // the client can show instead of a silent disconnect.
    maxHttpBufferSize: LIMITS.transportBytes,
    serveClient: false,
    // Called once per new connection, before Engine.IO does any work for it.
    allowRequest: (req, callback) => callback(null, options.originAllowed(req.headers.origin) && flood.handshake(addressKey(req))),
    ...(options.cluster ? { adapter: options.cluster.adapter } : {}),
  });
  forgetUpgradeRequests(io);
  const holder = options.cluster?.holder ?? singleProcess;
  // On an afspraken card the phones list the wall's proposals, so a published batch reaches them too.
  const batches = new ObserverBatches(rooms, (room) =>
    void (currentCard(room.state).kind === 'afspraken' ? emitAll(room) : emitObservers(room)).catch(logEmitError(room.code)),
  );
  // A new point reaches host and beamer on the next batch tick, like what participants do.
  const sampler = new OverloopSampler({ rooms, intervalMs: options.overloopSampleMs ?? OVERLOOP_SAMPLE_MS, inUse: (code) => inUse(code), onPoint: (room) => batches.markDirty(room) });
  /**
   * The names of a room's shared channels, one string for all its sockets: each socket's own set
   * of rooms keeps the very string it joined with, so a copy per socket cost ~100 bytes per phone.
   * Forgotten when socket.io deletes the channel (its last socket left).
   */
  const channelNames = new Map<string, string>();
  const shared = (name: string) => {
    const known = channelNames.get(name);
    if (known) return known;
    channelNames.set(name, name);
    return name;
  };
  io.of('/').adapter.on('delete-room', (name: string) => channelNames.delete(name));
  // Changes reach host and beamer on the next batch tick, through the room's holder.
  const presence = new Presence({
    io,
    participantsOf: (code) => channel.role(code, 'participant'),
    phoneChannelRoom: channel.participantRoom,
    onChange: (code) => void holder.run(code, () => ({ op: 'presence', code }) satisfies RoomCall, () => markPresenceChanged(code)).catch(() => {}),
    acrossProcesses: Boolean(options.cluster),
  });
  /**
   * The last view sent to each room's host channel and beamer channel, and its number: every socket
   * in the channel holds it, so the next change goes out as a patch against it. Kept where the room
   * is held; forgotten when the room leaves this process or its channel empties here. Numbers start
   * at random so a patch never fits a view from before a restart.
   */
  const sentToObservers = new Map<string, { seq: number; view: HostView | BeamerView }>();

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
  io.use(authenticate({ joinLimiter: new JoinLimiter(), addressKey, admit }));

  // Calls other processes forward to this one for the rooms it holds.
  options.cluster?.serve(async (raw) => {
    const call = raw as RoomCall;
    const code = call.op === 'admit' ? call.request.room : call.code;
    return holder.answer<unknown>(code, async () => {
      if (call.op === 'admit') return admitHere(call.request);
      if (call.op === 'view') return viewHere(call.code, call.role, call.participant);
      if (call.op === 'presence') return void markPresenceChanged(call.code);
      const { ack, after } = await runHere(call.code, call.actor, call.command, call.socketId, call.otherTabs);
      // EMIT after the answer is on its way, as for a socket of this process.
      if (after) setImmediate(() => emitAfterAnswer(after, call.code));
      return { ack } satisfies Handled;
    });
  });

  // The handlers are shared by every socket (EventEmitter calls them with the socket as `this`) and
  // what each socket counts is one small object: a closure per socket and per event cost a few
  // hundred bytes on each of thousands of phones.
  const budgets = new WeakMap<KringSocket, SocketBudget>();
  /** A socket closed for flooding goes only once the commands it sent before were answered. */
  const closeWhenAnswered = (socket: KringSocket, budget: SocketBudget) => {
    if (budget.closing && budget.inFlight === 0) socket.disconnect(true);
  };

  // socket.io passes the acknowledgement as the last argument, whatever came before it.
  function onCommand(this: KringSocket, ...args: unknown[]) {
    answerCommand(this, args);
  }
  function answerCommand(socket: KringSocket, args: unknown[]) {
    const budget = budgets.get(socket);
    const ack = args.at(-1);
    if (!budget || typeof ack !== 'function') return; // a command without acknowledgement is not ours
    // First and synchronous, so a flood costs as little as possible; a socket that keeps
    // flooding after its refusals is closed, because only then does the server stop reading it.
    if (budget.closing) return;
    const verdict = flood.command(budget, socket.data.participant);
    if (verdict === 'close') {
      console.error(`[kring] room ${socket.data.code}: a connection kept sending far too many commands and was closed`);
      budget.closing = true;
      return closeWhenAnswered(socket, budget);
    }
    if (verdict === 'refuse') return void ack(REFUSALS.rateLimited);
    budget.inFlight++;
    let answered: Promise<Handled>;
    try {
      answered = args.length === 2 ? handleCommand(socket, args[0]) : refused(REFUSALS.malformed);
    } catch (error) {
      // handleCommand is not async: whatever it throws is answered like a failed command.
      answered = Promise.reject(error);
    }
    answered.then(
      ({ ack: answer, after }) => {
        ack(answer);
        // EMIT after the acknowledgement, so a client hears "done" before it sees the result.
        if (after) emitAfterAnswer(after, socket.data.code);
        budget.inFlight--;
        closeWhenAnswered(socket, budget);
      },
      (error: unknown) => {
        console.error(`[kring] room ${socket.data.code}: a command failed:`, (error as Error).message);
        ack(REFUSALS.failed);
        budget.inFlight--;
        closeWhenAnswered(socket, budget);
      },
    );
  }

  // Clock sync: the server's time, so every screen counts a step's timer down from the same clock
  // (a phone's own clock may be minutes off). Cheap and bounded: a bucket of its own per socket,
  // nothing else is read from the message, and a socket that floods it is closed like for commands.
  function onTime(this: KringSocket, ...args: unknown[]) {
    const budget = budgets.get(this);
    const ack = args.at(-1);
    if (!budget || typeof ack !== 'function' || budget.closing) return;
    const verdict = flood.time(budget);
    if (verdict === 'close') {
      budget.closing = true;
      return closeWhenAnswered(this, budget);
    }
    // A refusal answers null: the client keeps the estimate it has.
    ack(verdict === 'go' ? Date.now() : null);
  }

  io.on('connection', async (socket: KringSocket) => {
    forgetHandshake(socket);
    budgets.set(socket, flood.budget(socket.data.role));
    socket.on(EVENTS.command, onCommand);
    socket.on(EVENTS.time, onTime);
    try {
      await welcome(socket);
    } catch (error) {
      console.error(`[kring] room ${socket.data.code}: a connection failed:`, (error as Error).message);
      socket.disconnect(true);
    }
  });

  async function welcome(socket: KringSocket) {
    const { code, role, participant } = socket.data;
    await socket.join([shared(channel.all(code)), shared(channel.role(code, role))]);
    if (participant) {
      await socket.join(channel.participant(code, participant));
      presence.limit(channel.participant(code, participant));
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
    // Every (re)connect gets the whole view, so no client depends on missed events. Host and
    // beamer get the batched (observed) state, never fresher counts than the last tick: the view
    // their channel holds (brought up to date first, as a patch to the others in it).
    const view = await holder.run(code, () => ({ op: 'view', code, role, participant }) satisfies RoomCall, () => viewHere(code, role, participant));
    if (view === BUSY || !view) return void socket.disconnect(true);
    socket.emit(EVENTS.view, view);
  }

  /** The view a new socket gets, made where the room is held. */
  async function viewHere(code: string, role: Role, participant: string | null): Promise<View | null> {
    const room = await rooms.get(code);
    if (!room) return null;
    sampler.watch(room);
    if (role === 'participant') return participantView(room.state, participant ?? '');
    const sent = sendToObservers(room, role, await presence.count(code));
    return { ...sent.view, seq: sent.seq };
  }

  async function markPresenceChanged(code: string) {
    presence.changed(code);
    const room = await rooms.get(code);
    if (room) batches.markDirty(room);
  }

  // A plain function, not an async one: it runs for every command, and an async function's frame
  // and the promise it wraps around runHere's were about 1 KB more to collect per command.
  function handleCommand(socket: KringSocket, raw: unknown): Promise<Handled> {
    const { code } = socket.data;
    if (!withinBytes(raw, LIMITS.messageBytes)) return refused(REFUSALS.tooLarge);
    // AUTH: the role was proven in the handshake; the beamer only watches.
    const actor = actorOf(socket);
    if (!actor) return refused({ ok: false, error: 'forbidden', message: 'Dit scherm kan alleen kijken.' });
    // PARSE: participants can only ever reach participant commands, whatever they send. An answer
    // that is exactly well-formed skips zod (wellFormedVote); anything else meets the schema.
    const vote = actor.role === 'participant' ? wellFormedVote(raw) : null;
    const parsed = vote ? null : (actor.role === 'host' ? HostCommand : ParticipantCommand).safeParse(raw);
    if (parsed && !parsed.success) {
      const type = raw !== null && typeof raw === 'object' && Object.hasOwn(raw, 'type') ? (raw as { type: unknown }).type : undefined;
      const owner = commandRole(type);
      return refused(
        owner !== null && owner !== actor.role
          ? { ok: false, error: 'forbidden', message: 'Dat mag alleen de gespreksleider.' }
          : { ok: false, error: 'invalid', message: 'Dit bericht klopt niet.' },
      );
    }
    // RUN (decide, store, apply) where the room is held; the acknowledgement goes out only after
    // the events are stored.
    const command = vote ?? parsed!.data;
    if (holder.holds(code)) return runHere(code, actor, command, socket.id, false);
    // Forwarded: whether this process holds another tab of the phone, which only it can tell.
    const otherTabs = actor.role === 'participant' && hasOtherSocket(channel.participant(code, actor.participant), socket.id);
    return holder
      .run(code, () => ({ op: 'command', code, actor, command, socketId: socket.id, otherTabs }) satisfies RoomCall, () => runHere(code, actor, command, socket.id, false))
      .then((handled) => (handled === BUSY ? { ack: BUSY_ACK } : handled));
  }

  // Plain functions with one `then`, not async ones: they run for every command (see handleCommand).
  // `otherTabs`: the command came from another process, which holds another tab of this phone.
  function runHere(code: string, actor: Actor, command: Command, socketId: string, otherTabs: boolean): Promise<Handled> {
    const live = rooms.loaded(code);
    if (live) return runIn(live, actor, command, socketId, otherTabs);
    return rooms.get(code).then((room) => (room ? runIn(room, actor, command, socketId, otherTabs) : { ack: ROOM_GONE }));
  }

  function runIn(live: LiveRoom, actor: Actor, command: Command, socketId: string, otherTabs: boolean): Promise<Handled> {
    return rooms.run(live, actor, command).then((outcome) => {
      if (actor.role === 'host' && outcome.events.length) rooms.observeHostEvents(live, outcome.events);
      return { ack: outcome.ack, after: outcome.events.length ? () => emitAfter(live, actor, outcome.events, socketId, otherTabs) : undefined };
    });
  }

  /**
   * What others see of a command. A participant's answer only marks the room for the next batch
   * tick, synchronously: an async function here cost a promise and an async frame per answer, and
   * its .catch() another promise and closure. The host's commands and the end send views at once.
   */
  function emitAfter(live: LiveRoom, actor: Actor, events: RoomEvent[], socketId: string, otherTabs: boolean): Promise<void> | void {
    sampler.watch(live);
    if (live.state.status === 'ended') {
      batches.clear(live.code);
      return emitAll(live);
    }
    if (actor.role === 'participant') {
      // The acknowledgement of an answer or a new post-it carries what the phone shows of it
      // (protocol/own-changes.ts): only the phone's other sockets (a second tab) need a view for
      // it, and most phones have none.
      if (events.every((e) => e.type === 'voteCast' || e.type === 'postItAdded')) emitToOtherSockets(live, actor.participant, socketId, otherTabs);
      else emitToParticipant(live, actor.participant);
      batches.markDirty(live);
      return;
    }
    // The host's own actions show at once; the tick then publishes approved post-its.
    return emitAll(live).then(() => batches.markDirty(live));
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

  /**
   * A participant's other sockets (a second tab) get the view of an answer, whose own socket learnt
   * it from the acknowledgement; most phones have none, and then nothing is built or sent. Only
   * this process's sockets are looked at, plus, for a command forwarded from another process, that
   * process's when it said it holds another tab of this phone (`otherTabs`): with several processes
   * every answer went through Redis to every process before, 21 KB of work per answer (bench,
   * --sticky) for tabs that almost never exist. A browser's tabs reach one process (nginx keeps a
   * room or a cookie on one); a tab that reached a third one sees the answer when it reconnects.
   */
  function emitToOtherSockets(room: LiveRoom, participant: string, socketId: string, otherTabs: boolean) {
    const to = channel.participant(room.code, participant);
    if (otherTabs) return void io.to(to).except(socketId).emit(EVENTS.view, participantView(room.state, participant));
    if (!hasOtherSocket(to, socketId)) return;
    io.local.to(to).except(socketId).emit(EVENTS.view, participantView(room.state, participant));
  }

  /** Whether this process holds a socket in `channel` other than `socketId`. */
  function hasOtherSocket(channelName: string, socketId: string): boolean {
    const here = io.sockets.adapter.rooms.get(channelName);
    return !!here && here.size > (here.has(socketId) ? 1 : 0);
  }

  async function emitObservers(room: LiveRoom) {
    const now = await presence.count(room.code);
    sendToObservers(room, 'host', now);
    sendToObservers(room, 'beamer', now);
  }

  /** Sends host or beamer what changed since the view their channel holds (nothing when nothing did); returns the view it holds now. */
  function sendToObservers(room: LiveRoom, role: 'host' | 'beamer', now: number) {
    const key = `${room.code}:${role}`;
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
    await emitObservers(room);
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

  /** Several processes: the room's lease was lost, so its timers stop here (the holder has its own). */
  function forgetRoom(code: string) {
    batches.clear(code);
    sentToObservers.delete(`${code}:host`);
    sentToObservers.delete(`${code}:beamer`);
    presence.forget(code);
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

/** One empty object for every socket's forgotten handshake parts (a new `{}` each cost 28 bytes per phone). */
const NOTHING = Object.freeze({});

/**
 * Once the handshake was checked, socket.io's copy of it is not needed: it held the phone's token
 * (or the host's key), its address and its headers for as long as the socket was open, and with
 * several processes every count of "doen mee" (fetchSockets) sent all of that through Redis to the
 * other processes. What stays is what socket.io itself reads: whether the connection is secure.
 */
function forgetHandshake(socket: KringSocket) {
  const { handshake } = socket;
  handshake.auth = NOTHING;
  handshake.headers = NOTHING;
  handshake.query = NOTHING;
  handshake.address = '';
  handshake.url = '';
  handshake.time = '';
  // Engine.IO keeps the request that opened the connection (every header, the address behind a
  // proxy) and a copy of the address for as long as the connection is open, though it reads
  // neither again (a long-polling request brings its own). Its WebSocket path also holds the
  // request until the socket closes, out of reach: emptied here, so what stays holds nothing.
  const connection = socket.conn as { request?: IncomingMessage; remoteAddress: string };
  if (connection.request) emptyRequest(connection.request);
  connection.request = undefined;
  connection.remoteAddress = '';
}

/**
 * A browser opens with long-polling and then upgrades to WebSocket: that upgrade is a request of
 * its own, which Engine.IO also keeps until the socket closes. Once the answer's headers are
 * written, neither ws nor Engine.IO reads it again (the connection is known by its id), so it is
 * emptied then. A first request (no id yet) is still needed for the handshake: `forgetHandshake`.
 */
function forgetUpgradeRequests(io: Server) {
  io.engine.on('headers', (_headers: unknown, request: IncomingMessage & { _query?: { sid?: string } }) => {
    if (request._query?.sid && request.headers.upgrade) emptyRequest(request);
  });
}

function emptyRequest(request: IncomingMessage) {
  request.headers = NOTHING;
  request.rawHeaders = NO_RAW_HEADERS;
}
const NO_RAW_HEADERS = Object.freeze([]) as unknown as string[];

/** Runs a command's `after` once its answer went out; a failure is logged, whether thrown or rejected. */
function emitAfterAnswer(after: () => Promise<void> | void, code: string) {
  try {
    after()?.catch(logEmitError(code));
  } catch (error) {
    logEmitError(code)(error);
  }
}

function logEmitError(code: string) {
  return (error: unknown) => console.error(`[kring] room ${code}: sending views failed:`, (error as Error).message);
}
