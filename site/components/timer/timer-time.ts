// What a step timer shows at a moment: the time left in server time, and how to write it.
import type { TimerView } from '@protocol';

/** Time left at `serverNow` (this device's clock plus its offset to the server); negative once up. */
export function timerRemaining(timer: TimerView, serverNow: number): number {
  return timer.endsAt !== null ? timer.endsAt - serverNow : timer.remainingMs;
}

/** mm:ss, or h:mm:ss for a long step; never below 0:00. Rounded up, so 0:00 means the time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The time left in words, for screen readers ("4 minuten", "1 minuut", "30 seconden"). */
export function remainingInWords(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}`;
  const minutes = Math.round(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`;
}
