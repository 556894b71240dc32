// "Doen mee": how many phones (not sockets) are connected to a room now, so a phone that left is
// not counted and a phone with two tabs counts once; and the cap on one phone's open sockets, so a
// script cannot hold hundreds at once. With several processes the count spans all of them.
import { LIMITS } from '../protocol/index.ts';
import type { KringServer, KringSocket } from './socket-types.ts';

export interface PresenceOptions {
  io: KringServer;
  /** The socket.io room every participant socket of a room joins. */
  participantsOf: (code: string) => string;
  /** A phone came or went (its first socket opened, or its last closed). */
  onChange: (code: string) => void;
  /** Several processes: count every process's sockets (through the Redis adapter). */
  acrossProcesses: boolean;
}

export class Presence {
  /** Each phone's open sockets on this process, oldest first. */
  private socketsOf = new Map<string, KringSocket[]>();
  /** Phones with at least one open socket on this process, per room. */
  private here = new Map<string, number>();
  private options: PresenceOptions;

  constructor(options: PresenceOptions) {
    this.options = options;
  }

  /** Counts a participant's new socket; a phone that already holds the maximum closes its oldest one. */
  add(socket: KringSocket, code: string, participant: string) {
    const key = `${code}:${participant}`;
    const list = (this.socketsOf.get(key) ?? []).filter((s) => s.connected);
    if (!list.length) this.change(code, +1);
    list.push(socket);
    while (list.length > LIMITS.socketsPerParticipant) list.shift()!.disconnect(true);
    this.socketsOf.set(key, list);
    socket.on('disconnect', () => {
      const left = (this.socketsOf.get(key) ?? []).filter((s) => s !== socket);
      if (left.length) this.socketsOf.set(key, left);
      else if (this.socketsOf.delete(key)) this.change(code, -1);
    });
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
