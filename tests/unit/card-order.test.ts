// The card picker's steps on a list of card ids: where an added card lands, what a shuffle keeps
// in place, and that the card on the screen cannot be taken out.
import { describe, expect, it } from 'vitest';
import { moveCard, shuffleCards, withCards, withoutCards } from '../../site/components/cards/card-order.ts';

const DECK = ['welkom', 'a', 'b', 'c', 'd', 'afspraken', 'einde'];
const KIND: Record<string, string> = { welkom: 'opening', a: 'dilemma', b: 'dilemma', c: 'dilemma', d: 'dilemma', afspraken: 'afspraken', einde: 'closing' };
const kindOf = (id: string) => KIND[id];

/** A fixed "random" sequence, so a shuffle is repeatable. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('card order', () => {
  it('puts an added card after the nearest picked card before it in the deck', () => {
    expect(withCards(['welkom', 'einde'], ['c'], DECK)).toEqual(['welkom', 'c', 'einde']);
    expect(withCards(['welkom', 'c', 'a', 'einde'], ['b'], DECK)).toEqual(['welkom', 'c', 'a', 'b', 'einde']);
    expect(withCards(['einde'], ['welkom'], DECK)).toEqual(['welkom', 'einde']);
  });

  it('adds a card that is already picked only once', () => {
    expect(withCards(['welkom', 'a'], ['a', 'b'], DECK)).toEqual(['welkom', 'a', 'b']);
  });

  it('never takes out the locked card', () => {
    expect(withoutCards(['welkom', 'a', 'b'], ['a', 'b'], 'b')).toEqual(['welkom', 'b']);
  });

  it('moves a card one place and stays put at either end', () => {
    expect(moveCard(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveCard(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveCard(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });

  it('shuffles only the dilemmas: the opening first, afspraken and closing last', () => {
    const shuffled = shuffleCards(['a', 'einde', 'b', 'welkom', 'c', 'afspraken', 'd'], kindOf, sequence(0, 0.99, 0.5));
    expect(shuffled[0]).toBe('welkom');
    expect(shuffled.slice(-2)).toEqual(['einde', 'afspraken']);
    expect([...shuffled.slice(1, -2)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
