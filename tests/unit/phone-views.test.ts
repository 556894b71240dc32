// Views built once for all phones (room/phone-views.ts) are, phone by phone, exactly the view
// participantView builds for that phone alone: in small groups, with post-its and support, on a
// case's write step, after votes, after the end. The property test checks the same after every step
// of random sessions; these are the cases it may reach rarely.
import { describe, expect, it } from 'vitest';
import type { Card } from '@protocol';
import type { RoomState } from '../../session-server/src/room/state.ts';
import { participantView } from '../../session-server/src/room/views.ts';
import { phoneViews } from '../../session-server/src/room/phone-views.ts';
import { makeDeck, makeRoom, seededShuffle, type RoomFixture } from '../support/room-fixture.ts';

function expectSameAsAlone(room: RoomFixture) {
  const views = phoneViews(room.state);
  const seen = new Set<string>();
  for (const group of views.own) for (const p of group.participants) {
    expect(seen.has(p), 'a phone is in one view only').toBe(false);
    seen.add(p);
  }
  for (const { hash } of room.participants) {
    const shared = views.own.find((v) => v.participants.includes(hash))?.view ?? views.others;
    expect(shared).toEqual(participantView(room.state as RoomState, hash));
  }
  return views;
}

describe('views built once for all phones', () => {
  it('share one view per choice on a vote, and one for everyone who did not answer', () => {
    const room = makeRoom({ participants: 12 });
    room.goto('pesten');
    for (let i = 0; i < 9; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: (['nooit', 'soms', 'vaak'] as const)[i % 3]! });
    const views = expectSameAsAlone(room);
    expect(views.own).toHaveLength(3);
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    expectSameAsAlone(room);
  });

  it('give a phone with post-its, or support for a proposal, a view of its own', () => {
    const room = makeRoom({ participants: 6 });
    room.goto('muur');
    room.must('host', { type: 'board.open', cardId: 'muur' });
    room.must(0, { type: 'postIt.add', cardId: 'muur', text: 'Meer toezicht' });
    room.must(1, { type: 'postIt.add', cardId: 'muur', text: 'Betere verlichting' });
    const views = expectSameAsAlone(room);
    expect(views.own.map((v) => v.participants)).toEqual(expect.arrayContaining([[room.participants[0]!.hash], [room.participants[1]!.hash]]));
  });

  it('build every phone its own view in small groups and on a case typed on a phone', () => {
    const grouped = makeRoom({ participants: 9, minGroupSize: 5, deck: makeDeck({ audience: 'team' }), shuffle: seededShuffle(1) });
    grouped.goto('muur');
    grouped.must('host', { type: 'groups.start', size: 3, cardIds: ['muur'] });
    expect(expectSameAsAlone(grouped).own).toHaveLength(9);

    const write: Card = { id: 'casus', kind: 'step', title: 'Casus', summary: 'De inbrenger vertelt.', step: { minutes: 10, does: 'Vertel.', case: 'write' } };
    const meeting = makeRoom({ participants: 4, deck: makeDeck({ cards: [write, { id: 'einde', kind: 'closing', title: 'Einde', summary: 'Dank.' }] }) });
    expectSameAsAlone(meeting);
  });

  it('after the end everyone gets the same closing view', () => {
    const room = makeRoom({ participants: 4 });
    room.goto('pesten');
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must('host', { type: 'session.end' });
    expect(phoneViews(room.state).own).toEqual([]);
  });
});
