// Where a room's work runs: on this process when it holds the room's lease (taking it when it is
// free or expired), otherwise on the holder, through a forwarded call. With one process every room
// is here. A holder that cannot be reached in time makes the answer `busy`: the client tries again.
import type { RoomLeases } from '../../storage/room-leases.ts';
import type { RoomCalls } from './room-calls.ts';

export const BUSY = 'busy' as const;

export interface RoomHolder {
  /**
   * Runs `here` when this process holds the room, or hands the call (made by `call` only then) to
   * the holder and returns its answer.
   */
  run<T>(code: string, call: () => unknown, here: () => Promise<T>): Promise<T | typeof BUSY>;
  /** Whether this process holds the room now, known without waiting: then `run` would run `here`. */
  holds(code: string): boolean;
  /** Takes the room when it is free; true when this process holds it now. */
  hold(code: string): Promise<boolean>;
  /** Answers a call forwarded from another process, if this process still holds the room. */
  answer<T>(code: string, here: () => Promise<T>): Promise<{ busy: true } | { value: T }>;
}

export const singleProcess: RoomHolder = {
  run: (_code, _call, here) => here(),
  holds: () => true,
  hold: async () => true,
  answer: async (_code, here) => ({ value: await here() }),
};

export function leasedRooms(leases: RoomLeases, calls: RoomCalls): RoomHolder {
  /** This process, or the holder's id; null when the room's lease could not be settled now. */
  async function locate(code: string): Promise<'here' | string | null> {
    if (leases.token(code) !== null) return 'here';
    try {
      const acquired = await leases.acquire(code);
      // No such room: nothing will be written, so this process can say so itself.
      if ('token' in acquired || 'missing' in acquired) return 'here';
      return acquired.owner;
    } catch (error) {
      console.error('[kring] room lease could not be read:', (error as Error).message);
      return null;
    }
  }
  return {
    async run<T>(code: string, call: () => unknown, here: () => Promise<T>) {
      const where = await locate(code);
      if (where === 'here') return here();
      if (where === null) return BUSY;
      const answered = (await Promise.resolve()
        .then(call)
        .then((made) => calls.call(where, made))
        .catch(() => ({ busy: true }))) as { busy: true } | { value: T };
      return 'value' in answered ? answered.value : BUSY;
    },
    holds: (code) => leases.token(code) !== null,
    hold: async (code) => (await locate(code)) === 'here',
    // Never takes the lease here: a call that reached a process that lost the room goes back as
    // busy, and the client's retry finds the holder afresh (no ping-pong between processes).
    answer: async (code, here) => (leases.token(code) === null ? { busy: true } : { value: await here() }),
  };
}
