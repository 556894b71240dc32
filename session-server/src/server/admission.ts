// The room's part of the handshake, run by the process that holds the room: checks the host or
// beamer key, or lets a phone in (joining it when new). With several processes, a handshake that
// reaches another process is forwarded here (cluster/room-calls.ts), so one process decides who joins.
import type { ConnectRefusal } from '../protocol/index.ts';
import { hashMatches, participantHash } from './secrets.ts';
import type { LiveRoom, LiveRooms } from './live-rooms.ts';
import type { FloodLimits } from './flood-limits.ts';

/**
 * A parsed handshake, with a host or beamer key already hashed, plus the (hashed) address key the
 * newcomer limit counts under. A handshake forwarded from another process carries the phone's
 * participant hash instead of its token (null: the room was sealed or is unknown there), so neither
 * a key nor a token passes through Redis.
 */
export type AdmitRequest = (
  | { role: 'participant'; room: string; token: string }
  | { role: 'participant'; room: string; participantHash: string | null }
  | { role: 'host' | 'beamer'; room: string; keyHash: string }
) & { addressKey: string };

export type Admission = { ok: true; code: string; participant: string | null } | { ok: false; reason: ConnectRefusal };

export interface AdmissionDeps {
  rooms: LiveRooms;
  flood: FloodLimits;
  /** A new phone joined: host and beamer hear of it on the next batch tick. */
  onJoined: (room: LiveRoom) => void;
}

export function admission(deps: AdmissionDeps) {
  return async (auth: AdmitRequest): Promise<Admission> => {
    const room = await deps.rooms.get(auth.room);
    const refuse = (reason: ConnectRefusal): Admission => ({ ok: false, reason });
    let participant: string | null = null;
    if (auth.role === 'participant') {
      if (!room) return refuse('unknown-room');
      const key = room.record.participantKey;
      // Forwarded from another process: the phone's hash was made there (its token stayed there).
      if (key) participant = 'token' in auth ? participantHash(key, auth.token) : auth.participantHash;
      if (participant) {
        // A script that reconnects as fast as it is closed is slowed down per phone.
        if (!deps.flood.connect(participant)) return refuse('busy');
        if (!room.state.participants.has(participant)) {
          if (room.state.locked) return refuse('locked');
          if (!deps.flood.newcomer(room.code, auth.addressKey, room.state.expectedGroupSize)) return refuse('busy');
          const joined = await deps.rooms.join(room, participant);
          if (!joined.ack.ok) return refuse(joined.ack.error === 'closed' ? 'locked' : joined.ack.error === 'limit' ? 'full' : 'busy');
          if (joined.events.length) deps.onJoined(room);
        }
      }
    } else {
      // Host and beamer: an unknown room and a wrong key get the same answer, so keys reveal no codes.
      const expected = room ? (auth.role === 'host' ? room.record.hostKeyHash : room.record.beamerKeyHash) : null;
      if (!room || !expected || !hashMatches(auth.keyHash, expected)) return refuse('forbidden');
    }
    return { ok: true, code: room.code, participant: room.state.status === 'ended' ? null : participant };
  };
}
