// Limits that keep one phone, one script or one address from turning a session against the class.
// Each is counted in memory only (keys are socket ids, participant hashes and hashed address keys;
// nothing is logged or stored).
//
// Commands are checked against token buckets written here rather than with rate-limiter-flexible:
// the check runs for every message a flooding script sends (tens of thousands a second), before
// anything else is done with it, so it must be synchronous and allocate nothing. A socket that
// keeps flooding after its refusals is closed, because only then does the server stop reading it.
// New phones per room and address are counted in the same buckets: rate-limiter-flexible's memory
// limiter kept a timer per key, one per phone on mobile data.
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

/** A limit in whole milliseconds: one token back every `interval` ms, at most `burst` kept. */
interface Rate {
  interval: number;
  burst: number;
}
const rateOf = ({ perSecond, burst }: { perSecond: number; burst: number }): Rate => ({ interval: Math.round(1000 / perSecond), burst });

/**
 * A token bucket kept as one number (the generic cell rate algorithm): the time at which all its
 * tokens are back. Taking a token moves that time one interval on; a bucket whose time has passed
 * is full, so it needs no entry at all. The times are milliseconds since the limits started, so
 * each fits in a small integer, which V8 keeps inside the map or object itself: thousands of
 * phones each hold a few of these, and an object per bucket, with three numbers of its own, took
 * about 100 bytes (heap snapshot, 6,000 phones).
 * Returns the bucket's new time, or null when no token is left.
 */
function take(full: number | undefined, rate: Rate, now: number): number | null {
  const from = full === undefined || full < now ? now : full;
  return from - now > (rate.burst - 1) * rate.interval ? null : from + rate.interval;
}

/** Buckets per key (a participant, an address): an entry only while its bucket is not full. */
class Buckets {
  private full = new Map<string, number>();

  take(key: string, rate: Rate, now: number): boolean {
    const next = take(this.full.get(key), rate, now);
    if (next === null) return false;
    this.full.set(key, next);
    return true;
  }

  /** Forgets the buckets that are full again. */
  sweep(now: number) {
    for (const [key, full] of this.full) if (full <= now) this.full.delete(key);
  }
}

/** What a socket is counted by: its own buckets (as times, see `take`) and its recent refusals. */
export interface SocketBudget {
  rate: Rate;
  commandsFull: number;
  timesFull: number;
  refusals: number;
  windowStart: number;
  /** Commands still being answered: a flooding socket is closed only after they were. */
  inFlight: number;
  /** Refused too often: closed once `inFlight` is 0. */
  closing: boolean;
}

/** How often full connection buckets are forgotten (participants' command buckets: every 60th time). */
const SWEEP_MS = 1000;

export type CommandVerdict = 'go' | 'refuse' | 'close';

const RATES = {
  socket: rateOf(FLOOD_LIMITS.socket),
  participant: rateOf(FLOOD_LIMITS.participant),
  host: rateOf(FLOOD_LIMITS.host),
  time: rateOf(FLOOD_LIMITS.time),
  connectsPerParticipant: rateOf(FLOOD_LIMITS.connectsPerParticipant),
  connectsPerAddress: rateOf(FLOOD_LIMITS.connectsPerAddress),
};

export class FloodLimits {
  private participants = new Buckets();
  private connects = new Buckets();
  private addresses = new Buckets();
  private newcomers = new Buckets();
  private sweeper: NodeJS.Timeout;
  private clock: () => number;

  constructor(now: () => number = Date.now) {
    const start = now();
    this.clock = () => now() - start;
    // Full buckets of connections are forgotten every second, so those maps hold only keys that
    // were busy in the last second or two: after a connect storm of thousands of phones, most of
    // their buckets (an address's is full again 10 ms after a connect) would otherwise stay in
    // memory for a minute. A sweep costs about 10 ns per key it keeps and 0.2 µs per key it forgets
    // (measured here). Participants' command buckets go once a minute: a phone that answers every
    // few seconds would otherwise leave the map and come back each time, and a map whose keys keep
    // coming and going keeps allocating new tables.
    let ticks = 0;
    this.sweeper = setInterval(() => this.sweep(++ticks % 60 === 0), SWEEP_MS);
    this.sweeper.unref();
  }

  budget(role: 'host' | 'participant' | 'beamer'): SocketBudget {
    const now = this.clock();
    return { rate: role === 'host' ? RATES.host : RATES.socket, commandsFull: now, timesFull: now, refusals: 0, windowStart: now, inFlight: 0, closing: false };
  }

  /** Whether this socket may ask the server's time now; 'close' once it keeps flooding. */
  time(budget: SocketBudget): CommandVerdict {
    const now = this.clock();
    const next = take(budget.timesFull, RATES.time, now);
    if (next === null) return this.refused(budget, now);
    budget.timesFull = next;
    return 'go';
  }

  /** Whether a command from this socket (and participant) may run now; 'close' once it keeps flooding. */
  command(budget: SocketBudget, participant: string | null): CommandVerdict {
    const now = this.clock();
    const next = take(budget.commandsFull, budget.rate, now);
    if (next === null || (participant && !this.participants.take(participant, RATES.participant, now))) return this.refused(budget, now);
    budget.commandsFull = next;
    return 'go';
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
    return this.addresses.take(addressKey, RATES.connectsPerAddress, this.clock());
  }

  /** Whether this phone may open one more connection now. */
  connect(participant: string): boolean {
    return this.connects.take(participant, RATES.connectsPerParticipant, this.clock());
  }

  /**
   * Whether one more new phone may join this room from this address. A whole class gets in at
   * once: the burst grows with the group size the host expects, so an aula behind one router is
   * not held up either; after it, one more every second (`perMinute`), whatever the size.
   */
  newcomer(room: string, addressKey: string, expectedGroupSize: number | null): boolean {
    const burst = Math.max(FLOOD_LIMITS.newcomers.burstAtLeast, Math.ceil((expectedGroupSize ?? 0) * 1.2));
    const rate = { interval: Math.round(60_000 / FLOOD_LIMITS.newcomers.perMinute), burst };
    return this.newcomers.take(`${burst}:${room}:${addressKey}`, rate, this.clock());
  }

  private sweep(participantsToo: boolean) {
    const now = this.clock();
    for (const buckets of [this.connects, this.addresses, this.newcomers]) buckets.sweep(now);
    if (participantsToo) this.participants.sweep(now);
  }

  stop() {
    clearInterval(this.sweeper);
  }
}
