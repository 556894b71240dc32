// New phones per room and address (FloodLimits.newcomer): a whole class behind one router gets in,
// a script from one address cannot add phones faster than the steady rate, and nothing is kept
// per address once its window is over.
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

  it('lets a class in at once and turns the next one away until the window is over', () => {
    time = 1_000_000;
    const flood = fresh();
    expect(joins(flood, burstAtLeast + 10)).toBe(burstAtLeast);
    time += Math.ceil((burstAtLeast / perMinute) * 60_000) - 1;
    expect(joins(flood, 1)).toBe(0);
    time += 1;
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
