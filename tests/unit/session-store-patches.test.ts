// Host and beamer screens apply patches only to the view they were made from (site/stores/
// session-store.ts): a patch before this connection's whole view is skipped, and a patch whose
// base is missing (one was lost, e.g. while Redis was away between processes) makes the screen
// connect again for the whole view instead of showing a stale one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostView } from '@protocol';
import { diffView, ViewFollower } from '@protocol/view-patch';
import { createSessionStore, type SessionSocket } from '../../site/stores/session-store.ts';

/** A socket the test drives: it records connects and closes, and delivers what the test sends. */
function fakeSocket() {
  const listeners = new Map<string, ((...args: never[]) => void)[]>();
  const calls: string[] = [];
  const socket: SessionSocket & { fire(event: string, ...args: unknown[]): void; calls: string[] } = {
    connected: true,
    calls,
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    timeout: () => ({ emitWithAck: () => new Promise(() => {}) }),
    connect: () => void calls.push('connect'),
    close: () => void calls.push('close'),
    fire(event, ...args) {
      for (const listener of listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
    },
  };
  return socket;
}

const view = (responded: number): Record<string, unknown> => ({ role: 'host', code: 'ABCDEF', vote: { responded } });

describe('patches on a host screen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('applies a patch made from the view it holds, skips one before its whole view, and reconnects after a lost one', () => {
    vi.stubGlobal('window', { location: { origin: 'http://localhost' } });
    const socket = fakeSocket();
    const store = createSessionStore({ role: 'host', room: 'ABCDEF', key: 'k' }, () => socket, { viewFollower: new ViewFollower<HostView>() });
    socket.fire('connect');
    // Before this connection's whole view: skipped, nothing else happens.
    socket.fire('view:patch', { from: 6, to: 7, patch: diffView(view(1), view(2)) });
    expect(store.getState().view).toBeNull();
    socket.fire('view', { ...view(1), seq: 7 });
    socket.fire('view:patch', { from: 7, to: 8, patch: diffView(view(1), view(2)) });
    expect(store.getState().view).toEqual(view(2));
    expect(socket.calls).toEqual([]);
    // Patch 8 → 9 went missing: 9 → 10 does not fit, so the screen connects again for the whole view.
    socket.fire('view:patch', { from: 9, to: 10, patch: diffView(view(3), view(4)) });
    expect(store.getState().view).toEqual(view(2));
    expect(socket.calls).toEqual(['close', 'connect']);
    socket.fire('connect');
    socket.fire('view', { ...view(4), seq: 10 });
    expect(store.getState().view).toEqual(view(4));
  });
});
