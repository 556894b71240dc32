// "Doen mee": how many phones (not sockets) are connected to a room now, so a phone that left is
// not counted and a phone with two tabs counts once; and the cap on one phone's open sockets, so a
// script cannot hold hundreds at once. With several processes the count spans all of them.
//
// Every socket of a phone joins one socket.io room of its own (its channel), so a phone is present
// exactly while that room exists: socket.io's adapter says when one is created and when its last
// socket left. Nothing is kept per phone here.
import { LIMITS } from '../protocol/index.ts';
import type { KringServer } from './socket-types.ts';

export interface PresenceOptions {
  io: KringServer;
  /** The socket.io room every participant socket of a room joins. */
  participantsOf: (code: string) => string;
  /** The room code of a phone's own channel, or null for any other socket.io room. */
  phoneChannelRoom: (channel: string) => string | null;
  /** A phone came or went (its first socket opened, or its last closed). */
  onChange: (code: string) => void;
  /** Several processes: count every process's sockets (through the Redis adapter). */
  acrossProcesses: boolean;
}

export class Presence {
  /** Phones with at least one open socket on this process, per room. */
  private here = new Map<string, number>();
  private options: PresenceOptions;

  constructor(options: PresenceOptions) {
    this.options = options;
    const adapter = options.io.of('/').adapter;
    adapter.on('create-room', (channel: string) => {
      const code = options.phoneChannelRoom(channel);
      if (code) this.change(code, +1);
    });
    adapter.on('delete-room', (channel: string) => {
      const code = options.phoneChannelRoom(channel);
      if (code) this.change(code, -1);
    });
  }

  /** Call after a socket joined its phone's channel: a phone that now holds more than the maximum closes its oldest. */
  limit(phoneChannel: string) {
    const ids = this.options.io.of('/').adapter.rooms.get(phoneChannel);
    if (!ids || ids.size <= LIMITS.socketsPerParticipant) return;
    // A Set keeps the order in which the sockets joined.
    const oldest = [...ids].slice(0, ids.size - LIMITS.socketsPerParticipant);
    for (const id of oldest) this.options.io.of('/').sockets.get(id)?.disconnect(true);
  }

  /**
   * Phones connected to the room now. Several processes: every process's sockets, each phone
   * counted once (one Redis round trip, made on the batch tick and for a new socket's view only).
   */
  async count(code: string): Promise<number> {
    if (!this.options.acrossProcesses) return this.here.get(code) ?? 0;
    try {
      const sockets = await this.options.io.in(this.options.participantsOf(code)).fetchSockets();
      return new Set(sockets.map((s) => s.data.participant).filter(Boolean)).size;
    } catch {
      // Redis is away: this process's own phones, so its screens keep working until it is back.
      return this.here.get(code) ?? 0;
    }
  }

  private change(code: string, by: number) {
    const now = (this.here.get(code) ?? 0) + by;
    if (now > 0) this.here.set(code, now);
    else this.here.delete(code);
    this.options.onChange(code);
  }
}
