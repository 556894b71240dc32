// Groups (the host's clusters) that hold: a group on a columns board keeps every post-it in the column
// its writer chose, the beamer shows the groups inside the columns, and a talk card that names an
// earlier board (showsWallOf) shows that wall with its groups, under the same rules.
import { describe, expect, it } from 'vitest';
import { Deck, type Card } from '@protocol';
import { beamerView, hostView } from '../../session-server/src/room/views.ts';
import { wallGroups } from '../../site/islands/beamer/wall-groups.ts';
import { boardCard, columnsBoard, makeDeck, makeRoom } from '../support/room-fixture.ts';

const talkCard: Card = {
  id: 'bespreken',
  kind: 'step',
  title: 'Samen bespreken',
  summary: 'We bespreken de groepjes.',
  talk: { questions: ['Speelt dit hier?'] },
  showsWallOf: 'kolommen',
};

function columnsRoom() {
  const deck = makeDeck({ cards: [boardCard('kolommen', columnsBoard(false)), talkCard] });
  const room = makeRoom({ deck, participants: 3, minGroupSize: 3 });
  room.must('host', { type: 'board.open', cardId: 'kolommen' });
  const goed = room.must(0, { type: 'postIt.add', cardId: 'kolommen', text: 'Fijne mentor', columnId: 'goed' }).data!.postItId!;
  const beter = room.must(1, { type: 'postIt.add', cardId: 'kolommen', text: 'Mentor te weinig', columnId: 'beter' }).data!.postItId!;
  const los = room.must(2, { type: 'postIt.add', cardId: 'kolommen', text: 'Kantine', columnId: 'beter' }).data!.postItId!;
  room.publish();
  const mentor = room.must('host', { type: 'cluster.create', cardId: 'kolommen', name: 'Mentor' }).data!.clusterId!;
  return { room, goed, beter, los, mentor };
}

const place = (room: ReturnType<typeof makeRoom>, id: string) => {
  const p = hostView(room.state).board!.postIts.find((x) => x.id === id)!;
  return { columnId: p.columnId, clusterId: p.clusterId };
};

describe('a group on a columns board', () => {
  it('holds post-its from several columns, and each keeps the column its writer chose', () => {
    const { room, goed, beter, mentor } = columnsRoom();
    room.must('host', { type: 'postIt.move', cardId: 'kolommen', postItId: goed, clusterId: mentor });
    room.must('host', { type: 'postIt.move', cardId: 'kolommen', postItId: beter, clusterId: mentor });
    expect(place(room, goed)).toEqual({ columnId: 'goed', clusterId: mentor });
    expect(place(room, beter)).toEqual({ columnId: 'beter', clusterId: mentor });
  });

  it('refuses a move that would group a post-it and change its column in one go', () => {
    const { room, goed, mentor } = columnsRoom();
    const refused = room.host({ type: 'postIt.move', cardId: 'kolommen', postItId: goed, columnId: 'beter', clusterId: mentor });
    expect(refused).toMatchObject({ ok: false, error: 'invalid' });
    expect(place(room, goed)).toEqual({ columnId: 'goed', clusterId: null });
  });

  it('changing the column is its own act and leaves the group as it was', () => {
    const { room, goed, mentor } = columnsRoom();
    room.must('host', { type: 'postIt.move', cardId: 'kolommen', postItId: goed, clusterId: mentor });
    room.must('host', { type: 'postIt.move', cardId: 'kolommen', postItId: goed, columnId: 'beter' });
    expect(place(room, goed)).toEqual({ columnId: 'beter', clusterId: mentor });
  });

  it('reaches the beamer inside each column it holds post-its in', () => {
    const { room, goed, beter, mentor } = columnsRoom();
    room.must('host', { type: 'postIt.move', cardId: 'kolommen', postItId: goed, clusterId: mentor });
    room.must('host', { type: 'postIt.move', cardId: 'kolommen', postItId: beter, clusterId: mentor });
    room.must('host', { type: 'board.reveal', cardId: 'kolommen' });
    const view = beamerView(room.state);
    const wall = wallGroups(view.card!, view.board!);
    expect(wall.mode).toBe('columns');
    const shape = wall.groups.map((g) => ({ column: g.title, parts: g.parts?.map((p) => [p.title, p.postIts.map((x) => x.text)]) }));
    expect(shape).toEqual([
      { column: 'Wat gaat goed?', parts: [['Mentor', ['Fijne mentor']]] },
      { column: 'Wat kan beter?', parts: [['Mentor', ['Mentor te weinig']], ['Overig', ['Kantine']]] },
    ]);
  });

  it('a columns board without groups shows plain columns, as before', () => {
    const { room } = columnsRoom();
    room.must('host', { type: 'cluster.remove', cardId: 'kolommen', clusterId: hostView(room.state).board!.clusters[0]!.id });
    room.must('host', { type: 'board.reveal', cardId: 'kolommen' });
    const view = beamerView(room.state);
    expect(wallGroups(view.card!, view.board!).groups.every((g) => g.parts === undefined)).toBe(true);
  });
});

describe('a talk card that shows an earlier wall', () => {
  it('shows nothing of the wall until that wall was revealed', () => {
    const { room } = columnsRoom();
    room.goto('bespreken');
    expect(beamerView(room.state)).toMatchObject({ board: null, wallCard: null });
  });

  it('shows the revealed wall with its groups, and names the card it belongs to', () => {
    const { room, beter, mentor } = columnsRoom();
    room.must('host', { type: 'postIt.move', cardId: 'kolommen', postItId: beter, clusterId: mentor });
    room.must('host', { type: 'board.reveal', cardId: 'kolommen' });
    room.goto('bespreken');
    const view = beamerView(room.state);
    expect(view.card?.id).toBe('bespreken');
    expect(view.wallCard?.id).toBe('kolommen');
    expect(view.board?.clusters).toEqual([{ id: mentor, name: 'Mentor' }]);
    expect(view.board?.postIts.find((p) => p.id === beter)).toMatchObject({ columnId: 'beter', clusterId: mentor });
  });

  it('keeps the minimum group size: too few writers, no wall', () => {
    const deck = makeDeck({ cards: [boardCard('kolommen', columnsBoard(false)), talkCard] });
    const room = makeRoom({ deck, participants: 2, minGroupSize: 3 });
    room.must('host', { type: 'board.open', cardId: 'kolommen' });
    room.must(0, { type: 'postIt.add', cardId: 'kolommen', text: 'Eén', columnId: 'goed' });
    room.publish();
    room.must('host', { type: 'board.reveal', cardId: 'kolommen' });
    room.goto('bespreken');
    expect(beamerView(room.state).board).toMatchObject({ tooFew: true, postIts: [], clusters: [] });
  });

  it('the deck schema refuses a showsWallOf that names no board in the deck', () => {
    const broken = makeDeck({ cards: [boardCard('kolommen', columnsBoard()), { ...talkCard, showsWallOf: 'nergens' }] });
    const result = Deck.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['cards', 1, 'showsWallOf']);
    expect(Deck.safeParse(makeDeck({ cards: [boardCard('kolommen', columnsBoard()), talkCard] })).success).toBe(true);
  });
});
