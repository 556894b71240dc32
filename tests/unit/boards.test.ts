// Post-it boards: writing, changing and withdrawing post-its, the caps, moderation, arranging the
// wall, and publishing to the beamer in batches that never reorder what is already shown.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@protocol';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import { decidePublish } from '../../session-server/src/boards/decide-board.ts';
import { boardCard, columnsBoard, makeDeck, makeRoom, voteCard } from '../support/room-fixture.ts';

/** A team room on the free wall ('muur'), unmoderated, with `n` participants. */
function onWall(n = 6, minGroupSize = 3) {
  const room = makeRoom({ participants: n, minGroupSize });
  room.goto('muur');
  return room;
}

function add(room: ReturnType<typeof makeRoom>, who: number, text: string, cardId = 'muur', columnId?: string | null) {
  return room.must(who, { type: 'postIt.add', cardId, text, ...(columnId === undefined ? {} : { columnId }) }).data!.postItId!;
}

const mine = (room: ReturnType<typeof makeRoom>, who: number) => participantView(room.state, room.participants[who]!.hash).board!.mine;
const wallTexts = (room: ReturnType<typeof makeRoom>) => beamerView(room.state).board!.postIts.map((p) => p.text);
const hostPostIt = (room: ReturnType<typeof makeRoom>, id: string) => hostView(room.state).board!.postIts.find((p) => p.id === id);

describe('writing post-its', () => {
  it('a post-it on the free wall needs no column', () => {
    const room = onWall();
    add(room, 0, 'Meer toezicht');
    expect(mine(room, 0)).toEqual([{ id: expect.any(String), text: 'Meer toezicht', columnId: null }]);
  });

  it('a post-it on the free wall cannot name a column', () => {
    const room = onWall();
    expect(room.as(0, { type: 'postIt.add', cardId: 'muur', text: 'Hoi', columnId: 'goed' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(mine(room, 0)).toEqual([]);
  });

  it('a post-it on a board with columns must name one of its columns', () => {
    const room = makeRoom({ participants: 2 });
    room.goto('kolommen');
    expect(room.as(0, { type: 'postIt.add', cardId: 'kolommen', text: 'Hoi' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.as(0, { type: 'postIt.add', cardId: 'kolommen', text: 'Hoi', columnId: 'bestaat-niet' })).toMatchObject({ ok: false, error: 'invalid' });
    add(room, 0, 'Fijne mentor', 'kolommen', 'goed');
    expect(mine(room, 0)).toEqual([{ id: expect.any(String), text: 'Fijne mentor', columnId: 'goed' }]);
  });

  it('the text is stored normalised', () => {
    const room = onWall();
    add(room, 0, '  Meer\u200B   toezicht\u202E \n\n\n\n in de kantine  ');
    expect(mine(room, 0)[0]?.text).toBe('Meer toezicht\n\nin de kantine');
  });

  it('an empty post-it (after normalisation) is refused', () => {
    const room = onWall();
    expect(room.as(0, { type: 'postIt.add', cardId: 'muur', text: ' \u200B\u200E \n ' })).toMatchObject({ ok: false, error: 'invalid' });
  });

  it(`a post-it may be ${LIMITS.postItChars} characters long, counted as a person counts them`, () => {
    const room = onWall();
    expect(room.as(0, { type: 'postIt.add', cardId: 'muur', text: 'a'.repeat(LIMITS.postItChars) }).ok).toBe(true);
    expect(room.as(1, { type: 'postIt.add', cardId: 'muur', text: 'a'.repeat(LIMITS.postItChars + 1) })).toMatchObject({ ok: false, error: 'limit' });
    // A family emoji is five code points but one character.
    expect(room.as(2, { type: 'postIt.add', cardId: 'muur', text: '👩‍👩‍👧'.repeat(LIMITS.postItChars) }).ok).toBe(true);
    // Invisible characters do not count: they are removed first.
    expect(room.as(3, { type: 'postIt.add', cardId: 'muur', text: 'b\u200B'.repeat(LIMITS.postItChars) }).ok).toBe(true);
  });

  it(`a participant can put at most ${LIMITS.postItsPerParticipantPerCard} post-its on one card`, () => {
    const room = onWall();
    for (let i = 0; i < LIMITS.postItsPerParticipantPerCard; i++) add(room, 0, `Idee ${i}`);
    expect(room.as(0, { type: 'postIt.add', cardId: 'muur', text: 'Nog een' })).toMatchObject({ ok: false, error: 'limit' });
    expect(mine(room, 0)).toHaveLength(LIMITS.postItsPerParticipantPerCard);
    // Someone else still can.
    expect(room.as(1, { type: 'postIt.add', cardId: 'muur', text: 'Nog een' }).ok).toBe(true);
  });

  function fullBoard() {
    const writers = LIMITS.postItsPerCard / LIMITS.postItsPerParticipantPerCard;
    const room = onWall(writers + 1);
    const ids: string[] = [];
    for (let w = 0; w < writers; w++) for (let i = 0; i < LIMITS.postItsPerParticipantPerCard; i++) ids.push(add(room, w, `Idee ${w}-${i}`));
    return { room, ids, latecomer: writers };
  }

  it(`a board holds at most ${LIMITS.postItsPerCard} post-its`, () => {
    const { room, latecomer } = fullBoard();
    expect(room.as(latecomer, { type: 'postIt.add', cardId: 'muur', text: 'Vol?' })).toMatchObject({ ok: false, error: 'limit' });
    expect(hostView(room.state).board!.postIts).toHaveLength(LIMITS.postItsPerCard);
  });

  it('hidden post-its do not count toward the board’s cap, so hiding spam makes room', () => {
    const { room, ids, latecomer } = fullBoard();
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: ids[0]! });
    expect(room.as(latecomer, { type: 'postIt.add', cardId: 'muur', text: 'Er is weer plek' }).ok).toBe(true);
    expect(room.as(latecomer, { type: 'postIt.add', cardId: 'muur', text: 'Nu weer vol' })).toMatchObject({ ok: false, error: 'limit' });
  });

  it('nobody can write on a card that is not shown', () => {
    const room = onWall();
    room.goto('pesten');
    expect(room.as(0, { type: 'postIt.add', cardId: 'muur', text: 'Te laat' })).toMatchObject({ ok: false, error: 'conflict' });
  });

  it('nobody can write on a card without a board', () => {
    const room = makeRoom({ participants: 1 });
    room.goto('pesten');
    expect(room.as(0, { type: 'postIt.add', cardId: 'pesten', text: 'Hoi' })).toMatchObject({ ok: false, error: 'invalid' });
  });
});

describe('changing and withdrawing', () => {
  it('a participant can edit their own post-it', () => {
    const room = onWall();
    const id = add(room, 0, 'Meer toezicht');
    room.must(0, { type: 'postIt.edit', cardId: 'muur', postItId: id, text: 'Meer toezicht op het plein' });
    expect(mine(room, 0)).toEqual([{ id, text: 'Meer toezicht op het plein', columnId: null }]);
  });

  it('an edited post-it keeps its place on the wall and shows its new text', () => {
    const room = onWall(3);
    const ids = [add(room, 0, 'Een'), add(room, 1, 'Twee'), add(room, 2, 'Drie')];
    room.publish();
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    const before = beamerView(room.state).board!.postIts.map((p) => p.id);
    room.must(1, { type: 'postIt.edit', cardId: 'muur', postItId: ids[1]!, text: 'Twee, anders' });
    // Moving it to the end would tell the room that its writer just touched it.
    expect(beamerView(room.state).board!.postIts.map((p) => p.id)).toEqual(before);
    expect(wallTexts(room)).toContain('Twee, anders');
    expect(wallTexts(room)).not.toContain('Twee');
    expect(room.publish()).toEqual([]);
  });

  it('a participant can withdraw their own post-it, and it is gone for everyone', () => {
    const room = onWall(3);
    const id = add(room, 0, 'Toch niet');
    add(room, 1, 'Blijft');
    add(room, 2, 'Blijft ook');
    room.publish();
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    room.must(0, { type: 'postIt.withdraw', cardId: 'muur', postItId: id });
    expect(mine(room, 0)).toEqual([]);
    expect(wallTexts(room)).not.toContain('Toch niet');
    expect(hostPostIt(room, id)).toBeUndefined();
  });

  it('someone who withdrew all their post-its no longer counts toward the minimum group size', () => {
    const room = onWall(3);
    const ids = [add(room, 0, 'Een'), add(room, 1, 'Twee'), add(room, 2, 'Drie')];
    room.publish();
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    expect(wallTexts(room)).toHaveLength(3);
    room.must(2, { type: 'postIt.withdraw', cardId: 'muur', postItId: ids[2]! });
    // Two writers left, below the minimum of three: the wall empties instead of pointing at them.
    expect(wallTexts(room)).toEqual([]);
    expect(beamerView(room.state).board?.tooFew).toBe(true);
  });

  it('a participant cannot edit or withdraw someone else’s post-it', () => {
    const room = onWall();
    const id = add(room, 0, 'Van mij');
    expect(room.as(1, { type: 'postIt.withdraw', cardId: 'muur', postItId: id })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.as(1, { type: 'postIt.edit', cardId: 'muur', postItId: id, text: 'Van jou' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(mine(room, 0)).toEqual([{ id, text: 'Van mij', columnId: null }]);
  });

  it('the host cannot edit or withdraw a post-it either', () => {
    const room = onWall();
    const id = add(room, 0, 'Van mij');
    expect(room.host({ type: 'postIt.withdraw', cardId: 'muur', postItId: id })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.host({ type: 'postIt.edit', cardId: 'muur', postItId: id, text: 'Anders' })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('changing a post-it that does not exist is refused as not found', () => {
    const room = onWall();
    expect(room.as(0, { type: 'postIt.withdraw', cardId: 'muur', postItId: 'nope' })).toMatchObject({ ok: false, error: 'not-found' });
  });

  it('a closed board refuses new, edited and withdrawn post-its', () => {
    const room = onWall();
    const id = add(room, 0, 'Op tijd');
    room.must('host', { type: 'board.close', cardId: 'muur' });
    expect(room.as(1, { type: 'postIt.add', cardId: 'muur', text: 'Te laat' })).toMatchObject({ ok: false, error: 'closed' });
    expect(room.as(0, { type: 'postIt.edit', cardId: 'muur', postItId: id, text: 'Anders' })).toMatchObject({ ok: false, error: 'closed' });
    expect(room.as(0, { type: 'postIt.withdraw', cardId: 'muur', postItId: id })).toMatchObject({ ok: false, error: 'closed' });
    expect(participantView(room.state, room.participants[0]!.hash).board).toEqual({ open: false, moderated: false, mine: [{ id, text: 'Op tijd', columnId: null }], proposals: null });
    room.must('host', { type: 'board.open', cardId: 'muur' });
    expect(room.as(1, { type: 'postIt.add', cardId: 'muur', text: 'Weer open' }).ok).toBe(true);
  });
});

describe('moderation', () => {
  const classDeck = () => makeDeck({ audience: 'klas', cards: [boardCard('muur'), voteCard('pesten')] });

  it('on a class deck a new post-it waits for the host’s approval', () => {
    const room = makeRoom({ deck: classDeck(), participants: 3, minGroupSize: 3 });
    const ids = [add(room, 0, 'Een'), add(room, 1, 'Twee'), add(room, 2, 'Drie')];
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    expect(room.publish()).toEqual([]);
    expect(beamerView(room.state).board).toMatchObject({ postIts: [], waiting: 3 });
    expect(hostView(room.state).board).toMatchObject({ moderation: true });
    expect(hostPostIt(room, ids[0]!)?.status).toBe('pending');

    room.must('host', { type: 'postIt.approve', cardId: 'muur', postItIds: [ids[0]!, ids[2]!] });
    room.publish();
    expect(wallTexts(room).sort()).toEqual(['Drie', 'Een']);
    expect(beamerView(room.state).board?.waiting).toBe(1);
  });

  it('on a team deck a post-it goes to the wall without approval', () => {
    const room = onWall(3);
    const id = add(room, 0, 'Direct');
    expect(hostPostIt(room, id)?.status).toBe('approved');
    expect(hostView(room.state).board?.moderation).toBe(false);
  });

  it('a deck can turn moderation on for one board', () => {
    const deck = makeDeck({ audience: 'team', cards: [boardCard('muur', { moderation: true })] });
    const room = makeRoom({ deck, participants: 1 });
    expect(hostPostIt(room, add(room, 0, 'Wacht'))?.status).toBe('pending');
  });

  it('a class deck can turn moderation off for one board', () => {
    const deck = makeDeck({ audience: 'klas', cards: [boardCard('muur', { moderation: false })] });
    const room = makeRoom({ deck, participants: 1 });
    expect(hostPostIt(room, add(room, 0, 'Direct'))?.status).toBe('approved');
  });

  it('an edit on a moderated board waits for approval again, then returns to its old place', () => {
    const room = makeRoom({ deck: classDeck(), participants: 3, minGroupSize: 3 });
    const ids = [add(room, 0, 'Een'), add(room, 1, 'Twee'), add(room, 2, 'Drie')];
    room.must('host', { type: 'postIt.approve', cardId: 'muur', postItIds: ids });
    room.publish();
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    const before = beamerView(room.state).board!.postIts.map((p) => p.id);
    room.must(0, { type: 'postIt.edit', cardId: 'muur', postItId: ids[0]!, text: 'Een, iets anders gezegd' });
    expect(hostPostIt(room, ids[0]!)?.status).toBe('pending');
    expect(wallTexts(room)).not.toContain('Een');
    expect(wallTexts(room)).not.toContain('Een, iets anders gezegd');
    room.must('host', { type: 'postIt.approve', cardId: 'muur', postItIds: [ids[0]!] });
    expect(beamerView(room.state).board!.postIts.map((p) => p.id)).toEqual(before);
    expect(wallTexts(room)).toContain('Een, iets anders gezegd');
  });

  it('on an open board a post-it that may name or reach someone waits for the host', () => {
    const room = onWall(3);
    const id = add(room, 0, 'Bel me op 06-12345678');
    expect(hostPostIt(room, id)).toMatchObject({ status: 'pending', flags: ['phone'] });
    room.publish();
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    expect(wallTexts(room)).toEqual([]);
    expect(beamerView(room.state).board?.waiting).toBe(1);
  });

  it('on an open board an edit that adds a phone number takes the post-it off the wall until the host looks', () => {
    const room = onWall(3);
    const ids = [add(room, 0, 'Een'), add(room, 1, 'Twee'), add(room, 2, 'Drie')];
    room.publish();
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    room.must(0, { type: 'postIt.edit', cardId: 'muur', postItId: ids[0]!, text: 'Bel me op 06-12345678' });
    expect(hostPostIt(room, ids[0]!)?.status).toBe('pending');
    expect(wallTexts(room).sort()).toEqual(['Drie', 'Twee']);
  });

  it('approving all lets every waiting post-it through except the flagged ones', () => {
    const room = makeRoom({ deck: classDeck(), participants: 3, minGroupSize: 3 });
    const plain = [add(room, 0, 'Een'), add(room, 1, 'Twee')];
    const flagged = add(room, 2, 'Bel me op 06-12345678');
    expect(room.must('host', { type: 'postIt.approveAll', cardId: 'muur' }).events).toEqual([
      { type: 'postItsApproved', cardId: 'muur', postItIds: [...plain].sort() },
    ]);
    for (const id of plain) expect(hostPostIt(room, id)?.status).toBe('approved');
    expect(hostPostIt(room, flagged)?.status).toBe('pending');
    // With nothing plain left waiting it records nothing; the flagged one still needs its own look.
    expect(room.host({ type: 'postIt.approveAll', cardId: 'muur' })).toMatchObject({ ok: true, events: [] });
    room.must('host', { type: 'postIt.approve', cardId: 'muur', postItIds: [flagged] });
    expect(hostPostIt(room, flagged)?.status).toBe('approved');
  });

  it('approving all leaves hidden post-its hidden', () => {
    const room = makeRoom({ deck: classDeck(), participants: 2, minGroupSize: 3 });
    const hidden = add(room, 0, 'Een');
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: hidden });
    add(room, 1, 'Twee');
    room.must('host', { type: 'postIt.approveAll', cardId: 'muur' });
    expect(hostPostIt(room, hidden)?.status).toBe('hidden');
  });

  it('approving an unknown post-it is refused', () => {
    const room = makeRoom({ deck: classDeck(), participants: 1 });
    const id = add(room, 0, 'Een');
    expect(room.host({ type: 'postIt.approve', cardId: 'muur', postItIds: [id, 'unknown1'] })).toMatchObject({ ok: false, error: 'not-found' });
    expect(hostPostIt(room, id)?.status).toBe('pending');
  });

  it('a participant cannot approve post-its', () => {
    const room = makeRoom({ deck: classDeck(), participants: 1 });
    const id = add(room, 0, 'Een');
    expect(room.as(0, { type: 'postIt.approve', cardId: 'muur', postItIds: [id] })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('the host flags a post-it that may name someone', () => {
    const room = onWall();
    const id = add(room, 0, 'Meneer Jansen kijkt weg');
    expect(hostPostIt(room, id)?.flags).toContain('name');
    expect(beamerView(room.state).board?.postIts.every((p) => !('flags' in p))).toBe(true);
  });
});

describe('arranging the wall', () => {
  function revealedWall() {
    const room = onWall(4);
    const ids = ['Een', 'Twee', 'Drie', 'Vier'].map((text, i) => add(room, i, text));
    room.publish();
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    return { room, ids: ids as [string, string, string, string] };
  }

  it('a hidden post-it leaves the beamer; unhiding puts it back in its old place', () => {
    const { room, ids } = revealedWall();
    const before = wallTexts(room);
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: ids[1] });
    expect(wallTexts(room)).toEqual(before.filter((t) => t !== 'Twee'));
    expect(hostPostIt(room, ids[1])?.status).toBe('hidden');
    expect(room.publish()).toEqual([]);
    expect(wallTexts(room)).not.toContain('Twee');
    room.must('host', { type: 'postIt.unhide', cardId: 'muur', postItId: ids[1] });
    expect(wallTexts(room)).toEqual(before);
  });

  it('the author cannot bring a hidden post-it back to the wall by editing it', () => {
    const { room, ids } = revealedWall();
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: ids[3] });
    room.must(3, { type: 'postIt.edit', cardId: 'muur', postItId: ids[3], text: 'Vier, net iets anders' });
    room.publish();
    expect(wallTexts(room)).toEqual(expect.not.arrayContaining(['Vier', 'Vier, net iets anders']));
    expect(hostPostIt(room, ids[3])).toMatchObject({ status: 'hidden', text: 'Vier, net iets anders' });
    // The author still sees their own text.
    expect(mine(room, 3)).toEqual([{ id: ids[3], text: 'Vier, net iets anders', columnId: null }]);
  });

  it('hiding a hidden post-it changes nothing', () => {
    const { room, ids } = revealedWall();
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: ids[0] });
    expect(room.host({ type: 'postIt.hide', cardId: 'muur', postItId: ids[0] })).toMatchObject({ ok: true, events: [] });
    expect(room.host({ type: 'postIt.unhide', cardId: 'muur', postItId: ids[2] })).toMatchObject({ ok: true, events: [] });
  });

  it('the host highlights a post-it on the beamer and can take it back', () => {
    const { room, ids } = revealedWall();
    room.must('host', { type: 'postIt.highlight', cardId: 'muur', postItId: ids[2], highlighted: true });
    expect(beamerView(room.state).board?.postIts.find((p) => p.id === ids[2])?.highlighted).toBe(true);
    room.must('host', { type: 'postIt.highlight', cardId: 'muur', postItId: ids[2], highlighted: false });
    expect(beamerView(room.state).board?.postIts.every((p) => !p.highlighted)).toBe(true);
  });

  it('merging a duplicate shows one post-it that counts for two', () => {
    const { room, ids } = revealedWall();
    room.must('host', { type: 'postIt.merge', cardId: 'muur', postItId: ids[1], intoId: ids[0] });
    const wall = beamerView(room.state).board!.postIts;
    expect(wall.map((p) => p.id)).not.toContain(ids[1]);
    expect(wall.find((p) => p.id === ids[0])?.weight).toBe(2);
    expect(hostView(room.state).board!.postIts.map((p) => p.id)).not.toContain(ids[1]);
  });

  it('merging a post-it that has duplicates moves them along, so no chain is left', () => {
    const { room, ids } = revealedWall();
    room.must('host', { type: 'postIt.merge', cardId: 'muur', postItId: ids[2], intoId: ids[1] });
    room.must('host', { type: 'postIt.merge', cardId: 'muur', postItId: ids[1], intoId: ids[0] });
    expect(room.state.boards.muur!.postIts[ids[2]]?.mergedInto).toBe(ids[0]);
    expect(beamerView(room.state).board!.postIts.find((p) => p.id === ids[0])?.weight).toBe(3);
    expect(beamerView(room.state).board!.postIts.map((p) => p.id)).toEqual([ids[0], ids[3]].sort());
  });

  it('a post-it cannot be merged into itself or into one that was merged away', () => {
    const { room, ids } = revealedWall();
    expect(room.host({ type: 'postIt.merge', cardId: 'muur', postItId: ids[0], intoId: ids[0] })).toMatchObject({ ok: false, error: 'invalid' });
    room.must('host', { type: 'postIt.merge', cardId: 'muur', postItId: ids[1], intoId: ids[0] });
    expect(room.host({ type: 'postIt.merge', cardId: 'muur', postItId: ids[2], intoId: ids[1] })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.host({ type: 'postIt.merge', cardId: 'muur', postItId: ids[2], intoId: 'unknown1' })).toMatchObject({ ok: false, error: 'not-found' });
  });

  it('a merged duplicate keeps its slot: when its target is withdrawn it comes back where it was', () => {
    const { room, ids } = revealedWall();
    const before = beamerView(room.state).board!.postIts.map((p) => p.id);
    room.must('host', { type: 'postIt.merge', cardId: 'muur', postItId: ids[2], intoId: ids[0] });
    room.must(0, { type: 'postIt.withdraw', cardId: 'muur', postItId: ids[0] });
    expect(beamerView(room.state).board!.postIts.map((p) => p.id)).toEqual(before.filter((id) => id !== ids[0]));
  });

  it('withdrawing a post-it that others were merged into brings them back', () => {
    const { room, ids } = revealedWall();
    room.must('host', { type: 'postIt.merge', cardId: 'muur', postItId: ids[1], intoId: ids[0] });
    room.must(0, { type: 'postIt.withdraw', cardId: 'muur', postItId: ids[0] });
    room.publish();
    expect(wallTexts(room).sort()).toEqual(['Drie', 'Twee', 'Vier']);
  });

  it('the host moves a post-it to another column', () => {
    const room = makeRoom({ participants: 1 });
    room.goto('kolommen');
    const id = add(room, 0, 'Fijne mentor', 'kolommen', 'beter');
    room.must('host', { type: 'postIt.move', cardId: 'kolommen', postItId: id, columnId: 'goed' });
    expect(hostPostIt(room, id)?.columnId).toBe('goed');
    expect(room.host({ type: 'postIt.move', cardId: 'kolommen', postItId: id, columnId: 'nergens' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.host({ type: 'postIt.move', cardId: 'kolommen', postItId: id, columnId: null })).toMatchObject({ ok: false, error: 'invalid' });
    expect(hostPostIt(room, id)?.columnId).toBe('goed');
  });

  it('a post-it on the free wall cannot be moved into a column', () => {
    const { room, ids } = revealedWall();
    expect(room.host({ type: 'postIt.move', cardId: 'muur', postItId: ids[0], columnId: 'goed' })).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('the host groups post-its in named clusters, renames and removes them', () => {
    const { room, ids } = revealedWall();
    const clusterId = room.must('host', { type: 'cluster.create', cardId: 'muur', name: '  Toezicht  ' }).data!.clusterId!;
    room.must('host', { type: 'postIt.move', cardId: 'muur', postItId: ids[0], clusterId });
    room.must('host', { type: 'postIt.move', cardId: 'muur', postItId: ids[1], clusterId });
    expect(beamerView(room.state).board?.clusters).toEqual([{ id: clusterId, name: 'Toezicht' }]);
    expect(beamerView(room.state).board?.postIts.filter((p) => p.clusterId === clusterId)).toHaveLength(2);

    room.must('host', { type: 'cluster.rename', cardId: 'muur', clusterId, name: 'Toezicht en\nveiligheid' });
    expect(beamerView(room.state).board?.clusters).toEqual([{ id: clusterId, name: 'Toezicht en veiligheid' }]);

    room.must('host', { type: 'cluster.remove', cardId: 'muur', clusterId });
    expect(beamerView(room.state).board?.clusters).toEqual([]);
    expect(beamerView(room.state).board?.postIts.every((p) => p.clusterId === null)).toBe(true);
    expect(wallTexts(room)).toHaveLength(4);
  });

  it('clusters refuse unknown ids, empty and overlong names, and more than the cap', () => {
    const { room, ids } = revealedWall();
    expect(room.host({ type: 'postIt.move', cardId: 'muur', postItId: ids[0], clusterId: 'unknown1' })).toMatchObject({ ok: false, error: 'not-found' });
    expect(room.host({ type: 'cluster.rename', cardId: 'muur', clusterId: 'unknown1', name: 'x' })).toMatchObject({ ok: false, error: 'not-found' });
    expect(room.host({ type: 'cluster.remove', cardId: 'muur', clusterId: 'unknown1' })).toMatchObject({ ok: false, error: 'not-found' });
    expect(room.host({ type: 'cluster.create', cardId: 'muur', name: ' \u200B ' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.host({ type: 'cluster.create', cardId: 'muur', name: 'x'.repeat(LIMITS.clusterNameChars + 1) })).toMatchObject({ ok: false, error: 'limit' });
    for (let i = 0; i < LIMITS.clustersPerCard; i++) room.must('host', { type: 'cluster.create', cardId: 'muur', name: `Groep ${i}` });
    expect(room.host({ type: 'cluster.create', cardId: 'muur', name: 'Eén te veel' })).toMatchObject({ ok: false, error: 'limit' });
  });

  it('two groups cannot share a name, whatever the capitals', () => {
    const { room } = revealedWall();
    const pesten = room.must('host', { type: 'cluster.create', cardId: 'muur', name: 'Pesten' }).data!.clusterId!;
    expect(room.host({ type: 'cluster.create', cardId: 'muur', name: 'pesten ' })).toMatchObject({ ok: false, error: 'conflict' });
    const stage = room.must('host', { type: 'cluster.create', cardId: 'muur', name: 'Stage' }).data!.clusterId!;
    expect(room.host({ type: 'cluster.rename', cardId: 'muur', clusterId: stage, name: 'PESTEN' })).toMatchObject({ ok: false, error: 'conflict' });
    // Renaming a group to its own name in other capitals is fine.
    room.must('host', { type: 'cluster.rename', cardId: 'muur', clusterId: pesten, name: 'pesten' });
  });

  it('a duplicate can only be merged into a post-it that is approved and on its own', () => {
    const { room, ids } = revealedWall();
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: ids[0] });
    expect(room.host({ type: 'postIt.merge', cardId: 'muur', postItId: ids[1], intoId: ids[0] })).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('a participant cannot arrange the wall', () => {
    const { room, ids } = revealedWall();
    expect(room.as(0, { type: 'postIt.hide', cardId: 'muur', postItId: ids[0] })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.as(0, { type: 'postIt.merge', cardId: 'muur', postItId: ids[1], intoId: ids[0] })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.as(0, { type: 'cluster.create', cardId: 'muur', name: 'Mijn groep' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(wallTexts(room)).toHaveLength(4);
  });

  it('the host closes and hides the board', () => {
    const { room } = revealedWall();
    room.must('host', { type: 'board.hide', cardId: 'muur' });
    expect(beamerView(room.state).board).toMatchObject({ revealed: false, postIts: [] });
    expect(room.host({ type: 'board.hide', cardId: 'muur' })).toMatchObject({ ok: true, events: [] });
    room.must('host', { type: 'board.close', cardId: 'muur' });
    expect(beamerView(room.state).board?.open).toBe(false);
  });
});

describe('publishing to the wall', () => {
  it('publishes approved post-its in one batch, sorted by id', () => {
    const room = onWall(4);
    const ids = ['zeta', 'alfa', 'mike', 'beta'];
    ids.forEach((id, i) => room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Idee nummer ${i + 1}` }, [id]));
    expect(decidePublish(room.state, 3)).toEqual([{ type: 'postItsPublished', cardId: 'muur', postItIds: ['alfa', 'beta', 'mike', 'zeta'] }]);
  });

  it('holds a batch back until it has enough post-its, so a lone new one does not show its writer', () => {
    const room = onWall(4);
    ['zeta', 'alfa'].forEach((id, i) => room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Idee nummer ${i + 1}` }, [id]));
    expect(decidePublish(room.state, 3)).toEqual([]);
    room.must(2, { type: 'postIt.add', cardId: 'muur', text: 'Idee nummer 3' }, ['mike']);
    expect(decidePublish(room.state, 3)).toEqual([{ type: 'postItsPublished', cardId: 'muur', postItIds: ['alfa', 'mike', 'zeta'] }]);
  });

  it('after its random delay the server publishes a short batch too', () => {
    const room = onWall(2);
    room.must(0, { type: 'postIt.add', cardId: 'muur', text: 'Alleen ik' }, ['solo']);
    expect(decidePublish(room.state, 3)).toEqual([]);
    expect(decidePublish(room.state, 1)).toEqual([{ type: 'postItsPublished', cardId: 'muur', postItIds: ['solo'] }]);
  });

  it('never reorders what is already on the wall: a later batch goes after it', () => {
    const room = onWall(5);
    ['zeta', 'mike'].forEach((id, i) => room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Idee nummer ${i + 1}` }, [id]));
    room.publish();
    ['alfa', 'yank'].forEach((id, i) => room.must(i + 2, { type: 'postIt.add', cardId: 'muur', text: `Idee nummer ${i + 1}` }, [id]));
    room.publish();
    room.must('host', { type: 'board.reveal', cardId: 'muur' });
    expect(beamerView(room.state).board!.postIts.map((p) => p.id)).toEqual(['mike', 'zeta', 'alfa', 'yank']);
    expect(room.publish()).toEqual([]);
  });

  it('leaves pending, hidden and merged post-its off the wall', () => {
    const deck = makeDeck({ audience: 'klas', cards: [boardCard('muur')] });
    const room = makeRoom({ deck, participants: 4, minGroupSize: 3 });
    ['aaaa', 'bbbb', 'cccc', 'dddd'].forEach((id, i) => room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Idee nummer ${i + 1}` }, [id]));
    room.must('host', { type: 'postIt.approve', cardId: 'muur', postItIds: ['aaaa', 'bbbb', 'cccc'] });
    room.must('host', { type: 'postIt.hide', cardId: 'muur', postItId: 'bbbb' });
    room.must('host', { type: 'postIt.merge', cardId: 'muur', postItId: 'cccc', intoId: 'aaaa' });
    expect(decidePublish(room.state, 1)).toEqual([{ type: 'postItsPublished', cardId: 'muur', postItIds: ['aaaa'] }]);
  });

  it('publishes nothing after the session ended', () => {
    const room = onWall(1);
    add(room, 0, 'Laatste');
    room.must('host', { type: 'session.end' });
    expect(decidePublish(room.state, 1)).toEqual([]);
  });

  it('publishes per board, for every board with something new', () => {
    const deck = makeDeck({ cards: [boardCard('een'), boardCard('twee', columnsBoard())] });
    const room = makeRoom({ deck, participants: 1 });
    room.must(0, { type: 'postIt.add', cardId: 'een', text: 'Hier' }, ['p111']);
    room.goto('twee');
    room.must(0, { type: 'postIt.add', cardId: 'twee', text: 'Daar', columnId: 'goed' }, ['p222']);
    expect(decidePublish(room.state, 1)).toEqual([
      { type: 'postItsPublished', cardId: 'een', postItIds: ['p111'] },
      { type: 'postItsPublished', cardId: 'twee', postItIds: ['p222'] },
    ]);
  });
});
