// A step's timer: the host starts, pauses, extends and skips it; it never moves the room on. Every
// event carries the server's time (ctx.now), so a replay after a restart rebuilds the same timer and
// the time left keeps running from real server time. Reaching zero changes nothing here: the clients
// say "Tijd is om" and the host moves on by hand.
import { TIMER_LIMITS, type Command, type TimerView } from '../protocol/index.ts';
import type { RoomEvent, RoomState } from './state.ts';
import { accept, refuse, type Decision } from './decision.ts';
import { currentCard, findCard } from './cards.ts';

export interface TimerState {
  cardId: string;
  durationMs: number;
  /** Server ms when the current run started; null while paused or skipped. */
  startedAt: number | null;
  /** Time run before the current run. */
  elapsedMs: number;
  /** The host called the step done. */
  skipped: boolean;
}

export type TimerEvent = Extract<
  RoomEvent,
  { type: 'timerStarted' | 'timerPaused' | 'timerResumed' | 'timerExtended' | 'timerSkipped' }
>;
type TimerCommand = Extract<Command, { type: 'timer.start' | 'timer.pause' | 'timer.extend' | 'timer.skip' }>;

const MINUTE = 60_000;

export const isTimerCommand = (command: Command): command is TimerCommand => command.type.startsWith('timer.');

/** Time run at `now` (server ms). */
const elapsedAt = (timer: TimerState, now: number): number => timer.elapsedMs + (timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt));

/** What is left at `now`; negative once the time is up and it still runs. */
export const remainingAt = (timer: TimerState, now: number): number => timer.durationMs - elapsedAt(timer, now);

/** The card's own timer (the room has at most one, on the card it was started on). */
function timerOn(state: RoomState, cardId: string): TimerState | null {
  return state.timer?.cardId === cardId ? state.timer : null;
}

/** decide for timer.*: the card is already checked to be the one on the screen (decide.ts). */
export function decideTimer(state: RoomState, command: TimerCommand, now: number): Decision {
  const { cardId } = command;
  const timer = timerOn(state, cardId);
  const live = timer && !timer.skipped ? timer : null;
  switch (command.type) {
    case 'timer.start': {
      // Paused with time left: go on where it stopped. Running with time left: nothing to do.
      if (live && remainingAt(live, now) > 0) {
        return live.startedAt === null ? accept([{ type: 'timerResumed', cardId, at: now }]) : accept([]);
      }
      // No timer here, another card's, done or skipped: a fresh one (replacing any other).
      const minutes = command.minutes ?? findCard(state, cardId)?.step?.minutes ?? TIMER_LIMITS.defaultMinutes;
      return accept([{ type: 'timerStarted', cardId, at: now, durationMs: minutes * MINUTE }]);
    }
    case 'timer.pause':
      if (!live) return refuse('conflict', 'Er loopt geen timer op deze kaart.');
      return live.startedAt === null ? accept([]) : accept([{ type: 'timerPaused', cardId, at: now }]);
    case 'timer.extend': {
      if (!live) return refuse('conflict', 'Start eerst de timer.');
      // Extending after the time was up gives the minutes from now, not from the moment it hit zero.
      const overdue = Math.max(0, -remainingAt(live, now));
      const ms = overdue + command.minutes * MINUTE;
      if (live.durationMs + ms > TIMER_LIMITS.maxTotalMs) return refuse('limit', 'Zo lang kan een stap niet duren.');
      return accept([{ type: 'timerExtended', cardId, ms }]);
    }
    case 'timer.skip':
      if (!timer) return refuse('conflict', 'Er loopt geen timer op deze kaart.');
      return timer.skipped ? accept([]) : accept([{ type: 'timerSkipped', cardId, at: now }]);
  }
}

/** apply for timer events. */
export function applyTimerEvent(state: RoomState, event: TimerEvent): RoomState {
  const timer = state.timer;
  switch (event.type) {
    case 'timerStarted':
      return { ...state, timer: { cardId: event.cardId, durationMs: event.durationMs, startedAt: event.at, elapsedMs: 0, skipped: false } };
    case 'timerResumed':
      return timer ? { ...state, timer: { ...timer, startedAt: event.at } } : state;
    case 'timerPaused':
      return timer ? { ...state, timer: { ...timer, elapsedMs: elapsedAt(timer, event.at), startedAt: null } } : state;
    case 'timerExtended':
      return timer ? { ...state, timer: { ...timer, durationMs: timer.durationMs + event.ms } } : state;
    case 'timerSkipped':
      return timer ? { ...state, timer: { ...timer, elapsedMs: elapsedAt(timer, event.at), startedAt: null, skipped: true } } : state;
  }
}

/** The timer as every view gives it: only with the room's current card. Pure: no clock, only when it ends. */
export function timerView(state: RoomState): TimerView | null {
  const timer = state.timer;
  if (!timer || state.status !== 'live' || timer.cardId !== currentCard(state).id) return null;
  const remainingMs = timer.durationMs - timer.elapsedMs;
  const running = timer.startedAt !== null;
  return {
    durationMs: timer.durationMs,
    endsAt: running ? timer.startedAt! + remainingMs : null,
    remainingMs: Math.max(0, remainingMs),
    running,
    skipped: timer.skipped,
  };
}
