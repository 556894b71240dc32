// Slows down guessing join codes: at most N unknown-code attempts per client address per minute.
// Addresses are kept only in memory, hashed, for a minute; never logged or stored.
import { createHash } from 'node:crypto';

export class JoinLimiter {
  private attempts = new Map<string, { count: number; since: number }>();

  private maxPerMinute: number;
  private now: () => number;

  constructor(maxPerMinute = 60, now: () => number = Date.now) {
    this.maxPerMinute = maxPerMinute;
    this.now = now;
  }

  private key(address: string | undefined) {
    return createHash('sha256').update(address ?? '?').digest('base64url').slice(0, 16);
  }

  blocked(address: string | undefined): boolean {
    const entry = this.attempts.get(this.key(address));
    return !!entry && this.now() - entry.since < 60_000 && entry.count >= this.maxPerMinute;
  }

  recordMiss(address: string | undefined) {
    const key = this.key(address);
    const entry = this.attempts.get(key);
    if (!entry || this.now() - entry.since >= 60_000) this.attempts.set(key, { count: 1, since: this.now() });
    else entry.count++;
    if (this.attempts.size > 10_000) this.sweep();
  }

  private sweep() {
    for (const [key, entry] of this.attempts) if (this.now() - entry.since >= 60_000) this.attempts.delete(key);
  }
}
