// Guessing join codes is slowed down, never locked out: above a free allowance of unknown codes per
// address, every join from that address waits (hit or miss alike), up to a cap, a few at a time.
import { describe, expect, it } from 'vitest';
import { JOIN_LIMITS, JoinLimiter } from '../../session-server/src/server/join-limiter.ts';
import { limitKey } from '../../session-server/src/server/client-address.ts';

const SCHOOL = limitKey('203.0.113.7');

/**
 * A limiter on a clock the test moves. Its sleeps do not resolve by themselves: `settle(n)` lets the
 * n oldest waiting attempts through after their delay. Every delay asked for is recorded.
 */
function pacedLimiter(start = 1_000_000) {
  let now = start;
  const delays: number[] = [];
  const sleepers: (() => void)[] = [];
  const limiter = new JoinLimiter({
    now: () => now,
    sleep: (ms) => {
      delays.push(ms);
      return new Promise<void>((wake) => sleepers.push(wake));
    },
  });
  return {
    limiter,
    delays,
    waiting: () => sleepers.length,
    advance: (ms: number) => (now += ms),
    /** Ends the waits of the oldest waiting attempts (the clock stays: the test moves it where it matters). */
    async settle(count = sleepers.length) {
      for (const wake of sleepers.splice(0, count)) wake();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

function misses(limiter: JoinLimiter, key: string, count: number) {
  for (let i = 0; i < count; i++) limiter.recordMiss(key);
}

describe('join pacing', () => {
  it('the numbers: 30 free unknown codes a minute, then 250 ms more per code, at most 8 s, 8 waiting', () => {
    expect(JOIN_LIMITS).toEqual({ freeMissesPerMinute: 30, delayPerMissMs: 250, maxDelayMs: 8000, maxWaiting: 8 });
  });

  it('under the free allowance nobody waits: a class mistyping 30 codes joins at once', async () => {
    const { limiter, delays } = pacedLimiter();
    misses(limiter, SCHOOL, 30);
    for (let i = 0; i < 30; i++) expect(await limiter.pace(SCHOOL)).toBe('go');
    expect(delays).toEqual([]);
  });

  it('above the allowance every attempt waits, hit or miss alike, growing with the excess', async () => {
    const { limiter, delays, settle } = pacedLimiter();
    misses(limiter, SCHOOL, 31);
    const first = limiter.pace(SCHOOL);
    misses(limiter, SCHOOL, 3);
    const second = limiter.pace(SCHOOL);
    await settle();
    expect(await first).toBe('go');
    expect(await second).toBe('go');
    expect(delays).toEqual([250, 1000]);
  });

  it('the wait never passes 8 seconds, however many codes were guessed', async () => {
    const { limiter, delays, settle } = pacedLimiter();
    misses(limiter, SCHOOL, 10_000);
    const attempt = limiter.pace(SCHOOL);
    await settle();
    expect(await attempt).toBe('go');
    expect(delays).toEqual([8000]);
  });

  it('after 500 guesses on a school address, 30 phones with the right code are slowed (at most 8 s) and 8 at a time, but all get in', async () => {
    // The trade-off, honestly: the class shares the guesser's address, so it shares the wait. Nobody is refused for good.
    const { limiter, delays, waiting, settle } = pacedLimiter();
    misses(limiter, SCHOOL, 500);
    let joined = 0;
    let busy = 0;
    let rounds = 0;
    let remaining = 30;
    while (remaining > 0) {
      rounds++;
      const answers = Array.from({ length: remaining }, () => limiter.pace(SCHOOL));
      await new Promise((resolve) => setImmediate(resolve));
      expect(waiting()).toBeLessThanOrEqual(JOIN_LIMITS.maxWaiting);
      await settle();
      const results = await Promise.all(answers);
      const went = results.filter((r) => r === 'go').length;
      joined += went;
      busy += results.length - went;
      remaining -= went; // a phone that got 'busy' tries again
    }
    expect(joined).toBe(30);
    expect(busy).toBeGreaterThan(0);
    expect(rounds).toBe(Math.ceil(30 / JOIN_LIMITS.maxWaiting));
    expect(Math.max(...delays)).toBe(JOIN_LIMITS.maxDelayMs);
  });

  it("'busy' comes at once, without waiting, when 8 attempts from the key already wait", async () => {
    const { limiter, delays, waiting, settle } = pacedLimiter();
    misses(limiter, SCHOOL, 100);
    const waiters = Array.from({ length: 8 }, () => limiter.pace(SCHOOL));
    expect(await limiter.pace(SCHOOL)).toBe('busy');
    expect(waiting()).toBe(8);
    expect(delays).toHaveLength(8);
    await settle(1);
    expect(await waiters[0]).toBe('go');
    // One place freed: the next attempt waits again instead of getting 'busy'.
    const next = limiter.pace(SCHOOL);
    expect(waiting()).toBe(8);
    await settle();
    expect(await next).toBe('go');
    expect(await Promise.all(waiters)).toEqual(Array(8).fill('go'));
  });

  it('the wait fades as the minute rolls on, and is gone two minutes after the last guess', async () => {
    const { limiter, advance } = pacedLimiter(60_000 * 1000); // at the start of a minute
    misses(limiter, SCHOOL, 62);
    expect(limiter.delayFor(SCHOOL)).toBe(8000);
    advance(60_000); // the next minute: all 62 still count, fully
    expect(limiter.delayFor(SCHOOL)).toBe(8000);
    advance(30_000); // half way: half of them count
    expect(limiter.delayFor(SCHOOL)).toBe(250);
    advance(30_000);
    expect(limiter.delayFor(SCHOOL)).toBe(0);
    expect(await limiter.pace(SCHOOL)).toBe('go');
  });

  it('guesses from one address do not slow another', async () => {
    const { limiter, delays } = pacedLimiter();
    misses(limiter, limitKey('198.51.100.9'), 500);
    expect(await limiter.pace(SCHOOL)).toBe('go');
    expect(delays).toEqual([]);
  });

  it('guesses from one IPv6 /64 slow every address in it, but not the neighbouring /64', async () => {
    const { limiter, delays, settle } = pacedLimiter();
    // A phone that rotates the low 64 bits of its address stays one guesser.
    for (let i = 0; i < 100; i++) limiter.recordMiss(limitKey(`2001:db8:5:1:${i.toString(16)}::1`));
    expect(await limiter.pace(limitKey('2001:db8:5:2::1'))).toBe('go');
    expect(delays).toEqual([]);
    const sameNetwork = limiter.pace(limitKey('2001:db8:5:1:ffff:ffff:ffff:ffff'));
    await settle();
    expect(await sameNetwork).toBe('go');
    expect(delays).toEqual([8000]);
  });

  it('forgets quiet keys, so memory stays small', () => {
    const { limiter, advance } = pacedLimiter();
    for (let i = 0; i < 1000; i++) limiter.recordMiss(limitKey(`198.51.${i >> 8}.${i & 255}`));
    expect(limiter.size).toBe(1000);
    advance(3 * 60_000);
    limiter.recordMiss(SCHOOL);
    expect(limiter.size).toBe(1);
  });

  it('works on the real clock and timers', async () => {
    const limiter = new JoinLimiter({ freeMissesPerMinute: 0, delayPerMissMs: 30 });
    limiter.recordMiss(SCHOOL);
    const started = performance.now();
    expect(await limiter.pace(SCHOOL)).toBe('go');
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});
