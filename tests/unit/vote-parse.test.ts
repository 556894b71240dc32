// An answer checked without zod (protocol/commands.ts wellFormedVote) is held to the schema: what it
// accepts, ParticipantCommand accepts as the very same command; every plain answer the schema
// accepts, it accepts too (else it would save nothing); anything else it leaves to the schema.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParticipantCommand, wellFormedVote } from '../../session-server/src/protocol/commands.ts';

/** Strings near the patterns' edges: valid ids and slugs, one character too many or wrong, and junk. */
const idLike = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{6,42}$/),
  fc.stringMatching(/^[a-z0-9-]{0,62}$/),
  fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{0,8}){0,6}$/),
  fc.constantFrom('', 'vote.cast', 'soms', 'nooit', 'pas', '-soms', 'soms-', 'so--ms', 'Soms', 'soms\n', 'a'.repeat(40), 'a'.repeat(41)),
  fc.string({ maxLength: 50 }),
);
const value = fc.oneof(idLike, fc.integer(), fc.constant(null), fc.boolean(), fc.array(idLike, { maxLength: 2 }), fc.constant(undefined));

/** Objects made of the answer's keys (each maybe missing or wrong) and now and then one more. */
const candidate = fc.record(
  {
    id: value,
    type: fc.oneof(fc.constant('vote.cast'), fc.constant('postIt.add'), value),
    cardId: value,
    choice: value,
    extra: value,
    __proto__: value,
  },
  { requiredKeys: [] },
);

/** Well-formed answers, in any key order. */
const answer = fc
  .record({
    id: fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/),
    type: fc.constant('vote.cast' as const),
    cardId: fc.stringMatching(/^[a-z0-9-]{1,60}$/),
    choice: fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,2}$/),
  })
  .chain((vote) => fc.shuffledSubarray(Object.keys(vote), { minLength: 4, maxLength: 4 }).map((order) => Object.fromEntries(order.map((k) => [k, vote[k as keyof typeof vote]]))));

/** A well-formed answer with one thing wrong: a value replaced, a key gone or one key more. */
const nearAnswer = answer.chain((vote) =>
  fc.oneof(
    fc.record({ key: fc.constantFrom('id', 'type', 'cardId', 'choice'), to: value }).map(({ key, to }) => ({ ...vote, [key]: to })),
    fc.constantFrom('id', 'type', 'cardId', 'choice').map((key) => Object.fromEntries(Object.entries(vote).filter(([k]) => k !== key))),
    fc.record({ key: fc.constantFrom('extra', '__proto__', 'round', 'constructor'), to: value }).map(({ key, to }) => JSON.parse(JSON.stringify({ ...vote, [key === '__proto__' ? 'PROTO' : key]: to }).replace('"PROTO"', '"__proto__"'))),
  ),
);

/** As a command arrives: parsed from JSON (so `__proto__` is a key like any other). */
const overTheWire = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('an answer checked without zod', () => {
  it('is accepted only when the schema accepts it as the same command, and whenever the schema accepts a plain answer', () => {
    fc.assert(
      fc.property(fc.oneof(candidate, answer, nearAnswer), (made) => {
        const raw = overTheWire(made);
        const fast = wellFormedVote(raw);
        const parsed = ParticipantCommand.safeParse(raw);
        if (fast) {
          expect(parsed.success).toBe(true);
          expect(fast).toEqual(parsed.data);
        } else if (parsed.success) {
          expect(parsed.data.type).not.toBe('vote.cast');
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('accepts every well-formed answer as it came, without a copy', () => {
    fc.assert(
      fc.property(answer, (made) => {
        const raw = overTheWire(made);
        expect(wellFormedVote(raw)).toBe(raw);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves to the schema what is not a plain object with exactly the answer’s keys', () => {
    const vote = { id: 'abcdefgh12', type: 'vote.cast', cardId: 'discriminatie', choice: 'soms' };
    expect(wellFormedVote(vote)).toBe(vote);
    expect(wellFormedVote(null)).toBeNull();
    expect(wellFormedVote('vote.cast')).toBeNull();
    expect(wellFormedVote([vote])).toBeNull();
    expect(wellFormedVote(Object.assign(Object.create(null), vote))).toBeNull();
    expect(wellFormedVote(JSON.parse('{"id":"abcdefgh12","type":"vote.cast","cardId":"x","choice":"soms","__proto__":{"a":1}}'))).toBeNull();
    expect(wellFormedVote({ ...vote, extra: 1 })).toBeNull();
    expect(wellFormedVote({ ...vote, choice: 'a'.repeat(41) })).toBeNull();
    expect(wellFormedVote({ ...vote, id: 'short' })).toBeNull();
    const { choice: _, ...noChoice } = vote;
    expect(wellFormedVote(noChoice)).toBeNull();
  });
});
