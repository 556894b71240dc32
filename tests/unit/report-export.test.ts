// What the printed report may leave out: a board nobody wrote on and a vote never opened. "Nobody
// wrote" is said only where it cannot mark a moment: a board never opened, or after the end.
import { describe, expect, it } from 'vitest';
import { TOO_FEW } from '@protocol';
import { anonymise } from '../../session-server/src/room/apply.ts';
import { exportResults } from '../../session-server/src/room/export.ts';
import { makeRoom } from '../support/room-fixture.ts';

const board = (room: ReturnType<typeof makeRoom>, id: string) => exportResults(room.state).cards.find((c) => c.id === id)!.board!;
const vote = (room: ReturnType<typeof makeRoom>, id: string) => exportResults(room.state).cards.find((c) => c.id === id)!.vote!;

describe('the export says which cards nobody answered', () => {
  it('a board never opened and a vote never opened: nobody wrote, nobody answered', () => {
    const room = makeRoom({ participants: 3, minGroupSize: 3 });
    expect(board(room, 'muur').nobodyWrote).toBe(true);
    expect(vote(room, 'online').nobodyAnswered).toBe(true);
  });

  it('an open board in a live session never says nobody wrote, so its flip cannot mark the first writer', () => {
    const room = makeRoom({ participants: 3, minGroupSize: 3 });
    room.goto('muur');
    expect(board(room, 'muur').nobodyWrote).toBe(false);
    room.must(0, { type: 'postIt.add', cardId: 'muur', text: 'Eén idee' });
    expect(board(room, 'muur').nobodyWrote).toBe(false);
  });

  it('after the end: an opened board without post-its says nobody wrote; one with too few writers says too few', () => {
    const room = makeRoom({ participants: 3, minGroupSize: 3 });
    room.goto('muur');
    room.goto('kolommen');
    room.must(0, { type: 'postIt.add', cardId: 'kolommen', text: 'Eén idee', columnId: 'goed' });
    room.publish();
    room.must('host', { type: 'session.end' });
    room.state = anonymise(room.state);
    expect(board(room, 'muur')).toMatchObject({ status: TOO_FEW, nobodyWrote: true, postIts: [] });
    expect(board(room, 'kolommen')).toMatchObject({ status: TOO_FEW, nobodyWrote: false, postIts: [] });
  });

  it('a vote that was opened is never left out, even with too few answers', () => {
    const room = makeRoom({ participants: 3, minGroupSize: 3 });
    room.goto('pesten');
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' });
    expect(vote(room, 'pesten').nobodyAnswered).toBe(false);
  });
});
