// Care around hard themes, in the views: a card's host notes reach the host and nobody else, and a
// phone is told which help fits its session (the audiences) and which lines its cards name.
import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '@protocol';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import { beamerGroups } from '../../session-server/src/room/group-views.ts';
import { loadDecks } from '../../session-server/src/server/decks.ts';
import { boardCard, decksDir, findSecrets, makeDeck, makeRoom, voteCard } from '../support/room-fixture.ts';

const notesOf = (card: Card) => `VOOR-DE-GESPREKSLEIDER-${card.id}`;

/** The deck with host notes on every card, so the test can fail on any card, notes written yet or not. */
const withNotes = (deck: Deck): Deck => ({ ...deck, cards: deck.cards.map((card) => ({ ...card, hostNotes: notesOf(card) })) });

describe.each([...loadDecks(decksDir)])('deck %s: host notes', (deckId, realDeck) => {
  const deck = withNotes(realDeck);
  const secrets = deck.cards.map(notesOf);

  it('reach the host for every card, and never a phone or the beamer, before and after a reveal', () => {
    const room = makeRoom({ deck, deckId, minGroupSize: 3, participants: 4 });
    deck.cards.forEach((card, index) => {
      room.must('host', { type: 'card.goto', index });
      if (card.vote) {
        room.participants.forEach((_, n) => room.as(n, { type: 'vote.cast', cardId: card.id, choice: 'soms' }));
      }
      for (const revealed of [false, true]) {
        if (revealed && card.vote) room.must('host', { type: 'result.reveal', cardId: card.id });
        if (revealed && card.board) room.must('host', { type: 'board.reveal', cardId: card.id });
        expect(hostView(room.state).card?.hostNotes).toBe(notesOf(card));
        expect(findSecrets(beamerView(room.state), [...secrets, 'hostNotes'])).toEqual([]);
        for (const p of room.participants) expect(findSecrets(participantView(room.state, p.hash), [...secrets, 'hostNotes'])).toEqual([]);
      }
    });
    room.must('host', { type: 'session.end' });
    for (const p of room.participants) expect(findSecrets(participantView(room.state, p.hash), [...secrets, 'hostNotes'])).toEqual([]);
  });
});

it('host notes stay off the phones and the beamer while small groups work on a card', () => {
  const deck = withNotes(makeDeck({ cards: [voteCard('pesten'), boardCard('muur')] }));
  const room = makeRoom({ deck, participants: 6 });
  room.goto('muur');
  room.must('host', { type: 'groups.start', size: 3, cardIds: ['muur'] });
  const secrets = deck.cards.map(notesOf);
  expect(beamerGroups(room.state)?.length).toBe(2);
  expect(findSecrets(beamerView(room.state), secrets)).toEqual([]);
  for (const p of room.participants) expect(findSecrets(participantView(room.state, p.hash), secrets)).toEqual([]);
});

describe('the help a phone is told about', () => {
  const deck = (audience: Deck['audience']) =>
    makeDeck({
      audience,
      cards: [voteCard('pesten', { help: ['centrum-seksueel-geweld'] }), voteCard('online'), voteCard('thuis', { help: ['veilig-thuis', 'centrum-seksueel-geweld'] })],
    });

  it('a class of 18 or older: the 18-plus lines, with the current card’s own lines', () => {
    const room = makeRoom({ deck: deck('klas'), age: '18-plus', participants: 1 });
    expect(participantView(room.state, room.participants[0]!.hash).help).toEqual({ audiences: ['klas-18-plus'], cardLines: ['centrum-seksueel-geweld'] });
    room.goto('online');
    expect(participantView(room.state, room.participants[0]!.hash).help.cardLines).toEqual([]);
  });

  it('a class without an age counts as mixed; a team deck is a team, whatever age was sent', () => {
    expect(participantView(makeRoom({ deck: deck('klas'), participants: 1 }).state, 'x').help.audiences).toEqual(['klas-onder-18', 'klas-18-plus']);
    expect(participantView(makeRoom({ deck: deck('team'), participants: 1 }).state, 'x').help.audiences).toEqual(['team']);
  });

  it('after the end: the lines of every card in play, each once', () => {
    const room = makeRoom({ deck: deck('klas'), age: 'onder-18', participants: 1 });
    room.must('host', { type: 'session.end' });
    room.seal();
    expect(participantView(room.state, 'late-phone').help).toEqual({
      audiences: ['klas-onder-18'],
      cardLines: ['centrum-seksueel-geweld', 'veilig-thuis'],
    });
  });
});
