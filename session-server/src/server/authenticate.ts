// The handshake (AUTH): the `auth` payload names the room and carries the participant token or a
// host or beamer key. A phone that is new to the room joins here, within the limits that keep one
// address or one script from filling a class's session.
import type { IncomingMessage } from 'node:http';
import { Handshake, PROTOCOL_VERSION, type ConnectRefusal } from '../protocol/index.ts';
import { keyMatches, participantHash } from './secrets.ts';
import type { LiveRoom, LiveRooms } from './live-rooms.ts';
import type { JoinLimiter } from './join-limiter.ts';
import type { FloodLimits } from './flood-limits.ts';
import type { KringSocket } from './socket-types.ts';

export interface AuthenticateDeps {
  rooms: LiveRooms;
  flood: FloodLimits;
  joinLimiter: JoinLimiter;
  addressKey: (req: IncomingMessage) => string;
  /** A new phone joined: host and beamer hear of it on the next batch tick. */
  onJoined: (room: LiveRoom) => void;
}

function refuse(reason: ConnectRefusal): Error & { data: { reason: ConnectRefusal } } {
  return Object.assign(new Error(reason), { data: { reason } });
}

export function authenticate(deps: AuthenticateDeps) {
  return async (socket: KringSocket, next: (error?: Error) => void) => {
    try {
      const version = (socket.handshake.auth as { v?: unknown } | undefined)?.v;
      if (version !== PROTOCOL_VERSION) return next(refuse('outdated'));
      const parsed = Handshake.safeParse(socket.handshake.auth);
      if (!parsed.success) return next(refuse('invalid'));
      const auth = parsed.data;
      const addressKey = deps.addressKey(socket.request);
      if (auth.role === 'participant') {
        // Only a participant learns whether a code exists, so only they are paced: an address that
        // guessed many codes waits longer for every answer (right or wrong), but is never locked out.
        if ((await deps.joinLimiter.pace(addressKey)) === 'busy') return next(refuse('busy'));
      }
      const room = await deps.rooms.get(auth.room);
      let participant: string | null = null;
      if (auth.role === 'participant') {
        if (!room) {
          deps.joinLimiter.recordMiss(addressKey);
          return next(refuse('unknown-room'));
        }
        if (room.record.participantKey) {
          participant = participantHash(room.record.participantKey, auth.token);
          // A script that reconnects as fast as it is closed is slowed down per phone.
          if (!deps.flood.connect(participant)) return next(refuse('busy'));
          if (!room.state.participants.has(participant)) {
            if (room.state.locked) return next(refuse('locked'));
            if (!(await deps.flood.newcomer(room.code, addressKey, room.state.expectedGroupSize))) return next(refuse('busy'));
            const joined = await deps.rooms.join(room, participant);
            if (!joined.ack.ok) return next(refuse(joined.ack.error === 'closed' ? 'locked' : joined.ack.error === 'limit' ? 'full' : 'busy'));
            if (joined.events.length) deps.onJoined(room);
          }
        }
      } else {
        // Host and beamer: an unknown room and a wrong key get the same answer, so keys reveal no codes.
        const expected = room ? (auth.role === 'host' ? room.record.hostKeyHash : room.record.beamerKeyHash) : null;
        if (!room || !expected || !keyMatches(auth.key, expected)) return next(refuse('forbidden'));
      }
      socket.data = { code: room!.code, role: auth.role, participant: room!.state.status === 'ended' ? null : participant };
      next();
    } catch (error) {
      console.error('[kring] handshake failed:', (error as Error).message);
      next(refuse('busy'));
    }
  };
}
