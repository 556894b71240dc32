// New phones per room and address (FloodLimits.newcomer): a whole class behind one router gets in,
// a latecomer a second later, and a script from one address cannot add phones faster than the
// steady rate. The socket's own command and clock buckets: a burst, then the steady rate.
import { afterEach, describe, expect, it } from 'vitest';
import { FLOOD_LIMITS, FloodLimits } from '../../session-server/src/server/flood-limits.ts';

let time = 0;
const limits: FloodLimits[] = [];
const fresh = () => {
  const flood = new FloodLimits(() => time);
  limits.push(flood);
  return flood;
};
afterEach(() => limits.splice(0).forEach((flood) => flood.stop()));

const joins = (flood: FloodLimits, count: number, room = 'ABC123', address = 'school', expected: number | null = null) =>
  Array.from({ length: count }, () => flood.newcomer(room, address, expected)).filter(Boolean).length;

describe('new phones per room and address', () => {
  const { burstAtLeast, perMinute } = FLOOD_LIMITS.newcomers;

  it('lets a class in at once, then one phone per steady interval, and the whole class again once refilled', () => {
    time = 1_000_000;
    const flood = fresh();
    const interval = 60_000 / perMinute;
    expect(joins(flood, burstAtLeast + 10)).toBe(burstAtLeast);
    time += interval - 1;
    expect(joins(flood, 1)).toBe(0);
    time += 1;
    expect(joins(flood, 3)).toBe(1);
    // A script that keeps trying gets exactly the steady rate: ten intervals, ten phones.
    let admitted = 0;
    for (let i = 0; i < 10; i++) {
      time += interval;
      admitted += joins(flood, 5);
    }
    expect(admitted).toBe(10);
    time += burstAtLeast * interval;
    expect(joins(flood, burstAtLeast + 10)).toBe(burstAtLeast);
  });

  it('counts each room and each address on its own, and grows with the group the host expects', () => {
    time = 2_000_000;
    const flood = fresh();
    expect(joins(flood, burstAtLeast)).toBe(burstAtLeast);
    expect(joins(flood, 1, 'ABC123', 'elders')).toBe(1);
    expect(joins(flood, 1, 'XYZ789', 'school')).toBe(1);
    // An aula of 500 behind one router: 1.2 × 500 in one go.
    expect(joins(flood, 700, 'AULA01', 'school', 500)).toBe(600);
  });
});

describe("a socket's own buckets", () => {
  it('takes a burst of commands, then the steady rate, and closes a socket that keeps flooding', () => {
    time = 3_000_000;
    const flood = fresh();
    const budget = flood.budget('participant');
    const { burst, perSecond } = FLOOD_LIMITS.socket;
    const verdicts = Array.from({ length: burst + 1 }, () => flood.command(budget, null));
    expect(verdicts.filter((v) => v === 'go')).toHaveLength(burst);
    expect(verdicts.at(-1)).toBe('refuse');
    time += 1000 / perSecond;
    expect(flood.command(budget, null)).toBe('go');
    expect(flood.command(budget, null)).toBe('refuse');
    const more = Array.from({ length: FLOOD_LIMITS.refusalsBeforeClose }, () => flood.command(budget, null));
    expect(more.at(-1)).toBe('close');
  });

  it('counts a participant over all their sockets, and the clock on its own', () => {
    time = 4_000_000;
    const flood = fresh();
    const tabs = [flood.budget('participant'), flood.budget('participant')];
    const go = Array.from({ length: 40 }, (_, i) => flood.command(tabs[i % 2]!, 'phone-1')).filter((v) => v === 'go');
    expect(go).toHaveLength(FLOOD_LIMITS.participant.burst);
    // Asking the time takes nothing from the commands, and has its own burst.
    const times = Array.from({ length: FLOOD_LIMITS.time.burst + 1 }, () => flood.time(tabs[0]!));
    expect(times.filter((v) => v === 'go')).toHaveLength(FLOOD_LIMITS.time.burst);
    // The host is one trusted person who clicks fast.
    const host = flood.budget('host');
    expect(Array.from({ length: 100 }, () => flood.command(host, null)).every((v) => v === 'go')).toBe(true);
  });
});
