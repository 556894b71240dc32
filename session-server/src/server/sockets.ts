// The socket layer: authenticates the handshake, parses commands, hands them to the rooms and sends
// views. It holds no rules of its own. Every handler reads the same way: AUTH, PARSE, RUN, ACK, EMIT.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  commandRole,
  EVENTS,
  Handshake,
  HostCommand,
  LIMITS,
  ParticipantCommand,
  PROTOCOL_VERSION,
  type CommandAck,
  type ConnectRefusal,
  type Role,
  type View,
} from '../protocol/index.ts';
import type { Actor } from '../room/state.ts';
import { beamerView, hostView, participantView } from '../room/views.ts';
import { keyMatches, participantHash } from './secrets.ts';
import type { LiveRoom, LiveRooms } from './live-rooms.ts';
import { JoinLimiter } from './join-limiter.ts';
import { originAllowed } from './origins.ts';

interface ClientToServerEvents {
  command: (command: unknown, ack: (ack: CommandAck) => void) => void;
}
interface ServerToClientEvents {
  view: (view: View) => void;
}
interface SocketData {
  code: string;
  role: Role;
  /** The participant's keyed hash; null for host and beamer, and after the session ended. */
  participant: string | null;
}
type KringSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type KringServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Live counts reach host and beamer at most this often, never one update per answer. */
export const OBSERVER_BATCH_MS = 1000;
/** New post-its join the wall in batches this far apart. */
export const PUBLISH_BATCH_MS = 1500;

function refuse(reason: ConnectRefusal): Error & { data: { reason: ConnectRefusal } } {
  return Object.assign(new Error(reason), { data: { reason } });
}

const channel = {
  all: (code: string) => `room:${code}`,
  role: (code: string, role: Role) => `room:${code}:${role}`,
  participant: (code: string, participant: string) => `room:${code}:p:${participant}`,
};

export function attachSockets(httpServer: HttpServer, rooms: LiveRooms, options: { allowedOrigins: string[] }) {
  const io: KringServer = new Server(httpServer, {
    maxHttpBufferSize: LIMITS.messageBytes,
    serveClient: false,
    allowRequest: (req, callback) => callback(null, originAllowed(req, options.allowedOrigins)),
  });
  const limiter = new JoinLimiter();
  const observerTimers = new Map<string, NodeJS.Timeout>();
  const publishTimers = new Map<string, NodeJS.Timeout>();

  // AUTH: the handshake names the room and carries the participant token or a key.
  io.use(async (socket, next) => {
    const parsed = Handshake.safeParse(socket.handshake.auth);
    const version = (socket.handshake.auth as { v?: unknown } | undefined)?.v;
    if (version !== PROTOCOL_VERSION) return next(refuse('outdated'));
    if (!parsed.success) return next(refuse('invalid'));
    const auth = parsed.data;
    const address = socket.conn.remoteAddress;
    const blocked = limiter.blocked(address);
    const room = await rooms.get(auth.room).catch(() => null);
    let participant: string | null = null;
    if (auth.role === 'participant') {
      // Only a participant learns whether a code exists, so only they are slowed down; a blocked
      // address still lets phones that already joined back in (a class behind one school router).
      if (!room) {
        limiter.recordMiss(address);
        return next(refuse(blocked ? 'busy' : 'unknown-room'));
      }
      if (room.record.participantKey) {
        participant = participantHash(room.record.participantKey, auth.token);
        if (blocked && !room.state.participants[participant]) return next(refuse('busy'));
        const joined = await rooms.join(room, participant);
        if (!joined.ack.ok) return next(refuse('full'));
        if (joined.changed) scheduleObservers(room);
      }
    } else {
      // Host and beamer: an unknown room and a wrong key get the same answer, so keys reveal no codes.
      const expected = room ? (auth.role === 'host' ? room.record.hostKeyHash : room.record.beamerKeyHash) : null;
      if (!room || !expected || !keyMatches(auth.key, expected)) return next(refuse('forbidden'));
    }
    socket.data = { code: room.code, role: auth.role, participant: room.state.status === 'ended' ? null : participant };
    next();
  });

  io.on('connection', async (socket: KringSocket) => {
    const { code, role, participant } = socket.data;
    await socket.join([channel.all(code), channel.role(code, role)]);
    if (participant) await socket.join(channel.participant(code, participant));
    const room = await rooms.get(code);
    if (!room) return void socket.disconnect(true);
    // Every (re)connect gets the whole view, so no client depends on missed events.
    socket.emit(EVENTS.view, viewFor(room, role, socket.data.participant));

    socket.on(EVENTS.command, async (raw, ack) => {
      if (typeof ack !== 'function') return; // a command without acknowledgement is not ours
      const reply = (a: CommandAck) => ack(a);
      const live = await rooms.get(code);
      if (!live) return reply({ ok: false, error: 'not-found', message: 'Deze sessie bestaat niet meer.' });
      // AUTH: the role was proven in the handshake; the beamer only watches.
      const actor = actorOf(socket);
      if (!actor) return reply({ ok: false, error: 'forbidden', message: 'Dit scherm kan alleen kijken.' });
      // PARSE: participants can only ever reach participant commands, whatever they send.
      const schema = actor.role === 'host' ? HostCommand : ParticipantCommand;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const role = commandRole((raw as { type?: unknown } | null)?.type);
        return reply(
          role !== null && role !== actor.role
            ? { ok: false, error: 'forbidden', message: 'Dat mag alleen de gespreksleider.' }
            : { ok: false, error: 'invalid', message: 'Dit bericht klopt niet.' },
        );
      }
      // RUN (decide, store, apply) and ACK only after the events are stored.
      const outcome = await rooms.run(live, actor, parsed.data);
      reply(outcome.ack);
      // EMIT
      if (!outcome.changed) return;
      if (live.state.status === 'ended') clearTimers(code);
      if (actor.role === 'host') {
        await emitAll(live);
        if (/^(postIt|board)\./.test(parsed.data.type)) schedulePublish(live);
      } else if (actor.role === 'participant') {
        emitToParticipant(live, actor.participant);
        scheduleObservers(live);
        if (parsed.data.type.startsWith('postIt.')) schedulePublish(live);
      }
    });
  });

  function actorOf(socket: KringSocket): Actor | null {
    if (socket.data.role === 'host') return { role: 'host' };
    // After the end a phone has no hash any more; the model refuses its commands as 'closed'.
    if (socket.data.role === 'participant') return { role: 'participant', participant: socket.data.participant ?? '' };
    return null;
  }

  function viewFor(room: LiveRoom, role: Role, participant: string | null): View {
    if (role === 'host') return hostView(room.state);
    if (role === 'beamer') return beamerView(room.state);
    return participantView(room.state, participant ?? '');
  }

  function emitToParticipant(room: LiveRoom, participant: string) {
    io.to(channel.participant(room.code, participant)).emit(EVENTS.view, participantView(room.state, participant));
  }

  function emitObservers(room: LiveRoom) {
    const timer = observerTimers.get(room.code);
    if (timer) clearTimeout(timer);
    observerTimers.delete(room.code);
    io.to(channel.role(room.code, 'host')).emit(EVENTS.view, hostView(room.state));
    io.to(channel.role(room.code, 'beamer')).emit(EVENTS.view, beamerView(room.state));
  }

  async function emitAll(room: LiveRoom) {
    emitObservers(room);
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

  function scheduleObservers(room: LiveRoom) {
    if (observerTimers.has(room.code)) return;
    observerTimers.set(room.code, setTimeout(() => emitObservers(room), OBSERVER_BATCH_MS));
  }

  function schedulePublish(room: LiveRoom) {
    if (publishTimers.has(room.code)) return;
    publishTimers.set(
      room.code,
      setTimeout(async () => {
        publishTimers.delete(room.code);
        if (await rooms.publish(room).catch(() => false)) emitObservers(room);
      }, PUBLISH_BATCH_MS),
    );
  }

  function clearTimers(code: string) {
    for (const timers of [observerTimers, publishTimers]) {
      const t = timers.get(code);
      if (t) clearTimeout(t);
      timers.delete(code);
    }
  }

  /** Disconnects everyone in a room, e.g. after the host deleted it. */
  async function closeRoom(code: string) {
    clearTimers(code);
    io.in(channel.all(code)).disconnectSockets(true);
  }

  function stop() {
    for (const code of [...observerTimers.keys(), ...publishTimers.keys()]) clearTimers(code);
  }

  return { io, closeRoom, stop };
}
