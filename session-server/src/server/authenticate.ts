// The handshake (AUTH): the `auth` payload names the room and carries the participant token or a
// host or beamer key. A phone that is new to the room joins here, within the limits that keep one
// address or one script from filling a class's session. The room's part runs where the room is
// held (admission.ts); the per-address pacing runs here, on the process the phone reached.
import type { IncomingMessage } from 'node:http';
import { Handshake, PROTOCOL_VERSION, type ConnectRefusal } from '../protocol/index.ts';
import type { JoinLimiter } from './join-limiter.ts';
import type { Admission, AdmitRequest } from './admission.ts';
import { hashKey } from './secrets.ts';
import type { KringSocket } from './socket-types.ts';

export interface AuthenticateDeps {
  joinLimiter: JoinLimiter;
  addressKey: (req: IncomingMessage) => string;
  /** The room's part of the handshake, on the process that holds the room. */
  admit: (request: AdmitRequest) => Promise<Admission>;
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
      const request: AdmitRequest =
        auth.role === 'participant'
          ? { role: auth.role, room: auth.room, token: auth.token, addressKey }
          : { role: auth.role, room: auth.room, keyHash: hashKey(auth.key), addressKey };
      const admitted = await deps.admit(request);
      if (!admitted.ok) {
        if (admitted.reason === 'unknown-room') deps.joinLimiter.recordMiss(addressKey);
        return next(refuse(admitted.reason));
      }
      socket.data = { code: admitted.code, role: auth.role, participant: admitted.participant };
      next();
    } catch (error) {
      console.error('[kring] handshake failed:', (error as Error).message);
      next(refuse('busy'));
    }
  };
}
