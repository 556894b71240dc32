// Join codes: short, unambiguous on a projector and when typed on a phone.
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JoinCode } from '@protocol';
import { newJoinCode } from '../../session-server/src/server/secrets.ts';

describe('join codes', () => {
  it('the alphabet has no look-alike characters', () => {
    for (const ch of ['0', 'O', '1', 'I', 'L']) expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    expect(JOIN_CODE_ALPHABET).toBe(JOIN_CODE_ALPHABET.toUpperCase());
  });

  it('a new code is 6 characters from the alphabet', () => {
    expect(JOIN_CODE_LENGTH).toBe(6);
    for (let i = 0; i < 1000; i++) {
      const code = newJoinCode();
      expect(code).toHaveLength(6);
      for (const ch of code) expect(JOIN_CODE_ALPHABET).toContain(ch);
      expect(JoinCode.parse(code)).toBe(code);
    }
  });

  it('10 000 new codes are almost all different', () => {
    const codes = new Set(Array.from({ length: 10_000 }, newJoinCode));
    // 31^6 possible codes: a handful of collisions at most.
    expect(codes.size).toBeGreaterThan(9_990);
  });

  it('every character of the alphabet is used', () => {
    const seen = new Set(Array.from({ length: 2_000 }, newJoinCode).join(''));
    expect([...seen].sort().join('')).toBe([...JOIN_CODE_ALPHABET].sort().join(''));
  });

  it.each([
    ['abcdef', 'ABCDEF'],
    ['abc-def', 'ABCDEF'],
    ['ABC DEF', 'ABCDEF'],
    [' x7k-9mq ', 'X7K9MQ'],
  ])('accepts "%s" as typed on a phone', (typed, code) => {
    expect(JoinCode.parse(typed)).toBe(code);
  });

  it.each(['ABC0EF', 'ABCOEF', 'ABC1EF', 'ABCIEF', 'abclef', 'ABCDE', 'ABCDEFG', '', 'ABC_EF', 'ÄBCDEF'])('refuses "%s"', (typed) => {
    expect(JoinCode.safeParse(typed).success).toBe(false);
  });
});
