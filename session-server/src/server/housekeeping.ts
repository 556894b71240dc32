// Jobs that keep promises without anyone pressing a button: stored sessions are deleted after the
// retention period, a session nobody hosts for hours is ended and sealed (so its link between
// phones and answers does not linger for 30 days), and rooms nobody uses leave memory.
import type { RoomStore } from '../storage/room-store.ts';
import type { LiveRoom, LiveRooms } from './live-rooms.ts';

export interface HousekeepingDeps {
  store: RoomStore;
  rooms: LiveRooms;
  now: () => number;
  retentionMs: number;
  unattendedEndMs: number;
  /** Rooms stay in memory this long after their last use while nobody is connected. */
  idleEvictMs: number;
  hostConnected: (code: string) => boolean;
  inUse: (code: string) => boolean;
  /** Tells everyone in a room what changed (the closing screen after an unattended end). */
  emitAll: (room: LiveRoom) => Promise<void>;
  closeRoom: (code: string) => void;
  /** Several processes: takes the room when free; false when another process holds it (and ends it). */
  hold?: (code: string) => Promise<boolean>;
}

export function housekeeping(deps: HousekeepingDeps) {
  /** Deletes sessions older than the retention period; returns how many. */
  async function applyRetention(): Promise<number> {
    const cutoff = deps.now() - deps.retentionMs;
    const old = (await deps.store.list()).filter((r) => r.createdAt < cutoff);
    await deps.store.deleteCreatedBefore(cutoff);
    for (const { code } of old) {
      deps.rooms.forget(code);
      deps.closeRoom(code);
    }
    return old.length;
  }

  /** Ends and seals live sessions whose host has been away longer than allowed; returns how many. */
  async function endUnattended(): Promise<number> {
    const now = deps.now();
    let ended = 0;
    const live = (await deps.store.list()).filter((summary) => !summary.sealed);
    const hosted = new Set(live.filter((summary) => deps.hostConnected(summary.code)).map((summary) => summary.code));
    // All at once: the store may write them together (SQLite: one transaction on its writer thread).
    await Promise.all([...hosted].map((code) => deps.store.markHostSeen(code, now)));
    for (const summary of live) {
      if (!hosted.has(summary.code) && now - summary.hostSeenAt < deps.unattendedEndMs) continue;
      if (deps.hold && !(await deps.hold(summary.code))) continue;
      const room = await deps.rooms.get(summary.code);
      if (!room) continue;
      // Ended, but the seal could not be stored then (a full disk): finish it now.
      if (room.state.status === 'ended') await deps.rooms.finishSeal(room);
      else if (!hosted.has(summary.code)) {
        const outcome = await deps.rooms.endUnattended(room);
        if (outcome.ack.ok) {
          ended++;
          await deps.emitAll(room);
        }
      }
    }
    return ended;
  }

  async function sweep() {
    await endUnattended();
    await deps.rooms.evictIdle(deps.idleEvictMs, deps.inUse);
  }

  const log = (job: string) => (error: unknown) => console.error(`[kring] ${job} failed:`, (error as Error).message);
  const timers = [
    setInterval(() => void applyRetention().catch(log('retention')), 3_600_000),
    setInterval(() => void sweep().catch(log('housekeeping')), 60_000),
  ];
  for (const t of timers) t.unref();

  return {
    applyRetention,
    endUnattended,
    sweep,
    markHostSeen: (code: string) => void deps.store.markHostSeen(code, deps.now()).catch(log('marking the host')),
    stop: () => timers.forEach(clearInterval),
  };
}
