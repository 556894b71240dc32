// The room model: every host and participant command, its refusals, joining, and replaying events.
import { describe, expect, it } from 'vitest';
import { HostCommand, ParticipantCommand } from '@protocol';
import { apply, replay } from '../../session-server/src/room/apply.ts';
import { decideJoin } from '../../session-server/src/room/decide.ts';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import { makeParticipant, makeRoom, type CommandInput } from '../support/room-fixture.ts';

/** A room on the first vote card ('pesten'), with `n` participants joined. */
function onVoteCard(n = 6, minGroupSize?: number) {
  const room = makeRoom({ participants: n, ...(minGroupSize ? { minGroupSize } : {}) });
  room.goto('pesten');
  return room;
}

describe('showing cards', () => {
  it('the first card is shown when the room starts', () => {
    const room = makeRoom();
    expect(hostView(room.state).cardIndex).toBe(0);
    expect(beamerView(room.state).card?.id).toBe('welkom');
  });

  it('showing a vote card for the first time opens its vote', () => {
    const room = onVoteCard();
    expect(beamerView(room.state).card?.id).toBe('pesten');
    expect(participantView(room.state, room.participants[0]!.hash).vote).toEqual({ open: true, revealed: false, round: 1, mine: null });
  });

  it('going back to a card whose vote the host closed does not reopen it', () => {
    const room = onVoteCard();
    room.must('host', { type: 'vote.close', cardId: 'pesten' });
    room.goto('online');
    room.goto('pesten');
    expect(hostView(room.state).vote?.open).toBe(false);
  });

  it('showing the card that is already shown changes nothing', () => {
    const room = onVoteCard();
    const decision = room.host({ type: 'card.goto', index: 1 });
    expect(decision).toMatchObject({ ok: true, events: [] });
  });

  it('an unknown card cannot be shown', () => {
    const room = makeRoom();
    expect(room.host({ type: 'card.goto', index: 99 })).toMatchObject({ ok: false, error: 'not-found' });
    expect(room.state.cardIndex).toBe(0);
  });

  it('a command naming a card that does not exist is refused as not found', () => {
    const room = onVoteCard();
    expect(room.host({ type: 'result.reveal', cardId: 'bestaat-niet' })).toMatchObject({ ok: false, error: 'not-found' });
    expect(room.as(0, { type: 'vote.cast', cardId: 'bestaat-niet', choice: 'soms' })).toMatchObject({ ok: false, error: 'not-found' });
  });
});

describe('voting', () => {
  it('a participant’s answer is recorded and shown back to them', () => {
    const room = onVoteCard();
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    expect(participantView(room.state, room.participants[0]!.hash).vote).toEqual({ open: true, revealed: false, round: 1, mine: 'vaak' });
    expect(participantView(room.state, room.participants[1]!.hash).vote).toEqual({ open: true, revealed: false, round: 1, mine: null });
    expect(hostView(room.state).vote).toMatchObject({ responded: 1 });
  });

  it('a pass is recorded as a pass, not as an answer', () => {
    const room = onVoteCard();
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'pas' });
    expect(participantView(room.state, room.participants[0]!.hash).vote?.mine).toBe('pas');
    // Live, the host sees one number for answers and passes together: watching a phone tells nothing.
    expect(hostView(room.state).vote).toMatchObject({ responded: 1 });
    for (let i = 1; i < 6; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'shown', counts: { nooit: 0, soms: 5, vaak: 0 }, answered: 5, passes: 1, split: false });
  });

  it('the host’s live view says how many reacted, never how many answered or passed', () => {
    const room = onVoteCard();
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'pas' });
    room.must(1, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    const vote = hostView(room.state).vote!;
    expect(vote).toEqual({ open: true, revealed: false, round: 1, responded: 2, nextReveal: 'new', result: { state: 'hidden' } });
  });

  it('changing an answer replaces it, so every participant counts once', () => {
    const room = onVoteCard(5, 3);
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'nooit' });
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must(1, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' });
    room.must(2, { type: 'vote.cast', cardId: 'pesten', choice: 'pas' });
    room.must(2, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' });
    room.must(3, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'shown', counts: { nooit: 0, soms: 2, vaak: 2 }, answered: 4, passes: 0, split: true });
  });

  it('casting the same answer twice records nothing new', () => {
    const room = onVoteCard();
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' });
    expect(room.as(0, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' })).toMatchObject({ ok: true, events: [] });
  });

  it('after the host closes the vote, nobody can answer', () => {
    const room = onVoteCard();
    room.must('host', { type: 'vote.close', cardId: 'pesten' });
    expect(room.as(0, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' })).toMatchObject({ ok: false, error: 'closed' });
    expect(participantView(room.state, room.participants[0]!.hash).vote).toEqual({ open: false, revealed: false, round: 1, mine: null });
  });

  it('reopening the vote lets participants answer again', () => {
    const room = onVoteCard();
    room.must('host', { type: 'vote.close', cardId: 'pesten' });
    room.must('host', { type: 'vote.open', cardId: 'pesten' });
    expect(room.as(0, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' }).ok).toBe(true);
  });

  it('opening a vote that is open changes nothing', () => {
    const room = onVoteCard();
    expect(room.host({ type: 'vote.open', cardId: 'pesten' })).toMatchObject({ ok: true, events: [] });
  });

  it('an answer for a card that is no longer shown is refused', () => {
    const room = onVoteCard();
    room.goto('online');
    expect(room.as(0, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' })).toMatchObject({ ok: false, error: 'conflict' });
    expect(room.state.votes.pesten?.choices.size).toBe(0);
  });

  it('a vote cannot be opened on a card without a vote', () => {
    const room = makeRoom({ participants: 1 });
    expect(room.host({ type: 'vote.open', cardId: 'welkom' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.as(0, { type: 'vote.cast', cardId: 'welkom', choice: 'soms' }).ok).toBe(false);
  });
});

describe('revealing results', () => {
  it('the host reveals and hides the result on the beamer', () => {
    const room = onVoteCard(6);
    for (let i = 0; i < 6; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' });
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'hidden' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    expect(beamerView(room.state).vote?.result).toMatchObject({ state: 'shown', answered: 6 });
    room.must('host', { type: 'result.hide', cardId: 'pesten' });
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'hidden' });
  });

  it('revealing again while the result is shown, without enough new answers, is refused and shows the same numbers', () => {
    const room = onVoteCard(6);
    for (let i = 0; i < 6; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    const shown = beamerView(room.state).vote?.result;
    expect(hostView(room.state).vote?.nextReveal).toBe('same');
    expect(room.host({ type: 'result.reveal', cardId: 'pesten' })).toMatchObject({ ok: false, error: 'conflict' });
    expect(beamerView(room.state).vote?.result).toEqual(shown);
  });

  it('a reveal takes a snapshot: the event carries the frozen counts', () => {
    const room = onVoteCard(6);
    for (let i = 0; i < 6; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: i < 2 ? 'vaak' : i < 5 ? 'nooit' : 'pas' });
    expect(room.must('host', { type: 'result.reveal', cardId: 'pesten' }).events).toEqual([
      { type: 'resultRevealed', cardId: 'pesten', tally: { nooit: 3, soms: 0, vaak: 2, pas: 1 } },
    ]);
  });

  it('a reveal below the minimum freezes nothing: once enough answered, revealing again shows them', () => {
    const room = onVoteCard(6);
    for (let i = 0; i < 4; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    expect(room.must('host', { type: 'result.reveal', cardId: 'pesten' }).events).toEqual([{ type: 'resultRevealed', cardId: 'pesten', tally: null }]);
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'too-few', minGroupSize: 5 });
    room.must(4, { type: 'vote.cast', cardId: 'pesten', choice: 'nooit' });
    expect(hostView(room.state).vote?.nextReveal).toBe('new');
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'shown', counts: { nooit: 1, soms: 0, vaak: 4 }, answered: 5, passes: 0, split: false });
  });

  it('a hidden result comes back with the same numbers when too few answered since', () => {
    const room = onVoteCard(8);
    for (let i = 0; i < 5; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    const shown = beamerView(room.state).vote?.result;
    room.must('host', { type: 'result.hide', cardId: 'pesten' });
    room.must(5, { type: 'vote.cast', cardId: 'pesten', choice: 'nooit' });
    expect(room.must('host', { type: 'result.reveal', cardId: 'pesten' }).events).toEqual([{ type: 'resultRevealed', cardId: 'pesten', tally: null }]);
    expect(beamerView(room.state).vote?.result).toEqual(shown);
  });

  it('a fresh snapshot is taken once the minimum group size gave a new answer since the last one; changes do not count', () => {
    const room = onVoteCard(12);
    for (let i = 0; i < 5; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    // Three new answers, two changed ones and a new pass: only the three new answers count.
    for (let i = 5; i < 8; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' });
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'nooit' });
    room.must(1, { type: 'vote.cast', cardId: 'pesten', choice: 'pas' });
    room.must(8, { type: 'vote.cast', cardId: 'pesten', choice: 'pas' });
    expect(hostView(room.state).vote?.nextReveal).toBe('same');
    room.must(9, { type: 'vote.cast', cardId: 'pesten', choice: 'nooit' });
    room.must(10, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    expect(hostView(room.state).vote?.nextReveal).toBe('new');
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'shown', counts: { nooit: 2, soms: 3, vaak: 4 }, answered: 9, passes: 2, split: true });
    expect(hostView(room.state).vote?.nextReveal).toBe('same');
  });

  it('the host cannot reveal the result of a card that is not shown', () => {
    const room = onVoteCard();
    room.goto('online');
    expect(room.host({ type: 'result.reveal', cardId: 'pesten' })).toMatchObject({ ok: false, error: 'conflict' });
    expect(room.state.votes.pesten?.revealed).toBe(false);
  });
});

describe('rounds', () => {
  it('a new round asks everyone again, with counts of its own', () => {
    const room = onVoteCard(6);
    for (let i = 0; i < 6; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    room.must('host', { type: 'vote.newRound', cardId: 'pesten' });
    expect(participantView(room.state, room.participants[0]!.hash).vote).toEqual({ open: true, revealed: false, round: 2, mine: null });
    expect(hostView(room.state).vote).toEqual({ open: true, revealed: false, round: 2, responded: 0, nextReveal: 'new', result: { state: 'hidden' } });
    expect(beamerView(room.state).vote).toEqual({ open: true, round: 2, responded: 0, result: { state: 'hidden' } });
    expect(room.state.votes.pesten?.earlierRounds).toEqual([{ round: 1, tally: { nooit: 0, soms: 0, vaak: 6, pas: 0 } }]);
  });

  it('a round whose result was never shown leaves nothing behind', () => {
    const room = onVoteCard(6);
    for (let i = 0; i < 6; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must('host', { type: 'vote.newRound', cardId: 'pesten' });
    expect(room.state.votes.pesten?.earlierRounds).toEqual([]);
  });

  it('a new round opens a closed vote', () => {
    const room = onVoteCard(6);
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must('host', { type: 'vote.close', cardId: 'pesten' });
    room.must('host', { type: 'vote.newRound', cardId: 'pesten' });
    expect(room.as(0, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' }).ok).toBe(true);
  });

  it('a new round is refused while nobody answered in this one', () => {
    const room = onVoteCard();
    expect(room.host({ type: 'vote.newRound', cardId: 'pesten' })).toMatchObject({ ok: false, error: 'conflict' });
    expect(hostView(room.state).vote?.round).toBe(1);
  });
});

describe('who may do what', () => {
  const hostCommands: CommandInput[] = [
    { type: 'card.goto', index: 2 },
    { type: 'case.set', text: 'De casus.' },
    { type: 'dilemma.set', text: 'Het dilemma.' },
    { type: 'conclusion.add', text: 'Een conclusie.' },
    { type: 'conclusion.remove', recordId: 'abcd' },
    { type: 'action.add', what: 'Iets', who: 'de mentor', when: 'morgen' },
    { type: 'action.remove', recordId: 'abcd' },
    { type: 'cards.arrange', cardIds: ['welkom'] },
    { type: 'card.add', title: 'Eigen', situation: 'Iets.', scale: 'eens-oneens' },
    { type: 'vote.open', cardId: 'pesten' },
    { type: 'vote.close', cardId: 'pesten' },
    { type: 'result.reveal', cardId: 'pesten' },
    { type: 'result.hide', cardId: 'pesten' },
    { type: 'vote.newRound', cardId: 'pesten' },
    { type: 'board.open', cardId: 'pesten' },
    { type: 'board.reveal', cardId: 'pesten' },
    { type: 'postIt.approve', cardId: 'pesten', postItIds: ['abcd'] },
    { type: 'postIt.approveAll', cardId: 'pesten' },
    { type: 'postIt.hide', cardId: 'pesten', postItId: 'abcd' },
    { type: 'postIt.adopt', cardId: 'pesten', postItId: 'abcd', adopted: true },
    { type: 'cluster.create', cardId: 'pesten', name: 'groep' },
    { type: 'settings.minGroupSize', minGroupSize: 3 },
    { type: 'room.lock', locked: true },
    { type: 'join.panel', open: false },
    { type: 'groups.start', size: 4, cardIds: ['muur'] },
    { type: 'groups.end' },
    { type: 'timer.start', cardId: 'pesten' },
    { type: 'timer.pause', cardId: 'pesten' },
    { type: 'timer.extend', cardId: 'pesten', minutes: 1 },
    { type: 'timer.skip', cardId: 'pesten' },
    { type: 'session.end' },
  ];

  it('the command lists cover every host command type', () => {
    const listed = new Set(hostCommands.map((c) => c.type));
    // Every host command is either in the list above or tested for participants in boards.test.ts.
    const inBoards = ['board.close', 'board.hide', 'postIt.unhide', 'postIt.highlight', 'postIt.merge', 'postIt.move', 'cluster.rename', 'cluster.remove'];
    for (const option of HostCommand.options) expect(listed.has(option.shape.type.value) || inBoards.includes(option.shape.type.value)).toBe(true);
  });

  it.each(hostCommands.map((c) => [c.type, c] as const))('a participant cannot send %s', (_type, command) => {
    const room = onVoteCard();
    const before = room.state;
    expect(room.as(0, command)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.state).toBe(before);
  });

  it('a participant cannot reveal results', () => {
    const room = onVoteCard(6);
    for (let i = 0; i < 6; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    expect(room.as(0, { type: 'result.reveal', cardId: 'pesten' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(beamerView(room.state).vote?.result).toEqual({ state: 'hidden' });
  });

  it.each(ParticipantCommand.options.map((o) => o.shape.type.value))('the host cannot send the participant command %s', (type) => {
    const room = onVoteCard();
    const command = { type, cardId: 'pesten', choice: 'soms', text: 'tekst', postItId: 'abcd' } as unknown as CommandInput;
    expect(room.host(command)).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('the beamer can only watch', () => {
    const room = onVoteCard();
    expect(room.run({ role: 'beamer' }, { type: 'result.reveal', cardId: 'pesten' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.run({ role: 'beamer' }, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.run({ role: 'beamer' }, { type: 'session.end' })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('the server (system) may end an unattended session and do nothing else', () => {
    const room = onVoteCard(6);
    for (let i = 0; i < 6; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    const before = room.state;
    for (const command of [
      { type: 'result.reveal', cardId: 'pesten' },
      { type: 'vote.cast', cardId: 'pesten', choice: 'soms' },
      { type: 'card.goto', index: 2 },
    { type: 'cards.arrange', cardIds: ['welkom'] },
    { type: 'card.add', title: 'Eigen', situation: 'Iets.', scale: 'eens-oneens' },
      { type: 'room.lock', locked: true },
      { type: 'settings.minGroupSize', minGroupSize: 3 },
    ] satisfies CommandInput[]) {
      expect(room.run({ role: 'system' }, command), command.type).toMatchObject({ ok: false, error: 'forbidden' });
    }
    expect(room.state).toBe(before);
    expect(room.run({ role: 'system' }, { type: 'session.end' })).toMatchObject({ ok: true, events: [{ type: 'sessionEnded' }] });
    expect(room.state.status).toBe('ended');
  });

  it('someone who did not join cannot vote', () => {
    const room = onVoteCard();
    const stranger = makeParticipant(999).hash;
    expect(room.as(stranger, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(hostView(room.state).vote?.responded).toBe(0);
  });
});

describe('minimum group size', () => {
  it('the host can lower the minimum to 3', () => {
    const room = makeRoom();
    room.must('host', { type: 'settings.minGroupSize', minGroupSize: 3 });
    expect(hostView(room.state).minGroupSize).toBe(3);
  });

  it('the model refuses a minimum below 3, even when the schema was bypassed', () => {
    const room = makeRoom();
    expect(room.host({ type: 'settings.minGroupSize', minGroupSize: 2 })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.host({ type: 'settings.minGroupSize', minGroupSize: 0 })).toMatchObject({ ok: false, error: 'invalid' });
    expect(hostView(room.state).minGroupSize).toBe(5);
  });

  it('the command schema refuses a minimum below 3', () => {
    expect(HostCommand.safeParse({ id: 'cmd-000001', type: 'settings.minGroupSize', minGroupSize: 2 }).success).toBe(false);
    expect(HostCommand.safeParse({ id: 'cmd-000001', type: 'settings.minGroupSize', minGroupSize: 3 }).success).toBe(true);
  });

  it('setting the same minimum records nothing', () => {
    const room = makeRoom();
    expect(room.host({ type: 'settings.minGroupSize', minGroupSize: 5 })).toMatchObject({ ok: true, events: [] });
  });
});

describe('ending the session', () => {
  it('ending shows the closing state and keeps the result', () => {
    const room = onVoteCard(6);
    for (let i = 0; i < 6; i++) room.must(i, { type: 'vote.cast', cardId: 'pesten', choice: 'nooit' });
    room.must('host', { type: 'session.end' });
    const view = participantView(room.state, room.participants[0]!.hash);
    expect(view.status).toBe('ended');
    expect(view.card).toBeNull();
    expect(view.contacts.vertrouwenspersoon.name).toBe('Mevrouw Bakker');
    expect(hostView(room.state).status).toBe('ended');
    expect(room.state.endedAt).not.toBeNull();
  });

  it('after the end the host can change nothing', () => {
    const room = onVoteCard();
    room.must('host', { type: 'session.end' });
    for (const command of [
      { type: 'card.goto', index: 2 },
    { type: 'cards.arrange', cardIds: ['welkom'] },
    { type: 'card.add', title: 'Eigen', situation: 'Iets.', scale: 'eens-oneens' },
      { type: 'result.reveal', cardId: 'pesten' },
      { type: 'vote.close', cardId: 'pesten' },
      { type: 'settings.minGroupSize', minGroupSize: 4 },
      { type: 'session.end' },
    ] satisfies CommandInput[]) {
      expect(room.host(command)).toMatchObject({ ok: false, error: 'closed' });
    }
  });

  it('after the end nobody can vote', () => {
    const room = onVoteCard();
    room.must('host', { type: 'session.end' });
    expect(room.as(0, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' })).toMatchObject({ ok: false, error: 'closed' });
  });

  it('after the end a phone that is no longer known by any hash hears the session is over', () => {
    const room = onVoteCard();
    room.must('host', { type: 'session.end' });
    const anonymous = room.run({ role: 'participant', participant: '' }, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    expect(anonymous).toMatchObject({ ok: false, error: 'closed', message: 'Deze sessie is afgelopen.' });
  });
});

describe('joining', () => {
  it('joining twice with the same phone counts once', () => {
    const room = makeRoom();
    const phone = makeParticipant(1);
    expect(room.joinOne(phone)).toMatchObject({ ok: true, events: [{ type: 'participantJoined' }] });
    expect(room.joinOne(phone)).toMatchObject({ ok: true, events: [] });
    expect(hostView(room.state).joined).toBe(1);
  });

  it('a full room refuses a new phone but keeps letting joined phones back in', () => {
    const room = makeRoom({ participants: 3 });
    expect(decideJoin(room.state, makeParticipant(50).hash, 3)).toMatchObject({ ok: false, error: 'limit' });
    expect(decideJoin(room.state, room.participants[0]!.hash, 3)).toMatchObject({ ok: true, events: [] });
  });

  it('a locked room refuses new phones but lets joined phones back in', () => {
    const room = makeRoom({ participants: 3 });
    room.must('host', { type: 'room.lock', locked: true });
    expect(room.joinOne(makeParticipant(50))).toMatchObject({ ok: false, error: 'closed' });
    expect(room.joinOne(room.participants[0]!)).toMatchObject({ ok: true, events: [] });
    expect(hostView(room.state)).toMatchObject({ joined: 3, locked: true });
    expect(beamerView(room.state).locked).toBe(true);
  });

  it('unlocking lets new phones in again', () => {
    const room = makeRoom({ participants: 1 });
    room.must('host', { type: 'room.lock', locked: true });
    room.must('host', { type: 'room.lock', locked: false });
    expect(room.joinOne(makeParticipant(50))).toMatchObject({ ok: true, events: [{ type: 'participantJoined' }] });
    expect(beamerView(room.state).locked).toBe(false);
  });

  it('locking a locked room records nothing', () => {
    const room = makeRoom();
    room.must('host', { type: 'room.lock', locked: true });
    expect(room.host({ type: 'room.lock', locked: true })).toMatchObject({ ok: true, events: [] });
    expect(makeRoom().host({ type: 'room.lock', locked: false })).toMatchObject({ ok: true, events: [] });
  });

  it('the host is told when more phones joined than the group size they named', () => {
    const room = makeRoom({ expectedGroupSize: 3, participants: 3 });
    expect(hostView(room.state)).toMatchObject({ expectedGroupSize: 3, moreThanExpected: false });
    room.join(1);
    expect(hostView(room.state)).toMatchObject({ expectedGroupSize: 3, moreThanExpected: true });
  });

  it('without a named group size the host is never warned', () => {
    const room = makeRoom({ participants: 30 });
    expect(hostView(room.state)).toMatchObject({ expectedGroupSize: null, moreThanExpected: false });
  });

  it('a phone arriving after the end joins nothing', () => {
    const room = makeRoom();
    room.must('host', { type: 'session.end' });
    expect(room.joinOne(makeParticipant(7))).toMatchObject({ ok: true, events: [] });
    expect(room.state.joined).toBe(0);
  });
});

describe('apply and replay', () => {
  function busyRoom() {
    const room = onVoteCard(8, 3);
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must(1, { type: 'vote.cast', cardId: 'pesten', choice: 'pas' });
    room.must(0, { type: 'vote.cast', cardId: 'pesten', choice: 'soms' });
    room.must(2, { type: 'vote.cast', cardId: 'pesten', choice: 'nooit' });
    room.must('host', { type: 'result.reveal', cardId: 'pesten' });
    room.must('host', { type: 'vote.newRound', cardId: 'pesten' });
    room.must(3, { type: 'vote.cast', cardId: 'pesten', choice: 'vaak' });
    room.must('host', { type: 'room.lock', locked: true });
    room.goto('muur');
    room.must(2, { type: 'postIt.add', cardId: 'muur', text: 'Meer toezicht in de kantine' });
    const added = room.must(3, { type: 'postIt.add', cardId: 'muur', text: 'Betere verlichting' });
    room.must('host', { type: 'postIt.highlight', cardId: 'muur', postItId: added.data!.postItId!, highlighted: true });
    room.publish();
    room.must('host', { type: 'cluster.create', cardId: 'muur', name: 'Gebouw' });
    room.must('host', { type: 'settings.minGroupSize', minGroupSize: 4 });
    return room;
  }

  it('replaying the stored events rebuilds the same room', () => {
    const room = busyRoom();
    expect(replay(room.events)).toEqual(room.state);
  });

  it('replaying events that went through JSON (as storage keeps them) rebuilds the same views', () => {
    const room = busyRoom();
    const rebuilt = replay(JSON.parse(JSON.stringify(room.events)))!;
    expect(rebuilt).toEqual(room.state);
    expect(hostView(rebuilt)).toEqual(hostView(room.state));
    expect(beamerView(rebuilt)).toEqual(beamerView(room.state));
  });

  it('a snapshot event replaces everything before it', () => {
    const room = busyRoom();
    const fresh = makeRoom();
    expect(apply(fresh.state, { type: 'snapshot', state: room.state })).toEqual(room.state);
    expect(replay([{ type: 'snapshot', state: room.state }])).toEqual(room.state);
  });

  it('an event before the room was created is a programming error', () => {
    expect(() => apply(null, { type: 'cardShown', index: 1 })).toThrow();
    expect(replay([])).toBeNull();
  });
});
