// The batch tick (server/observer-batches.ts): what participants did reaches host and beamer once
// per OBSERVER_BATCH_MS at most, and a server that is closing starts no new tick, since the sockets
// it closes still mark their rooms and a tick would then write to a store that is already closed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OBSERVER_BATCH_MS, ObserverBatches } from '../../session-server/src/server/observer-batches.ts';
import type { LiveRoom, LiveRooms } from '../../session-server/src/server/live-rooms.ts';

function setup() {
  const published: string[] = [];
  const rooms = {
    publish: async (room: LiveRoom) => {
      published.push(room.code);
      return false;
    },
    observe: () => {},
  } as unknown as LiveRooms;
  const emitted: string[] = [];
  const batches = new ObserverBatches(rooms, (room) => void emitted.push(room.code));
  const room = (code: string) => ({ code, state: { boards: {} } }) as unknown as LiveRoom;
  return { batches, room, emitted, published };
}

describe('the batch tick', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends a room’s changes once per tick, however often it was marked', async () => {
    const { batches, room, emitted } = setup();
    const a = room('AAAAAA');
    batches.markDirty(a);
    batches.markDirty(a);
    await vi.advanceTimersByTimeAsync(OBSERVER_BATCH_MS - 1);
    expect(emitted).toEqual([]);
    batches.markDirty(a);
    await vi.advanceTimersByTimeAsync(1);
    expect(emitted).toEqual(['AAAAAA']);
  });

  it('starts no tick once stopped, also for rooms marked afterwards (sockets closing)', async () => {
    const { batches, room, emitted, published } = setup();
    batches.markDirty(room('AAAAAA'));
    batches.stop();
    batches.markDirty(room('AAAAAA'));
    batches.markDirty(room('BBBBBB'));
    await vi.advanceTimersByTimeAsync(OBSERVER_BATCH_MS * 3);
    expect(emitted).toEqual([]);
    expect(published).toEqual([]);
  });
});
