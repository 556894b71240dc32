// The batch tick. Host and beamer never see a single answer arrive: what participants do reaches
// them at most once a second, on this tick, and new post-its join the wall in batches of a few or
// after a random delay, so neither a count nor a wall's order tells who just acted.
import { randomInt } from 'node:crypto';
import type { LiveRoom, LiveRooms } from './live-rooms.ts';
import { unpublished } from '../boards/decide-board.ts';

/** Participants' changes reach host and beamer at most this often. */
export const OBSERVER_BATCH_MS = 1000;
/** A wall batch waits for this many new post-its... */
export const PUBLISH_MIN_BATCH = 3;
/** ...or, when fewer come, for a random delay in this range. */
export const PUBLISH_DELAY_MS = { min: 3000, max: 8000 } as const;

const hasUnpublished = (room: LiveRoom) => Object.values(room.state.boards).some((b) => unpublished(b).length > 0);

export class ObserverBatches {
  private ticks = new Map<string, NodeJS.Timeout>();
  private forced = new Map<string, NodeJS.Timeout>();
  /**
   * Stopped while the server closes: the sockets it closes next still mark their rooms (a phone
   * left), and a tick a second later would write to a store that is closed by then.
   */
  private stopped = false;

  private rooms: LiveRooms;
  private emit: (room: LiveRoom) => void;

  constructor(rooms: LiveRooms, emit: (room: LiveRoom) => void) {
    this.rooms = rooms;
    this.emit = emit;
  }

  /** Something changed that host and beamer may see on the next tick. */
  markDirty(room: LiveRoom) {
    if (this.stopped || this.ticks.has(room.code)) return;
    this.ticks.set(
      room.code,
      setTimeout(() => void this.tick(room).catch(logTickError(room.code)), OBSERVER_BATCH_MS),
    );
  }

  private async tick(room: LiveRoom) {
    this.ticks.delete(room.code);
    await this.rooms.publish(room, PUBLISH_MIN_BATCH);
    if (hasUnpublished(room) && !this.forced.has(room.code)) {
      const delay = randomInt(PUBLISH_DELAY_MS.min, PUBLISH_DELAY_MS.max + 1);
      this.forced.set(
        room.code,
        setTimeout(() => {
          this.forced.delete(room.code);
          void this.rooms
            .publish(room, 1)
            .then((published) => published && this.markDirty(room))
            .catch(logTickError(room.code));
        }, delay),
      );
    }
    this.rooms.observe(room);
    this.emit(room);
  }

  clear(code: string) {
    for (const timers of [this.ticks, this.forced]) {
      clearTimeout(timers.get(code));
      timers.delete(code);
    }
  }

  stop() {
    this.stopped = true;
    for (const code of [...this.ticks.keys(), ...this.forced.keys()]) this.clear(code);
  }
}

function logTickError(code: string) {
  // Some errors carry no message (an AggregateError of a refused connection): then their name.
  return (error: unknown) => console.error(`[kring] room ${code}: a batch failed:`, (error as Error).message || (error as Error).name);
}
