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

/**
 * Several processes: how long a counted number of phones is used again while no process said a
 * phone came or went (`changed`). A change whose word got lost (Redis away for a moment) shows
 * after this at the latest.
 */
export const PRESENCE_RECOUNT_MS = 10_000;

export class Presence {
  /** Phones with at least one open socket on this process, per room. */
  private here = new Map<string, number>();
  /** Several processes: the last count per room, while no phone came or went since (swept in `remember`). */
  private counted = new Map<string, { count: number; at: number }>();
  /** Several processes: changes heard so far (any room), so a count asked before a change is not kept after it. */
  private changes = 0;
  private remembered = 0;
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
   * counted once; one Redis round trip that every process answers with all its sockets in the
   * room, so it is made only after a phone came or went (`changed`, which the room's holder hears
   * from every process) or PRESENCE_RECOUNT_MS after the last count. Counting on every batch tick
   * was a tenth of all the work of two processes at 1,000 answers/s.
   */
  async count(code: string): Promise<number> {
    if (!this.options.acrossProcesses) return this.here.get(code) ?? 0;
    const known = this.counted.get(code);
    if (known && Date.now() - known.at < PRESENCE_RECOUNT_MS) return known.count;
    const changesBefore = this.changes;
    try {
      const sockets = await this.options.io.in(this.options.participantsOf(code)).fetchSockets();
      const count = new Set(sockets.map((s) => s.data.participant).filter(Boolean)).size;
      if (this.changes === changesBefore) this.remember(code, count);
      return count;
    } catch {
      // Redis is away: this process's own phones, so its screens keep working until it is back.
      return this.here.get(code) ?? 0;
    }
  }

  private remember(code: string, count: number) {
    const now = Date.now();
    // Now and then the counts nobody asked for in a while go: rooms that left this process.
    if (++this.remembered % 256 === 0) for (const [room, known] of this.counted) if (now - known.at >= PRESENCE_RECOUNT_MS) this.counted.delete(room);
    this.counted.set(code, { count, at: now });
  }

  /** Several processes: a phone came to or left the room on some process; the next count asks them all. */
  changed(code: string) {
    this.counted.delete(code);
    this.changes++;
  }

  /** The room is held elsewhere now: the changes it hears of go there, so a count kept here would go stale. */
  forget(code: string) {
    this.counted.delete(code);
  }

  private change(code: string, by: number) {
    const now = (this.here.get(code) ?? 0) + by;
    if (now > 0) this.here.set(code, now);
    else this.here.delete(code);
    this.options.onChange(code);
  }
}
