// The overloopdebat's clock: while the current card is an open overloopdebat and someone is
// connected, the server takes a point on a fixed interval. Each point is a system command through
// the room's one queue (decided by the model, stored, then applied), so it survives a restart, and
// it reaches host and beamer on the next observer batch like everything participants do.
import type { LiveRoom, LiveRooms } from './live-rooms.ts';
import { cardToSample } from '../room/overloop.ts';

export class OverloopSampler {
  private timers = new Map<string, NodeJS.Timeout>();

  private rooms: LiveRooms;
  private intervalMs: number;
  private inUse: (code: string) => boolean;
  private onPoint: (room: LiveRoom) => void;

  constructor(options: { rooms: LiveRooms; intervalMs: number; inUse: (code: string) => boolean; onPoint: (room: LiveRoom) => void }) {
    this.rooms = options.rooms;
    this.intervalMs = options.intervalMs;
    this.inUse = options.inUse;
    this.onPoint = options.onPoint;
  }

  /** Starts or stops the clock for a room after anything changed there (a command, a connection). */
  watch(room: LiveRoom) {
    const wanted = cardToSample(room.state) !== null && this.inUse(room.code);
    if (wanted && !this.timers.has(room.code)) {
      this.timers.set(
        room.code,
        setInterval(() => void this.tick(room).catch(logSampleError(room.code)), this.intervalMs),
      );
    } else if (!wanted) this.clear(room.code);
  }

  private async tick(room: LiveRoom) {
    // Nobody connected: stop, so the room can leave memory; a new connection starts the clock again.
    if (cardToSample(room.state) === null || !this.inUse(room.code)) return this.clear(room.code);
    if (await this.rooms.sampleOverloop(room)) this.onPoint(room);
  }

  clear(code: string) {
    clearInterval(this.timers.get(code));
    this.timers.delete(code);
  }

  stop() {
    for (const code of [...this.timers.keys()]) this.clear(code);
  }
}

function logSampleError(code: string) {
  return (error: unknown) => console.error(`[kring] room ${code}: taking an overloop point failed:`, (error as Error).message);
}
