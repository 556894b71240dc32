// The beamer's join panel: large while the class joins, a small corner once the host says everyone
// is in, and large again on the host's word. Only the beamer's layout changes: phones still join.
import { describe, expect, it } from 'vitest';
import { replay } from '../../session-server/src/room/apply.ts';
import { beamerView, hostView } from '../../session-server/src/room/views.ts';
import { makeParticipant, makeRoom } from '../support/room-fixture.ts';

describe('the join panel on the beamer', () => {
  it('is large when the session starts', () => {
    const room = makeRoom();
    expect(beamerView(room.state).joinPanelOpen).toBe(true);
    expect(hostView(room.state).joinPanelOpen).toBe(true);
  });

  it('goes to a corner when the host says everyone is in, and comes back on request', () => {
    const room = makeRoom({ participants: 2 });
    expect(room.host({ type: 'join.panel', open: false })).toMatchObject({ ok: true, events: [{ type: 'joinPanelSet', open: false }] });
    expect(beamerView(room.state).joinPanelOpen).toBe(false);
    expect(hostView(room.state).joinPanelOpen).toBe(false);
    room.must('host', { type: 'join.panel', open: true });
    expect(beamerView(room.state).joinPanelOpen).toBe(true);
  });

  it('a small panel still lets new phones join', () => {
    const room = makeRoom({ participants: 1 });
    room.must('host', { type: 'join.panel', open: false });
    expect(room.joinOne(makeParticipant(50))).toMatchObject({ ok: true, events: [{ type: 'participantJoined' }] });
    expect(beamerView(room.state)).toMatchObject({ joined: 2, locked: false, joinPanelOpen: false });
  });

  it('saying it twice records nothing', () => {
    const room = makeRoom();
    expect(room.host({ type: 'join.panel', open: true })).toMatchObject({ ok: true, events: [] });
    room.must('host', { type: 'join.panel', open: false });
    expect(room.host({ type: 'join.panel', open: false })).toMatchObject({ ok: true, events: [] });
  });

  it('a phone cannot move the panel', () => {
    const room = makeRoom({ participants: 1 });
    expect(room.as(0, { type: 'join.panel', open: false })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(beamerView(room.state).joinPanelOpen).toBe(true);
  });

  it('a replay of the events rebuilds the small panel', () => {
    const room = makeRoom();
    room.must('host', { type: 'join.panel', open: false });
    expect(beamerView(replay(room.events)!).joinPanelOpen).toBe(false);
  });
});

describe('how many answered, on the beamer', () => {
  it('shows the same number the host sees, never who or what', () => {
    const room = makeRoom({ participants: 4 });
    room.goto('pesten');
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must(1, { type: 'vote.cast', cardId: 'pesten', choice: 'pas' });
    expect(beamerView(room.state).vote).toMatchObject({ responded: 2, result: { state: 'hidden' } });
    expect(beamerView(room.state).vote?.responded).toBe(hostView(room.state).vote?.responded);
  });

  it('is gone once the result is revealed, so a later answer moves nothing beside the frozen result', () => {
    const room = makeRoom({ participants: 4, minGroupSize: 3 });
    room.goto('pesten');
    for (let i = 0; i < 3; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    const before = beamerView(room.state);
    expect(before.vote?.responded).toBeNull();
    room.must(3, { type: 'vote.cast', cardId: 'pesten', choice: 'nooit' });
    expect(beamerView(room.state)).toEqual(before);
  });
});
