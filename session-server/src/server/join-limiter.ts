// Slows down guessing join codes without locking anyone out. Per limit key (an address, or an IPv6
// /64) it counts unknown codes in a rolling minute. Above a free allowance every participant join
// from that key waits before it is answered, hit or miss alike, so the timing tells nothing about
// which codes exist; the wait grows with the excess up to a cap. Only a few attempts per key wait
// at once; more get 'busy' straight away and the phone tries again. A whole school behind one
// address is then slowed down at worst, never refused for good.
// Keys arrive hashed (client-address.ts, addressKeyOf) and are kept only in memory, for two
// minutes; never logged or stored.

export interface JoinLimiterOptions {
  /** Unknown codes per key per rolling minute that slow nobody down. */
  freeMissesPerMinute?: number;
  /** Extra wait per unknown code above the allowance. */
  delayPerMissMs?: number;
  /** The longest any attempt waits. */
  maxDelayMs?: number;
  /** Attempts per key that may wait at the same time; beyond that: 'busy'. */
  maxWaiting?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const JOIN_LIMITS = { freeMissesPerMinute: 30, delayPerMissMs: 250, maxDelayMs: 8000, maxWaiting: 8 } as const;

const MINUTE = 60_000;

interface Entry {
  /** The minute (now / 60 000, rounded down) that `current` counts. */
  minute: number;
  current: number;
  previous: number;
  waiting: number;
}

export class JoinLimiter {
  private entries = new Map<string, Entry>();
  private lastSweep: number;
  private readonly limits: Required<Omit<JoinLimiterOptions, 'now' | 'sleep'>>;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: JoinLimiterOptions = {}) {
    const { now = Date.now, sleep = (ms) => new Promise<void>((done) => setTimeout(done, ms)), ...limits } = options;
    this.limits = { ...JOIN_LIMITS, ...limits };
    this.now = now;
    this.sleep = sleep;
    this.lastSweep = now();
  }

  /**
   * Call before looking up the room of a participant's join; resolves when it may be answered:
   * 'go', or 'busy' when too many attempts from this key are already waiting.
   */
  async pace(key: string): Promise<'go' | 'busy'> {
    const delay = this.delayFor(key);
    if (delay === 0) return 'go';
    const entry = this.entry(key);
    if (entry.waiting >= this.limits.maxWaiting) return 'busy';
    entry.waiting++;
    try {
      await this.sleep(delay);
    } finally {
      entry.waiting--;
    }
    return 'go';
  }

  /** Call when a participant asked for a code that does not exist. */
  recordMiss(key: string) {
    this.entry(key).current++;
  }

  /** How long an attempt from this key would wait now, in ms. */
  delayFor(key: string): number {
    const excess = this.misses(key) - this.limits.freeMissesPerMinute;
    if (excess <= 0) return 0;
    return Math.min(this.limits.maxDelayMs, Math.ceil(excess * this.limits.delayPerMissMs));
  }

  /** Unknown codes in the last minute: this minute's count plus the part of the last minute's still in the window. */
  misses(key: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    this.roll(entry);
    const intoMinute = (this.now() % MINUTE) / MINUTE;
    return entry.current + entry.previous * (1 - intoMinute);
  }

  /** Keys in memory, for tests. */
  get size(): number {
    return this.entries.size;
  }

  private entry(key: string): Entry {
    this.sweep();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { minute: Math.floor(this.now() / MINUTE), current: 0, previous: 0, waiting: 0 };
      this.entries.set(key, entry);
    }
    this.roll(entry);
    return entry;
  }

  private roll(entry: Entry) {
    const minute = Math.floor(this.now() / MINUTE);
    if (minute === entry.minute) return;
    entry.previous = minute === entry.minute + 1 ? entry.current : 0;
    entry.current = 0;
    entry.minute = minute;
  }

  /** At most once a minute: forget keys without misses in the last two minutes and nobody waiting. */
  private sweep() {
    const now = this.now();
    if (now - this.lastSweep < MINUTE) return;
    this.lastSweep = now;
    for (const [key, entry] of this.entries) {
      this.roll(entry);
      if (entry.current === 0 && entry.previous === 0 && entry.waiting === 0) this.entries.delete(key);
    }
  }
}
