// The host's hand: pick the cards to play and their order before or during the session, and add a
// situation of the group's own that is shown, voted and exported like any card.
import { describe, expect, it } from 'vitest';
import { makeDeck, makeRoom, voteCard, boardCard } from '../support/room-fixture.ts';
import { createRoomEvents } from '../../session-server/src/room/create.ts';
import { replay } from '../../session-server/src/room/apply.ts';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import { exportResults } from '../../session-server/src/room/export.ts';
import { currentCard, playedCards } from '../../session-server/src/room/cards.ts';

const deck = () =>
  makeDeck({
    cards: [
      { id: 'welkom', kind: 'opening', title: 'Welkom', summary: 'Hallo.' },
      voteCard('a', { theme: 'online' }),
      voteCard('b', { theme: 'stage' }),
      voteCard('c', { theme: 'online' }),
      boardCard('muur'),
      { id: 'einde', kind: 'closing', title: 'Einde', summary: 'Dag.' },
    ],
  });

describe('choosing the cards', () => {
  it('during the session: the played list and order change, the current card stays on the screen', () => {
    const room = makeRoom({ participants: 6, deck: deck() });
    room.goto('b');
    expect(room.host({ type: 'cards.arrange', cardIds: ['welkom', 'c', 'b', 'einde'] })).toMatchObject({ ok: true });
    expect(currentCard(room.state).id).toBe('b');
    expect(room.state.cardIndex).toBe(2);
    expect(hostView(room.state).cards.map((c) => c.id)).toEqual(['welkom', 'c', 'b', 'einde']);
    expect(hostView(room.state).allCards).toHaveLength(6);
    expect(beamerView(room.state).cardCount).toBe(4);
    room.must('host', { type: 'card.goto', index: 3 });
    expect(currentCard(room.state).id).toBe('einde');
  });

  it('keeps the played list, and the host card list, the same array until the playlist changes', () => {
    const room = makeRoom({ participants: 2, deck: deck() });
    room.must('host', { type: 'cards.arrange', cardIds: ['welkom', 'a', 'b', 'einde'] });
    const cards = playedCards(room.state);
    const entries = hostView(room.state).cards;
    room.goto('a');
    room.must(0, { type: 'vote.cast', cardId: 'a', choice: 'vaak' });
    // Every command and every view asks for it: built once, and the view compares by identity.
    expect(playedCards(room.state)).toBe(cards);
    expect(hostView(room.state).cards).toBe(entries);
    room.must('host', { type: 'cards.arrange', cardIds: ['welkom', 'b', 'a', 'einde'] });
    expect(playedCards(room.state).map((c) => c.id)).toEqual(['welkom', 'b', 'a', 'einde']);
    expect(hostView(room.state).cards.map((c) => c.id)).toEqual(['welkom', 'b', 'a', 'einde']);
  });

  it('refuses a list without the current card, with a card twice or with an unknown card, and changes nothing', () => {
    const room = makeRoom({ participants: 1, deck: deck() });
    room.goto('a');
    const before = room.state;
    expect(room.host({ type: 'cards.arrange', cardIds: ['welkom', 'b'] })).toMatchObject({ ok: false, error: 'conflict' });
    expect(room.host({ type: 'cards.arrange', cardIds: ['a', 'a'] })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.host({ type: 'cards.arrange', cardIds: ['a', 'zzz'] })).toMatchObject({ ok: false, error: 'not-found' });
    expect(room.state).toBe(before);
    expect(room.as(0, { type: 'cards.arrange', cardIds: ['a'] })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('before the session: the room starts with the picked cards, the first one opened', () => {
    const events = createRoomEvents({
      code: 'ABC234',
      deckId: 't',
      deck: deck(),
      now: 0,
      minGroupSize: 5,
      playlist: ['c', 'a', 'einde'],
      contacts: { vertrouwenspersoon: {} },
    });
    const state = replay(events)!;
    expect(currentCard(state).id).toBe('c');
    expect(state.votes.c?.open).toBe(true);
    expect(hostView(state).cards.map((c) => c.id)).toEqual(['c', 'a', 'einde']);
  });
});

describe('a card of the group’s own', () => {
  it('is played right after the current card, voted, revealed and exported like any card', () => {
    const room = makeRoom({ participants: 6, deck: deck() });
    room.goto('a');
    expect(
      room.host({ type: 'card.add', title: 'Appjes na tienen', situation: 'Iemand stuurt de hele klas om half twaalf nog berichten.', scale: 'oke-twijfel-niet-oke' }),
    ).toMatchObject({ ok: true });
    expect(hostView(room.state).cards.map((c) => c.id)).toEqual(['welkom', 'a', 'eigen-1', 'b', 'c', 'muur', 'einde']);
    room.must('host', { type: 'card.goto', index: 2 });
    const card = participantView(room.state, room.participants[0]!.hash).card!;
    expect(card).toMatchObject({ kind: 'dilemma', title: 'Appjes na tienen', vote: { scale: 'oke-twijfel-niet-oke' } });
    for (let i = 0; i < 5; i++) room.must(i, { type: 'vote.cast', cardId: 'eigen-1', choice: i < 3 ? 'niet-oke' : 'twijfel' });
    room.must('host', { type: 'result.reveal', cardId: 'eigen-1' });
    expect(beamerView(room.state).vote?.result).toMatchObject({ state: 'shown', counts: { oke: 0, twijfel: 2, 'niet-oke': 3 } });
    const exported = exportResults(room.state).cards.find((c) => c.id === 'eigen-1')!;
    expect(exported).toMatchObject({ title: 'Appjes na tienen', vote: { status: 'ok', counts: { oke: 0, twijfel: 2, 'niet-oke': 3 } } });
  });

  it('its text is cleaned like a post-it and held to the phone-reading length', () => {
    const room = makeRoom({ deck: deck() });
    expect(room.host({ type: 'card.add', title: '  ', situation: 'Iets.', scale: 'eens-oneens' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.host({ type: 'card.add', title: 'Lang', situation: 'x'.repeat(241), scale: 'eens-oneens' })).toMatchObject({ ok: false, error: 'limit' });
    room.must('host', { type: 'card.add', title: 'Stil\u202Eteken', situation: 'Een\u0000 situatie.', scale: 'eens-oneens' });
    const card = room.state.extraCards![0]!;
    expect(card.title).not.toMatch(/[\u202E\u0000]/);
    expect(card.summary).not.toMatch(/[\u202E\u0000]/);
  });
});
