// The server's clock on a client. A step's timer ends at a moment in server time (the view's
// `endsAt`), and every screen must count down to the same moment; a phone's own clock can be
// seconds or minutes off (set by hand, no network time), so each client estimates how far its clock
// is from the server's and counts with that. NTP's idea, kept small: ask the server's time a few
// times, assume the answer was read halfway through the round trip, and trust the sample with the
// shortest round trip (the least room for a slow leg). Redone on every (re)connect, because a
// reconnect may mean another network, or another server process.

export interface ClockSample {
  /** Local time when the question left. */
  sentAt: number;
  /** Local time when the answer came back. */
  receivedAt: number;
  /** The server's Date.now() in the answer. */
  serverTime: number;
}

/** Server time minus local time, from the sample with the shortest round trip; null without samples. */
export function estimateOffset(samples: ClockSample[]): { offsetMs: number; roundTripMs: number } | null {
  let best: ClockSample | null = null;
  for (const s of samples) if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  if (!best) return null;
  return { offsetMs: best.serverTime - (best.sentAt + best.receivedAt) / 2, roundTripMs: best.receivedAt - best.sentAt };
}

/**
 * Asks the server's time `rounds` times, one after the other, and estimates the offset. `ask`
 * resolves with the server's time, or null/throws when it did not answer; `localNow` is this
 * device's clock (tests pass a skewed one).
 */
export async function syncServerClock(
  ask: () => Promise<unknown>,
  options: { rounds?: number; localNow?: () => number } = {},
): Promise<{ offsetMs: number; roundTripMs: number } | null> {
  const localNow = options.localNow ?? Date.now;
  const samples: ClockSample[] = [];
  for (let i = 0; i < (options.rounds ?? 5); i++) {
    const sentAt = localNow();
    let serverTime: unknown;
    try {
      serverTime = await ask();
    } catch {
      break; // no answer: the connection went, keep what we have
    }
    if (typeof serverTime === 'number' && Number.isFinite(serverTime)) samples.push({ sentAt, receivedAt: localNow(), serverTime });
  }
  return estimateOffset(samples);
}
