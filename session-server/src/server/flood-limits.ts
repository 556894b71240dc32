// Limits that keep one phone, one script or one address from turning a session against the class.
// Each is counted in memory only (keys are socket ids, participant hashes and hashed address keys;
// nothing is logged or stored).
//
// Commands are checked against token buckets written here rather than with rate-limiter-flexible:
// the check runs for every message a flooding script sends (tens of thousands a second), before
// anything else is done with it, so it must be synchronous and allocate nothing. A socket that
// keeps flooding after its refusals is closed, because only then does the server stop reading it.
// New phones per room and address are counted in windows written here too (JoinWindow):
// rate-limiter-flexible's memory limiter kept a timer per key, one per phone on mobile data.
// http.ts uses rate-limiter-flexible for rooms per hour, shared through Redis by several processes.

/** The numbers, in one place (the README's limits table quotes them). */
export const FLOOD_LIMITS = {
  /** Commands per socket: 5 a second steady, and a burst of 20. */
  socket: { perSecond: 5, burst: 20 },
  /** Commands per participant over all their sockets. */
  participant: { perSecond: 8, burst: 30 },
  /** The host clicks fast when moderating a full board, and is one trusted person. */
  host: { perSecond: 20, burst: 100 },
  /** Clock-sync asks per socket: a client asks a few times on every (re)connect. A bucket of its
   *  own, so syncing never costs a phone its first answer; a refusal counts towards closing. */
  time: { perSecond: 1, burst: 10 },
  /** A socket refused this many times within `refusalWindowMs` is closed: no client of ours gets there. */
  refusalsBeforeClose: 50,
  refusalWindowMs: 10_000,
  /** Connections one phone may open (a script that reconnects after being closed). */
  connectsPerParticipant: { perSecond: 0.5, burst: 10 },
  /**
   * New connections from one address, checked before socket.io does any work for them: a whole
   * location's aula behind one router (up to LIMITS.participantsPerRoom phones, plus host and
   * beamer) gets in at once; after that a reconnect loop gets 100 a second. A connection that does
   * not authenticate costs a few KB and is closed at once.
   */
  connectsPerAddress: { perSecond: 100, burst: 6000 },
  /** New phones per room from one address: a whole class behind one school router always gets in. */
  newcomers: { perMinute: 60, burstAtLeast: 45 },
} as const;

/** A token bucket: `burst` tokens, refilled at `perSecond`; one token per command. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private perMs: number;
  private burst: number;

  constructor({ perSecond, burst }: { perSecond: number; burst: number }, now: number) {
    this.tokens = burst;
    this.burst = burst;
    this.perMs = perSecond / 1000;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether the bucket is full again, so its entry can be forgotten (the sweep). */
  forgettable(now: number): boolean {
    return this.tokens + (now - this.last) * this.perMs >= this.burst;
  }
}

/**
 * `points` joins in a window of `ms` that starts at the first one, as rate-limiter-flexible's
 * memory limiter counts, but without its timer per key: on mobile data every phone has an address
 * of its own, so that was a timer per phone. Forgotten by the sweep once its window is over.
 */
class JoinWindow {
  private count = 0;
  private start: number;
  private points: number;
  private ms: number;

  constructor(points: number, ms: number, now: number) {
    this.points = points;
    this.ms = ms;
    this.start = now;
  }

  take(now: number): boolean {
    if (now - this.start >= this.ms) {
      this.start = now;
      this.count = 0;
    }
    if (this.count >= this.points) return false;
    this.count++;
    return true;
  }

  /** Whether its window is over, so its entry can be forgotten (the sweep). */
  forgettable(now: number): boolean {
    return now - this.start >= this.ms;
  }
}

/** What a socket is counted by. */
export interface SocketBudget {
  bucket: TokenBucket;
  timeBucket: TokenBucket;
  refusals: number;
  windowStart: number;
}

export type CommandVerdict = 'go' | 'refuse' | 'close';

export class FloodLimits {
  private participants = new Map<string, TokenBucket>();
  private connects = new Map<string, TokenBucket>();
  private addresses = new Map<string, TokenBucket>();
  private newcomers = new Map<string, JoinWindow>();
  private sweeper: NodeJS.Timeout;

  private now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
    // Full buckets are forgotten, so the maps hold only phones that were busy in the last minute.
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  budget(role: 'host' | 'participant' | 'beamer'): SocketBudget {
    const now = this.now();
    return {
      bucket: new TokenBucket(role === 'host' ? FLOOD_LIMITS.host : FLOOD_LIMITS.socket, now),
      timeBucket: new TokenBucket(FLOOD_LIMITS.time, now),
      refusals: 0,
      windowStart: now,
    };
  }

  /** Whether this socket may ask the server's time now; 'close' once it keeps flooding. */
  time(budget: SocketBudget): CommandVerdict {
    const now = this.now();
    return budget.timeBucket.take(now) ? 'go' : this.refused(budget, now);
  }

  /** Whether a command from this socket (and participant) may run now; 'close' once it keeps flooding. */
  command(budget: SocketBudget, participant: string | null): CommandVerdict {
    const now = this.now();
    if (budget.bucket.take(now) && (!participant || this.bucketOf(this.participants, participant, FLOOD_LIMITS.participant, now).take(now))) {
      return 'go';
    }
    return this.refused(budget, now);
  }

  private refused(budget: SocketBudget, now: number): CommandVerdict {
    if (now - budget.windowStart > FLOOD_LIMITS.refusalWindowMs) {
      budget.windowStart = now;
      budget.refusals = 0;
    }
    budget.refusals++;
    return budget.refusals > FLOOD_LIMITS.refusalsBeforeClose ? 'close' : 'refuse';
  }

  /** Whether one more connection may start from this address now (before the handshake is read). */
  handshake(addressKey: string): boolean {
    const now = this.now();
    return this.bucketOf(this.addresses, addressKey, FLOOD_LIMITS.connectsPerAddress, now).take(now);
  }

  /** Whether this phone may open one more connection now. */
  connect(participant: string): boolean {
    const now = this.now();
    return this.bucketOf(this.connects, participant, FLOOD_LIMITS.connectsPerParticipant, now).take(now);
  }

  /**
   * Whether one more new phone may join this room from this address. The allowance grows with the
   * group size the host expects, so an aula behind one router is not held up either.
   */
  newcomer(room: string, addressKey: string, expectedGroupSize: number | null): boolean {
    const burst = Math.max(FLOOD_LIMITS.newcomers.burstAtLeast, Math.ceil((expectedGroupSize ?? 0) * 1.2));
    // A window of `burst` joins per `burst / perMinute` minutes: the same steady rate for every size.
    const key = `${burst}:${room}:${addressKey}`;
    const now = this.now();
    let window = this.newcomers.get(key);
    if (!window) this.newcomers.set(key, (window = new JoinWindow(burst, Math.ceil((burst / FLOOD_LIMITS.newcomers.perMinute) * 60_000), now)));
    return window.take(now);
  }

  private bucketOf(map: Map<string, TokenBucket>, key: string, rate: { perSecond: number; burst: number }, now: number): TokenBucket {
    let bucket = map.get(key);
    if (!bucket) {
      bucket = new TokenBucket(rate, now);
      map.set(key, bucket);
    }
    return bucket;
  }

  private sweep() {
    const now = this.now();
    for (const map of [this.participants, this.connects, this.addresses, this.newcomers]) for (const [key, bucket] of map) if (bucket.forgettable(now)) map.delete(key);
  }

  stop() {
    clearInterval(this.sweeper);
  }
}
