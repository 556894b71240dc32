// Limits that keep one phone, one script or one address from turning a session against the class.
// Each is counted in memory only (keys are socket ids, participant hashes and hashed address keys;
// nothing is logged or stored). rate-limiter-flexible does the counting; a steady rate plus a
// burst allowance behaves like a token bucket: tapping through answers is fine, a script is not.
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** The numbers, in one place (the README's limits table quotes them). */
export const FLOOD_LIMITS = {
  /** Commands per socket: 5 a second steady, 20 more in a burst (per 10 s). */
  socket: { perSecond: 5, burst: 20 },
  /** Commands per participant over all their sockets. */
  participant: { perSecond: 8, burst: 30 },
  /** The host clicks fast when moderating a full board, and is one trusted person. */
  host: { perSecond: 20, burst: 100 },
  /** New phones per room from one address: a whole class behind one school router always gets in. */
  newcomers: { perMinute: 60, burstAtLeast: 45 },
} as const;

function bursty(name: string, { perSecond, burst }: { perSecond: number; burst: number }) {
  return new BurstyRateLimiter(
    new RateLimiterMemory({ keyPrefix: name, points: perSecond, duration: 1 }),
    new RateLimiterMemory({ keyPrefix: `${name}-burst`, points: burst, duration: 10 }),
  );
}

async function allowed(limiter: BurstyRateLimiter | RateLimiterMemory, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

export class FloodLimits {
  private perSocket = bursty('socket', FLOOD_LIMITS.socket);
  private perParticipant = bursty('participant', FLOOD_LIMITS.participant);
  private perHost = bursty('host', FLOOD_LIMITS.host);
  private newcomers = new Map<number, RateLimiterMemory>();

  /** Whether a command from this socket (and participant) may run now. */
  async command(socketId: string, participant: string | null, role: 'host' | 'participant' | 'beamer'): Promise<boolean> {
    if (role === 'host') return allowed(this.perHost, socketId);
    if (!(await allowed(this.perSocket, socketId))) return false;
    return participant ? allowed(this.perParticipant, participant) : true;
  }

  /**
   * Whether one more new phone may join this room from this address. The allowance grows with the
   * group size the host expects, so an aula behind one router is not held up either.
   */
  newcomer(room: string, addressKey: string, expectedGroupSize: number | null): Promise<boolean> {
    const burst = Math.max(FLOOD_LIMITS.newcomers.burstAtLeast, Math.ceil((expectedGroupSize ?? 0) * 1.2));
    let limiter = this.newcomers.get(burst);
    if (!limiter) {
      // A window of `burst` joins per `burst / perMinute` minutes: the same steady rate for every size.
      limiter = new RateLimiterMemory({
        keyPrefix: `newcomers-${burst}`,
        points: burst,
        duration: Math.ceil((burst / FLOOD_LIMITS.newcomers.perMinute) * 60),
      });
      this.newcomers.set(burst, limiter);
    }
    return allowed(limiter, `${room}:${addressKey}`);
  }
}
