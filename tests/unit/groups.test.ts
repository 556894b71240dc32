// Small groups (issue 9): the host splits the room into groups of 3-5 at random; each group writes
// on its own card and board; the beamer shows the groups side by side under the minimum group size;
// the host brings everyone back to one card. All through the pure model.
import { describe, expect, it } from 'vitest';
import { BeamerView, HostView, ParticipantView, ResultsExport } from '@protocol';
import { anonymise } from '../../session-server/src/room/apply.ts';
import { decide } from '../../session-server/src/room/decide.ts';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import { exportResults, resultsToCsv } from '../../session-server/src/room/export.ts';
import { groupBoardKey, groupCount, groupSizes } from '../../session-server/src/room/groups.ts';
import { findSecrets, makeDeck, makeParticipant, makeRoom, seededShuffle, type RoomFixture } from '../support/room-fixture.ts';

/** A room of `n` phones on the board card "muur", split into groups of `size`. */
function groupedRoom(n: number, size: 3 | 4 | 5, options: { cardIds?: string[]; minGroupSize?: number; audience?: 'klas' | 'team'; seed?: number } = {}) {
  const room = makeRoom({
    participants: n,
    minGroupSize: options.minGroupSize ?? 5,
    deck: makeDeck({ audience: options.audience ?? 'team' }),
    shuffle: seededShuffle(options.seed ?? 1),
  });
  room.goto('muur');
  room.must('host', { type: 'groups.start', size, cardIds: options.cardIds ?? ['muur'] });
  return room;
}

const groupOfPhone = (room: RoomFixture, i: number) => room.state.groups!.members[room.participants[i]!.hash]!;
/** The index of the first phone in group `g`, and of the others. */
const phonesIn = (room: RoomFixture, g: number) => room.participants.map((_, i) => i).filter((i) => groupOfPhone(room, i) === g);

describe('forming groups', () => {
  it.each([3, 4, 5] as const)('with size %i, every group has 3 to 5 people for 3 to 40 people, and everyone is in one', (size) => {
    for (let n = 3; n <= 40; n++) {
      const room = groupedRoom(n, size);
      const sizes = groupSizes(room.state.groups!);
      expect(sizes.length, `n=${n}`).toBe(groupCount(n, size));
      expect(sizes.reduce((a, b) => a + b, 0), `n=${n}`).toBe(n);
      for (const s of sizes) expect(s, `n=${n}, sizes ${sizes.join('+')}`).toBeGreaterThanOrEqual(3);
      for (const s of sizes) expect(s, `n=${n}, sizes ${sizes.join('+')}`).toBeLessThanOrEqual(5);
      expect(Math.max(...sizes) - Math.min(...sizes), `n=${n}`).toBeLessThanOrEqual(1);
    }
  });

  it('makes groups as close to the chosen size as can be: 7 people in fours are 4 + 3, 12 in fours are three groups', () => {
    expect(groupSizes(groupedRoom(7, 4).state.groups!).sort()).toEqual([3, 4]);
    expect(groupSizes(groupedRoom(12, 4).state.groups!)).toEqual([4, 4, 4]);
    expect(groupSizes(groupedRoom(11, 3).state.groups!).sort()).toEqual([3, 4, 4]);
  });

  it('puts fewer than 3 people in one group, and refuses when nobody joined', () => {
    expect(groupSizes(groupedRoom(2, 4).state.groups!)).toEqual([2]);
    const empty = makeRoom();
    empty.goto('muur');
    expect(empty.host({ type: 'groups.start', size: 4, cardIds: ['muur'] })).toMatchObject({ ok: false, error: 'conflict' });
  });

  it('is the same with the same seed, whatever order people joined in, and differs with another seed', () => {
    const members = (room: RoomFixture) => Object.fromEntries(room.participants.map((p) => [p.token, room.state.groups!.members[p.hash]]));
    const a = groupedRoom(20, 4, { seed: 3 });
    const reversed = makeRoom({ deck: makeDeck(), shuffle: seededShuffle(3) });
    for (let i = 19; i >= 0; i--) reversed.joinOne(makeParticipant(i));
    reversed.goto('muur');
    reversed.must('host', { type: 'groups.start', size: 4, cardIds: ['muur'] });
    expect(members(reversed)).toEqual(members(a));
    expect(members(groupedRoom(20, 4, { seed: 3 }))).toEqual(members(a));
    expect(members(groupedRoom(20, 4, { seed: 4 }))).not.toEqual(members(a));
  });

  it('needs randomness from the caller: without a shuffle the model refuses to group', () => {
    const room = makeRoom({ participants: 6 });
    room.goto('muur');
    const decision = decide(room.state, { id: 'groups-start-1', type: 'groups.start', size: 3, cardIds: ['muur'] }, { actor: { role: 'host' }, now: 0, newId: () => 'x' });
    expect(decision).toMatchObject({ ok: false, error: 'server' });
  });

  it('refuses cards without a board, unknown cards, a second split while groups run, and phones that try', () => {
    const room = groupedRoom(8, 4);
    expect(room.host({ type: 'groups.start', size: 4, cardIds: ['muur'] })).toMatchObject({ ok: false, error: 'conflict' });
    room.must('host', { type: 'groups.end' });
    expect(room.host({ type: 'groups.start', size: 4, cardIds: ['pesten'] })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.host({ type: 'groups.start', size: 4, cardIds: ['bestaat-niet'] })).toMatchObject({ ok: false, error: 'not-found' });
    expect(room.as(0, { type: 'groups.start', size: 4, cardIds: ['muur'] } as never)).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('gives groups the chosen cards round-robin', () => {
    const room = groupedRoom(12, 3, { cardIds: ['muur', 'kolommen'] });
    const cards = hostView(room.state).groups!.map((g) => g.cardId);
    expect(cards).toEqual(['muur', 'kolommen', 'muur', 'kolommen']);
  });
});

describe('latecomers', () => {
  it('join the smallest group, the lowest number on a tie', () => {
    const room = groupedRoom(10, 4); // 4 + 3 + 3
    expect(groupSizes(room.state.groups!)).toEqual([4, 3, 3]);
    room.join(1);
    expect(groupOfPhone(room, 10)).toBe(2);
    room.join(1);
    expect(groupOfPhone(room, 11)).toBe(3);
    room.join(1);
    expect(groupOfPhone(room, 12)).toBe(1);
    expect(participantView(room.state, room.participants[12]!.hash).group).toEqual({ number: 1, count: 3 });
  });
});

describe('each group writes on its own board', () => {
  it('a participant’s post-it reaches only their group’s board', () => {
    const room = groupedRoom(12, 4);
    const [writer] = phonesIn(room, 2);
    const added = room.must(writer!, { type: 'postIt.add', cardId: 'muur', text: 'Afspraken maken over de kantine' });
    const id = added.data!.postItId!;
    const boards = Object.entries(room.state.boards).filter(([, b]) => Object.hasOwn(b.postIts, id)).map(([key]) => key);
    expect(boards).toEqual([groupBoardKey('muur', 1, 2)]);
    expect(room.state.boards.muur!.postIts).toEqual({});

    // Their own phone lists it; a phone in another group does not see it at all.
    expect(participantView(room.state, room.participants[writer!]!.hash).board!.mine.map((p) => p.text)).toEqual(['Afspraken maken over de kantine']);
    for (const other of phonesIn(room, 1)) {
      const view = participantView(room.state, room.participants[other]!.hash);
      expect(JSON.stringify(view)).not.toContain('kantine');
    }
  });

  it('a participant cannot write on another group’s card or touch another group’s post-its', () => {
    const room = groupedRoom(12, 4, { cardIds: ['muur', 'kolommen'] });
    const [inOne] = phonesIn(room, 1); // card muur
    const [inTwo] = phonesIn(room, 2); // card kolommen
    expect(room.as(inOne!, { type: 'postIt.add', cardId: 'kolommen', text: 'Hier niet', columnId: 'goed' })).toMatchObject({ ok: false, error: 'conflict' });
    const theirs = room.must(inTwo!, { type: 'postIt.add', cardId: 'kolommen', text: 'Van groep 2', columnId: 'goed' }).data!.postItId!;
    expect(room.as(inOne!, { type: 'postIt.withdraw', cardId: 'muur', postItId: theirs })).toMatchObject({ ok: false, error: 'not-found' });
    expect(room.as(inOne!, { type: 'postIt.edit', cardId: 'muur', postItId: theirs, text: 'Overgenomen' })).toMatchObject({ ok: false, error: 'not-found' });
    // A group does not vote: the room's vote card is not theirs either.
    room.goto('pesten');
    expect(room.as(inOne!, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' })).toMatchObject({ ok: false, error: 'conflict' });
    expect(participantView(room.state, room.participants[inOne!]!.hash)).toMatchObject({ card: { id: 'muur' }, vote: null });
  });

  it('the host acts on a group’s board by naming the group, and cannot name one that does not exist', () => {
    const room = groupedRoom(12, 4, { audience: 'klas' });
    const [writer] = phonesIn(room, 3);
    const id = room.must(writer!, { type: 'postIt.add', cardId: 'muur', text: 'Wacht op de docent' }).data!.postItId!;
    expect(room.state.boards[groupBoardKey('muur', 1, 3)]!.postIts[id]!.status).toBe('pending');
    // Without `group` the command means the room's own board, where this post-it is not.
    expect(room.host({ type: 'postIt.approve', cardId: 'muur', postItIds: [id] })).toMatchObject({ ok: false, error: 'not-found' });
    room.must('host', { type: 'postIt.approve', cardId: 'muur', postItIds: [id], group: 3 });
    expect(room.state.boards[groupBoardKey('muur', 1, 3)]!.postIts[id]!.status).toBe('approved');
    expect(room.host({ type: 'board.reveal', cardId: 'muur', group: 4 })).toMatchObject({ ok: false, error: 'not-found' });
    room.must('host', { type: 'groups.end' });
    expect(room.host({ type: 'board.reveal', cardId: 'muur', group: 1 })).toMatchObject({ ok: false, error: 'not-found' });
  });

  it('the batch timer publishes approved post-its on group boards too', () => {
    const room = groupedRoom(6, 3);
    const [writer] = phonesIn(room, 1);
    const id = room.must(writer!, { type: 'postIt.add', cardId: 'muur', text: 'Op de muur' }).data!.postItId!;
    expect(room.publish()).toEqual([{ type: 'postItsPublished', cardId: groupBoardKey('muur', 1, 1), postItIds: [id] }]);
  });
});

/** Twelve phones in three groups of four; `writers` phones (spread over the groups) each write one post-it. */
function writingGroups(writers: number, minGroupSize = 5) {
  const room = groupedRoom(12, 4, { minGroupSize });
  const order = [1, 2, 3].flatMap((g) => phonesIn(room, g).map((i) => ({ i, g })));
  // Round-robin over the groups, so the writers are spread.
  const spread = [0, 1, 2, 3].flatMap((k) => [1, 2, 3].map((g) => order.filter((o) => o.g === g)[k]!));
  for (const { i, g } of spread.slice(0, writers)) room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Idee uit groep ${g}, telefoon ${i}` });
  room.publish();
  for (const g of [1, 2, 3]) room.must('host', { type: 'board.reveal', cardId: 'muur', group: g });
  return room;
}

describe('the beamer shows the groups side by side', () => {
  it('shows no group’s wall while fewer than the minimum group size wrote on all group boards together', () => {
    const room = writingGroups(4);
    const beamer = beamerView(room.state);
    expect(beamer.groups!.map((g) => g.number)).toEqual([1, 2, 3]);
    for (const g of beamer.groups!) expect(g.board).toMatchObject({ revealed: true, tooFew: true, postIts: [] });
    expect(hostView(room.state).groups!.every((g) => !g.board.enoughWriters)).toBe(true);
  });

  it('shows every revealed group’s wall once enough people wrote, each under its own number', () => {
    const room = writingGroups(5);
    const beamer = beamerView(room.state);
    for (const g of beamer.groups!) {
      expect(g.board.tooFew).toBe(false);
      for (const p of g.board.postIts) expect(p.text).toContain(`groep ${g.number},`);
    }
    expect(beamer.groups!.map((g) => g.board.postIts.length)).toEqual([2, 2, 1]);
    // A group the host hides again leaves the beamer; the others stay.
    room.must('host', { type: 'board.hide', cardId: 'muur', group: 2 });
    expect(beamerView(room.state).groups!.map((g) => g.board.postIts.length)).toEqual([2, 0, 1]);
  });

  it('does not say which group has post-its waiting for the host', () => {
    const room = groupedRoom(12, 4, { audience: 'klas', minGroupSize: 3 });
    const [writer] = phonesIn(room, 2);
    room.must(writer!, { type: 'postIt.add', cardId: 'muur', text: 'Wacht nog' });
    expect(hostView(room.state).groups![1]!.board.postIts).toHaveLength(1);
    for (const g of beamerView(room.state).groups!) expect(g.board.waiting).toBe(0);
  });

  it('shows nothing before the host reveals a group', () => {
    const room = groupedRoom(12, 4, { minGroupSize: 3 });
    for (const i of [0, 1, 2, 3, 4, 5]) room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Post-it ${i}` });
    room.publish();
    for (const g of beamerView(room.state).groups!) expect(g.board).toMatchObject({ revealed: false, postIts: [] });
  });
});

describe('back to one card', () => {
  it('groups.end brings every phone back to the room’s current card, and the beamer to one card', () => {
    const room = writingGroups(5);
    room.goto('kolommen');
    expect(participantView(room.state, room.participants[0]!.hash).card!.id).toBe('muur');
    room.must('host', { type: 'groups.end' });
    for (const p of room.participants) {
      const view = participantView(room.state, p.hash);
      expect(view.card!.id).toBe('kolommen');
      expect(view.group).toBeNull();
      expect(view.board!.mine).toEqual([]);
    }
    expect(beamerView(room.state)).toMatchObject({ groups: null, card: { id: 'kolommen' } });
    expect(hostView(room.state).groups).toBeNull();
    // The group boards stay, and a new split writes on new boards.
    expect(Object.keys(room.state.boards)).toContain(groupBoardKey('muur', 1, 1));
    room.must('host', { type: 'groups.start', size: 3, cardIds: ['muur'] });
    expect(room.state.groups!.round).toBe(2);
    expect(room.state.boards[groupBoardKey('muur', 2, 1)]!.postIts).toEqual({});
  });
});

describe('the report and what is kept', () => {
  it('lists each group board after its card as "Groep N – <card>", with its shown post-its', () => {
    const room = writingGroups(5);
    const report = exportResults(room.state);
    expect(ResultsExport.safeParse(report).success).toBe(true);
    const titles = report.cards.map((c) => c.title);
    const at = titles.indexOf('Schrijf over muur');
    expect(titles.slice(at, at + 4)).toEqual(['Schrijf over muur', 'Groep 1 – Schrijf over muur', 'Groep 2 – Schrijf over muur', 'Groep 3 – Schrijf over muur']);
    const group1 = report.cards[at + 1]!.board!;
    expect(group1.status).toBe('ok');
    expect(group1.postIts.map((p) => p.text).every((t) => t.includes('groep 1,'))).toBe(true);
    expect(resultsToCsv(report)).toContain('Groep 2 – Schrijf over muur');
  });

  it('reports group boards below the minimum as too few, without their post-its', () => {
    const report = exportResults(writingGroups(4).state);
    const groups = report.cards.filter((c) => c.title.startsWith('Groep'));
    expect(groups).toHaveLength(3);
    for (const g of groups) expect(g.board).toMatchObject({ status: 'te weinig antwoorden', postIts: [] });
  });

  it('anonymise keeps approved group post-its and drops who was in which group', () => {
    const room = writingGroups(6);
    room.must('host', { type: 'session.end' });
    const kept = anonymise(room.state);
    expect(kept.groups).toBeNull();
    const hashes = room.participants.map((p) => p.hash);
    expect(findSecrets(kept, hashes)).toEqual([]);
    const onGroupBoards = [1, 2, 3].flatMap((g) => Object.values(kept.boards[groupBoardKey('muur', 1, g)]!.postIts));
    expect(onGroupBoards).toHaveLength(6);
    expect(exportResults(kept).cards.filter((c) => c.title.startsWith('Groep')).flatMap((c) => c.board!.postIts)).toHaveLength(6);
  });
});

describe('privacy with groups', () => {
  it('no view holds a hash or token, a phone learns only its own group, and every view fits its schema', () => {
    const room = groupedRoom(13, 4, { audience: 'klas', minGroupSize: 3 });
    const secrets = room.participants.flatMap((p) => [p.hash, p.token]);
    const check = (step: string) => {
      const host = hostView(room.state);
      const beamer = beamerView(room.state);
      expect(HostView.safeParse(host).success, step).toBe(true);
      expect(BeamerView.safeParse(beamer).success, step).toBe(true);
      expect(findSecrets([host, beamer, exportResults(room.state)], secrets), step).toEqual([]);
      for (const [i, p] of room.participants.entries()) {
        const view = participantView(room.state, p.hash);
        expect(ParticipantView.safeParse(view).success, step).toBe(true);
        expect(findSecrets(view, secrets), `${step}, phone ${i}`).toEqual([]);
        if (room.state.groups && room.state.status === 'live') expect(view.group).toEqual({ number: groupOfPhone(room, i), count: 4 });
      }
    };
    check('formed');
    for (const [i] of room.participants.entries()) room.must(i, { type: 'postIt.add', cardId: 'muur', text: `Idee ${i}` });
    check('written');
    for (const g of [1, 2, 3, 4]) {
      room.must('host', { type: 'postIt.approveAll', cardId: 'muur', group: g });
      room.must('host', { type: 'board.reveal', cardId: 'muur', group: g });
    }
    room.publish();
    check('revealed');
    room.join(2);
    check('latecomers');
    room.must('host', { type: 'groups.end' });
    check('ended groups');
    room.must('host', { type: 'session.end' });
    check('ended session');
  });

  it('the host sees how many are in each group, never who', () => {
    const room = groupedRoom(9, 3);
    expect(hostView(room.state).groups!.map((g) => g.members)).toEqual([3, 3, 3]);
  });
});
