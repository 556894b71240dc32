// A step's timer in the pure model (room/timer.ts): the host starts, pauses, extends and skips it,
// every view agrees on when it ends in server time, a replay rebuilds it, and it never moves the card.
import { describe, expect, it } from 'vitest';
import type { Card, Command, TimerView } from '@protocol';
import { decide } from '../../session-server/src/room/decide.ts';
import { apply, replay } from '../../session-server/src/room/apply.ts';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import { makeDeck, makeRoom, voteCard, type CommandInput, type RoomFixture } from '../support/room-fixture.ts';

const MIN = 60_000;
const T0 = Date.UTC(2025, 2, 14, 10, 0);

const stepCard: Card = {
  id: 'stap',
  kind: 'step',
  title: 'Stap 1: de casus',
  summary: 'De inbrenger vertelt.',
  step: { minutes: 10, does: 'De inbrenger vertelt de casus, de anderen luisteren.' },
};

function timedRoom(): RoomFixture {
  const room = makeRoom({
    deck: makeDeck({ cards: [{ id: 'welkom', kind: 'opening', title: 'Welkom', summary: 'We beginnen.' }, stepCard, voteCard('pesten'), { ...stepCard, id: 'stap-twee', step: undefined }] }),
    participants: 3,
  });
  room.goto('stap');
  return room;
}

let seq = 0;
/** Runs a host command at server time `now` (the fixture's own clock ticks per command; timers need exact times). */
function hostAt(room: RoomFixture, now: number, command: CommandInput) {
  const decision = decide(room.state, { id: `timer-${String(++seq).padStart(6, '0')}`, ...command } as Command, {
    actor: { role: 'host' },
    now,
    newId: () => 'unused01',
  });
  if (decision.ok) {
    for (const event of decision.events) {
      room.state = apply(room.state, event);
      room.events.push(event);
    }
  }
  return decision;
}

/** What a client shows at server time `now`: the time left, from the view only. */
function remaining(timer: TimerView | null, now: number): number | null {
  if (!timer) return null;
  return timer.endsAt !== null ? timer.endsAt - now : timer.remainingMs;
}

describe('a step timer', () => {
  it('starts with the step’s suggested minutes and counts down in server time', () => {
    const room = timedRoom();
    expect(hostAt(room, T0, { type: 'timer.start', cardId: 'stap' })).toMatchObject({ ok: true });
    const timer = hostView(room.state).timer;
    expect(timer).toEqual({ durationMs: 10 * MIN, endsAt: T0 + 10 * MIN, remainingMs: 10 * MIN, running: true, skipped: false });
    expect(remaining(timer, T0 + 3 * MIN)).toBe(7 * MIN);
    expect(remaining(timer, T0 + 12 * MIN)).toBe(-2 * MIN);
  });

  it('starts with 5 minutes on a card without a step, or with the minutes the host chose', () => {
    const room = timedRoom();
    room.goto('pesten');
    hostAt(room, T0, { type: 'timer.start', cardId: 'pesten' });
    expect(hostView(room.state).timer?.durationMs).toBe(5 * MIN);
    hostAt(room, T0 + 6 * MIN, { type: 'timer.start', cardId: 'pesten', minutes: 2 });
    expect(hostView(room.state).timer).toMatchObject({ durationMs: 2 * MIN, endsAt: T0 + 8 * MIN });
  });

  it('pauses and resumes where it stopped', () => {
    const room = timedRoom();
    hostAt(room, T0, { type: 'timer.start', cardId: 'stap' });
    hostAt(room, T0 + 4 * MIN, { type: 'timer.pause', cardId: 'stap' });
    const paused = beamerView(room.state).timer;
    expect(paused).toMatchObject({ running: false, endsAt: null, remainingMs: 6 * MIN });
    // A pause lasts as long as it lasts: the time left does not move.
    expect(remaining(paused, T0 + 30 * MIN)).toBe(6 * MIN);
    expect(hostAt(room, T0 + 30 * MIN, { type: 'timer.pause', cardId: 'stap' })).toMatchObject({ ok: true, events: [] });
    hostAt(room, T0 + 30 * MIN, { type: 'timer.start', cardId: 'stap', minutes: 1 });
    const resumed = beamerView(room.state).timer;
    expect(resumed).toMatchObject({ running: true, durationMs: 10 * MIN, endsAt: T0 + 36 * MIN });
    expect(remaining(resumed, T0 + 31 * MIN)).toBe(5 * MIN);
  });

  it('extends a running and a paused timer', () => {
    const room = timedRoom();
    hostAt(room, T0, { type: 'timer.start', cardId: 'stap' });
    hostAt(room, T0 + MIN, { type: 'timer.extend', cardId: 'stap', minutes: 5 });
    expect(hostView(room.state).timer).toMatchObject({ durationMs: 15 * MIN, endsAt: T0 + 15 * MIN });
    hostAt(room, T0 + 2 * MIN, { type: 'timer.pause', cardId: 'stap' });
    hostAt(room, T0 + 3 * MIN, { type: 'timer.extend', cardId: 'stap', minutes: 1 });
    expect(hostView(room.state).timer).toMatchObject({ running: false, remainingMs: 14 * MIN });
  });

  it('gives the added minutes from now when the time was already up', () => {
    const room = timedRoom();
    hostAt(room, T0, { type: 'timer.start', cardId: 'stap' });
    hostAt(room, T0 + 13 * MIN, { type: 'timer.extend', cardId: 'stap', minutes: 1 });
    expect(remaining(hostView(room.state).timer, T0 + 13 * MIN)).toBe(MIN);
  });

  it('is called done with skip, keeping what was left, and starts afresh after', () => {
    const room = timedRoom();
    hostAt(room, T0, { type: 'timer.start', cardId: 'stap' });
    hostAt(room, T0 + 7 * MIN, { type: 'timer.skip', cardId: 'stap' });
    expect(participantView(room.state, room.participants[0]!.hash).timer).toEqual({
      durationMs: 10 * MIN,
      endsAt: null,
      remainingMs: 3 * MIN,
      running: false,
      skipped: true,
    });
    expect(hostAt(room, T0 + 8 * MIN, { type: 'timer.extend', cardId: 'stap', minutes: 1 })).toMatchObject({ ok: false, error: 'conflict' });
    expect(hostAt(room, T0 + 8 * MIN, { type: 'timer.skip', cardId: 'stap' })).toMatchObject({ ok: true, events: [] });
    hostAt(room, T0 + 9 * MIN, { type: 'timer.start', cardId: 'stap' });
    expect(hostView(room.state).timer).toMatchObject({ running: true, skipped: false, endsAt: T0 + 19 * MIN });
  });

  it('has no upper limit a method needs: a three-hour step, extended further', () => {
    const room = timedRoom();
    expect(hostAt(room, T0, { type: 'timer.start', cardId: 'stap', minutes: 180 })).toMatchObject({ ok: true });
    hostAt(room, T0, { type: 'timer.extend', cardId: 'stap', minutes: 120 });
    expect(remaining(hostView(room.state).timer, T0 + 150 * MIN)).toBe(150 * MIN);
    // Only a sane cap of a day stays.
    for (let i = 0; i < 9; i++) hostAt(room, T0, { type: 'timer.extend', cardId: 'stap', minutes: 120 });
    expect(hostAt(room, T0, { type: 'timer.extend', cardId: 'stap', minutes: 120 })).toMatchObject({ ok: false, error: 'limit' });
  });

  it('gives everyone the same end time, computed by the same views at any moment', () => {
    const room = timedRoom();
    hostAt(room, T0, { type: 'timer.start', cardId: 'stap' });
    const views = [hostView(room.state), beamerView(room.state), participantView(room.state, room.participants[1]!.hash)];
    expect(new Set(views.map((v) => JSON.stringify(v.timer))).size).toBe(1);
  });

  it('replays to the same timer after a restart, and the time left runs on from server time', () => {
    const room = timedRoom();
    hostAt(room, T0, { type: 'timer.start', cardId: 'stap' });
    hostAt(room, T0 + 2 * MIN, { type: 'timer.pause', cardId: 'stap' });
    hostAt(room, T0 + 3 * MIN, { type: 'timer.start', cardId: 'stap' });
    hostAt(room, T0 + 4 * MIN, { type: 'timer.extend', cardId: 'stap', minutes: 5 });
    const before = hostView(room.state).timer;
    // The stored events, as JSON, read back by a new process.
    const restarted = replay(JSON.parse(JSON.stringify(room.events)))!;
    expect(restarted.timer).toEqual(room.state.timer);
    const after = hostView(restarted).timer;
    expect(after).toEqual(before);
    // The server was down for 90 s: the time left is 90 s less, not frozen.
    expect(remaining(after, T0 + 5.5 * MIN)).toBe(remaining(before, T0 + 4 * MIN)! - 1.5 * MIN);
  });

  it('never moves the card: not at zero, not long after', () => {
    const room = timedRoom();
    const index = room.state.cardIndex;
    hostAt(room, T0, { type: 'timer.start', cardId: 'stap', minutes: 1 });
    for (const command of [
      { type: 'timer.pause', cardId: 'stap' },
      { type: 'timer.start', cardId: 'stap' },
      { type: 'timer.extend', cardId: 'stap', minutes: 1 },
      { type: 'timer.skip', cardId: 'stap' },
    ] as const) {
      hostAt(room, T0 + 10 * MIN, command);
      expect(room.state.cardIndex).toBe(index);
    }
    expect(room.events.filter((e) => e.type.startsWith('timer')).every((e) => !('index' in e))).toBe(true);
    expect(hostView(room.state).cardIndex).toBe(index);
  });

  it('shows only with its own card, and moving on stops nothing', () => {
    const room = timedRoom();
    hostAt(room, T0, { type: 'timer.start', cardId: 'stap' });
    room.goto('pesten');
    expect(hostView(room.state).timer).toBeNull();
    expect(beamerView(room.state).timer).toBeNull();
    expect(room.state.timer).toMatchObject({ cardId: 'stap', startedAt: T0 });
    room.goto('stap');
    expect(beamerView(room.state).timer).toMatchObject({ running: true, endsAt: T0 + 10 * MIN });
  });

  it('is refused for a card that is not on the screen, and starting on another card replaces it', () => {
    const room = timedRoom();
    hostAt(room, T0, { type: 'timer.start', cardId: 'stap' });
    expect(hostAt(room, T0, { type: 'timer.start', cardId: 'pesten' })).toMatchObject({ ok: false, error: 'conflict' });
    room.goto('pesten');
    expect(hostAt(room, T0 + MIN, { type: 'timer.pause', cardId: 'pesten' })).toMatchObject({ ok: false, error: 'conflict' });
    hostAt(room, T0 + MIN, { type: 'timer.start', cardId: 'pesten' });
    expect(room.state.timer).toMatchObject({ cardId: 'pesten', durationMs: 5 * MIN });
    room.goto('stap');
    expect(hostView(room.state).timer).toBeNull();
  });

  it('only the host runs it', () => {
    const room = timedRoom();
    expect(room.as(0, { type: 'timer.start', cardId: 'stap' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.run({ role: 'beamer' }, { type: 'timer.start', cardId: 'stap' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.state.timer ?? null).toBeNull();
  });
});
