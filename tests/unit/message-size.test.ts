// The size check every command passes first (server/message-size.ts): it must say exactly what
// measuring the command's JSON would say, for any value a client can send. The limits tried lie
// around each value's own size, where a bound that counted too little would let one byte too many in.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { withinBytes } from '../../session-server/src/server/message-size.ts';
import { LIMITS } from '../../session-server/src/protocol/index.ts';

const bytes = (raw: unknown) => Buffer.byteLength(JSON.stringify(raw) ?? '');

/** `withinBytes` against measuring, at limits from 3 below to 3 above the value's size. */
function agreesAroundItsSize(raw: unknown, offset: number) {
  const limit = Math.max(0, bytes(raw) + offset);
  expect(withinBytes(raw, limit)).toBe(bytes(raw) <= limit);
}

describe('withinBytes', () => {
  it('agrees with measuring the JSON, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.integer({ min: -3, max: 3 }), agreesAroundItsSize), { numRuns: 3000 });
  });

  it('agrees on strings that escape or take several bytes, and on keys of any kind, empty ones too', () => {
    const awkward = fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u0001', 'é', '€', '😀', '\ud800'), maxLength: 12 });
    const value = fc.dictionary(awkward, fc.oneof(awkward, fc.double(), fc.array(awkward, { maxLength: 4 })), { maxKeys: 4 });
    fc.assert(fc.property(value, fc.integer({ min: -3, max: 3 }), agreesAroundItsSize), { numRuns: 3000 });
    // Worst cases by hand: an empty key, empty strings in a list, and characters escaped to six bytes each.
    agreesAroundItsSize({ '': '' }, -1);
    agreesAroundItsSize(['', '', ''], -1);
    agreesAroundItsSize({ '\u0001': '\u0001\u0001' }, -1);
  });

  it('holds at the limit itself, and refuses what cannot be measured', () => {
    const at = (size: number) => ({ type: 'postIt.add', text: 'x'.repeat(size - bytes({ type: 'postIt.add', text: '' })) });
    expect(withinBytes(at(LIMITS.messageBytes), LIMITS.messageBytes)).toBe(true);
    expect(withinBytes(at(LIMITS.messageBytes + 1), LIMITS.messageBytes)).toBe(false);
    expect(withinBytes({ big: 10n }, LIMITS.messageBytes)).toBe(false);
    // Deeper than the bound looks: measured exactly instead.
    const deep: Record<string, unknown> = {};
    let inner = deep;
    for (let i = 0; i < 40; i++) inner = (inner.next = {}) as Record<string, unknown>;
    expect(withinBytes(deep, LIMITS.messageBytes)).toBe(true);
  });
});
