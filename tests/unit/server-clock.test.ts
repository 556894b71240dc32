// The client's estimate of the server's clock (site/lib/server-clock.ts) and how a timer reads from it.
import { describe, expect, it } from 'vitest';
import { estimateOffset, syncServerClock } from '../../site/lib/server-clock.ts';
import { formatRemaining, remainingInWords, timerRemaining } from '../../site/components/timer/timer-time.ts';

describe('the server clock on a client', () => {
  it('cancels a device clock that is 37 s ahead, trusting the quickest round trip', async () => {
    // Simulated time: the server is the truth, the device is 37 s ahead; round trips differ and are lopsided.
    let real = 1_000_000;
    const legs = [
      [300, 20],
      [15, 15],
      [40, 200],
    ];
    let i = 0;
    const estimate = await syncServerClock(
      async () => {
        const [up, down] = legs[i++ % legs.length]!;
        real += up!;
        const answer = real;
        real += down!;
        return answer;
      },
      { rounds: 3, localNow: () => real + 37_000 },
    );
    expect(estimate).toEqual({ offsetMs: -37_000, roundTripMs: 30 });
  });

  it('keeps no estimate when the server never answered, and ignores answers that are not a time', async () => {
    expect(await syncServerClock(async () => null)).toBeNull();
    expect(await syncServerClock(() => Promise.reject(new Error('timeout')))).toBeNull();
    expect(estimateOffset([])).toBeNull();
  });

  it('reads the time left from the end time while running, and from the view while paused', () => {
    const running = { durationMs: 600_000, endsAt: 2_000_000, remainingMs: 600_000, running: true, skipped: false };
    expect(timerRemaining(running, 1_700_000)).toBe(300_000);
    expect(timerRemaining({ ...running, endsAt: null, running: false, remainingMs: 42_000 }, 9_999_999)).toBe(42_000);
  });

  it('writes the time left as a person reads it, also for a step of hours', () => {
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(-5000)).toBe('0:00');
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(10 * 60_000)).toBe('10:00');
    expect(formatRemaining(3 * 3600_000 + 5000)).toBe('3:00:05');
    expect(remainingInWords(60_000)).toBe('1 minuut');
    expect(remainingInWords(30_000)).toBe('30 seconden');
    expect(remainingInWords(4 * 60_000 + 10_000)).toBe('4 minuten');
  });
});
