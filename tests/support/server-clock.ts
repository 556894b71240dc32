// A test client's view of the server's clock, as the site's store keeps it (site/lib/server-clock.ts):
// the offset is estimated again on every (re)connect. `skewMs` makes this client's own clock wrong
// on purpose, like a phone set minutes off by hand.
import { EVENTS, type View } from '@protocol';
import { syncServerClock } from '../../site/lib/server-clock.ts';
import { timerRemaining } from '../../site/components/timer/timer-time.ts';
import type { TestClient } from './clients.ts';

export interface ClockedClient {
  /** The newest view this client received. */
  view(): View;
  /** This device's own (possibly wrong) clock. */
  localNow(): number;
  /** The current estimate of server time minus local time. */
  offset(): number;
  /** Resolves once the estimate after the latest (re)connect is in. */
  synced(): Promise<void>;
  /** The time left on the view's timer as this client would show it now. */
  remaining(): number | null;
}

export function withServerClock<V extends View>(client: TestClient<V>, skewMs = 0): ClockedClient {
  const localNow = () => Date.now() + skewMs;
  let offset = 0;
  let sync: Promise<void> = Promise.resolve();
  const resync = () => {
    sync = syncServerClock(() => client.socket.timeout(2000).emitWithAck(EVENTS.time), { localNow }).then((estimate) => {
      if (estimate) offset = estimate.offsetMs;
    });
  };
  client.socket.on('connect', resync);
  if (client.socket.connected) resync();
  return {
    view: () => client.view(),
    localNow,
    offset: () => offset,
    synced: () => sync,
    remaining() {
      const timer = client.view().timer;
      return timer ? timerRemaining(timer, localNow() + offset) : null;
    },
  };
}
