// A team meeting's own record: the case typed on a phone reaches the host as text only and the
// beamer only once the host puts it there; the host records the dilemma, conclusions and actions;
// "wat neem ik mee" is in no view but its author's, unless the author shares the action point.
import { describe, expect, it } from 'vitest';
import type { Card } from '@protocol';
import { makeDeck, makeRoom } from '../support/room-fixture.ts';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import { exportResults } from '../../session-server/src/room/export.ts';
import { anonymise } from '../../session-server/src/room/apply.ts';

const step = (id: string, details: NonNullable<Card['step']>, extra: Partial<Card> = {}): Card => ({
  id,
  kind: 'step',
  title: `Stap ${id}`,
  summary: 'Wat we nu doen.',
  step: details,
  ...extra,
});
const REFLECTION: Card['reflection'] = {
  statements: ['Ik weet wat ik anders ga doen.', 'Ik voel me gehoord.'],
  questions: ['Wat raakte je?'],
  action: 'Wat ga jij doen?',
};

function meetingRoom(participants = 6) {
  const room = makeRoom({
    participants,
    deck: makeDeck({
      cards: [
        step('casus', { minutes: 10, does: 'De inbrenger vertelt.', case: 'write' }),
        step('dilemma', { minutes: 10, does: 'Het dilemma in één zin.', case: 'show', records: ['dilemma'] }),
        step('acties', { minutes: 10, does: 'Wat is er nodig?', records: ['conclusions', 'actions'] }),
        step('meenemen', { minutes: 5, does: 'Voor jezelf.' }, { reflection: REFLECTION }),
        { id: 'einde', kind: 'closing', title: 'Einde', summary: 'Dank.' },
      ],
    }),
  });
  return room;
}

describe('the case', () => {
  it('a draft from a phone reaches the host as text, not who typed it, and the beamer only once the host sets it', () => {
    const room = meetingRoom();
    room.must(2, { type: 'case.draft', text: 'Een collega zegt iets over een leerling in de gang.' });
    const host = hostView(room.state).meeting;
    expect(host.caseDrafts).toEqual([{ text: 'Een collega zegt iets over een leerling in de gang.', flags: [] }]);
    expect(JSON.stringify(hostView(room.state))).not.toContain(room.participants[2]!.hash);
    expect(beamerView(room.state).meeting.case).toBeNull();
    expect(participantView(room.state, room.participants[2]!.hash).meeting?.caseDraft).toContain('Een collega');
    expect(participantView(room.state, room.participants[3]!.hash).meeting?.caseDraft).toBeNull();

    room.must('host', { type: 'case.set', text: 'Een collega zegt iets over een leerling in de gang.' });
    expect(beamerView(room.state).meeting.case).toContain('Een collega');
    room.goto('dilemma');
    expect(beamerView(room.state).meeting.case).toContain('Een collega');
    // Not on steps that do not show it.
    room.goto('acties');
    expect(beamerView(room.state).meeting.case).toBeNull();
  });

  it('a draft that may name someone is flagged for the host; a phone cannot set the case, nor draft on another step', () => {
    const room = meetingRoom();
    room.must(0, { type: 'case.draft', text: 'Meneer Jansen riep tegen Sanne dat ze moest stoppen.' });
    expect(hostView(room.state).meeting.caseDrafts![0]!.flags).toContain('name');
    expect(room.as(0, { type: 'case.set', text: 'x' })).toMatchObject({ ok: false, error: 'forbidden' });
    room.goto('acties');
    expect(room.as(1, { type: 'case.draft', text: 'Iets anders.' })).toMatchObject({ ok: false, error: 'closed' });
  });
});

describe('what the host records', () => {
  it('dilemma, conclusions and actions reach beamer and export; removing works; names are the host’s to avoid', () => {
    const room = meetingRoom();
    room.must('host', { type: 'dilemma.set', text: 'Grijpen we in bij een collega, of laten we het aan de leiding?' });
    room.must('host', { type: 'conclusion.add', text: 'We spreken elkaar eerst zelf aan.' });
    const extra = room.must('host', { type: 'conclusion.add', text: 'Weg ermee.' });
    room.must('host', { type: 'action.add', what: 'Gedragscode bespreken in het teamoverleg', who: 'de teamleider', when: 'voor de kerstvakantie' });
    const conclusionId = (extra.events[0] as { id: string }).id;
    room.must('host', { type: 'conclusion.remove', recordId: conclusionId });
    const beamer = beamerView(room.state).meeting;
    expect(beamer.dilemma).toMatch(/^Grijpen we in/);
    expect(beamer.conclusions.map((c) => c.text)).toEqual(['We spreken elkaar eerst zelf aan.']);
    expect(beamer.actions).toMatchObject([{ what: 'Gedragscode bespreken in het teamoverleg', who: 'de teamleider', when: 'voor de kerstvakantie' }]);
    expect(exportResults(room.state).meeting).toEqual({
      dilemma: 'Grijpen we in bij een collega, of laten we het aan de leiding?',
      conclusions: ['We spreken elkaar eerst zelf aan.'],
      actions: [{ what: 'Gedragscode bespreken in het teamoverleg', who: 'de teamleider', when: 'voor de kerstvakantie' }],
      sharedActions: [],
    });
    expect(room.as(0, { type: 'action.add', what: 'x', who: 'y', when: 'z' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(room.host({ type: 'action.add', what: 'iets', who: '  ', when: 'morgen' })).toMatchObject({ ok: false, error: 'invalid' });
  });
});

describe('host and beamer views of the meeting, every batch tick', () => {
  it('reuse the meeting part while nothing of it changed, and build it again when the meeting, the step or the end changes it', () => {
    const room = meetingRoom();
    room.must(2, { type: 'case.draft', text: 'Een collega zegt iets over een leerling.' });
    const host = hostView(room.state).meeting;
    // A tick with nothing new for the meeting: the same object, so no drafts are checked again.
    expect(hostView(room.state).meeting).toBe(host);
    // A second draft changes the meeting: built again, with both.
    room.must(3, { type: 'case.draft', text: 'Een ouder belt boos op.' });
    const twoDrafts = hostView(room.state).meeting;
    expect(twoDrafts).not.toBe(host);
    expect(twoDrafts.caseDrafts!.map((d) => d.text)).toEqual(['Een collega zegt iets over een leerling.', 'Een ouder belt boos op.']);

    room.must('host', { type: 'case.set', text: 'Een ouder belt boos op.' });
    const onCaseStep = beamerView(room.state).meeting;
    expect(onCaseStep.case).toBe('Een ouder belt boos op.');
    expect(beamerView(room.state).meeting).toBe(onCaseStep);
    // The same meeting on a step that does not show the case: built again, without it.
    room.goto('acties');
    expect(beamerView(room.state).meeting.case).toBeNull();
    room.goto('dilemma');
    expect(beamerView(room.state).meeting.case).toBe('Een ouder belt boos op.');
    // The host's view is not the beamer's.
    expect(hostView(room.state).meeting).not.toBe(beamerView(room.state).meeting);
  });
});

describe('wat neem ik mee', () => {
  const save = (room: ReturnType<typeof meetingRoom>, who: number, action: string, shared: boolean) =>
    room.must(who, { type: 'reflection.save', cardId: 'meenemen', answers: { '0': 'eens', '1': 'oneens' }, notes: `Mijn eigen notitie ${who}`, action, shared });

  it('a private answer is in no view but its author’s, and not in the export', () => {
    const room = meetingRoom();
    room.goto('meenemen');
    save(room, 1, 'Ik vraag een collega om feedback.', false);
    expect(participantView(room.state, room.participants[1]!.hash).meeting?.reflection).toEqual({
      answers: { '0': 'eens', '1': 'oneens' },
      notes: 'Mijn eigen notitie 1',
      action: 'Ik vraag een collega om feedback.',
      shared: false,
    });
    for (const view of [
      participantView(room.state, room.participants[2]!.hash),
      hostView(room.state),
      beamerView(room.state),
      exportResults(room.state),
    ]) {
      const json = JSON.stringify(view);
      expect(json).not.toContain('Mijn eigen notitie');
      expect(json).not.toContain('feedback');
    }
    expect(participantView(room.state, room.participants[2]!.hash).meeting?.reflection).toBeNull();
  });

  it('shared action points show, without authors, once at least the minimum group size shared; after the end only they stay', () => {
    const room = meetingRoom(6);
    room.goto('meenemen');
    for (let i = 0; i < 4; i++) save(room, i, `Actiepunt ${i}`, true);
    save(room, 5, 'Geheim punt', false);
    expect(beamerView(room.state).meeting.sharedActions).toEqual([]);
    save(room, 4, 'Actiepunt 4', true);
    expect(beamerView(room.state).meeting.sharedActions).toEqual([0, 1, 2, 3, 4].map((i) => `Actiepunt ${i}`));
    expect(JSON.stringify(beamerView(room.state))).not.toContain('Geheim punt');
    room.must('host', { type: 'session.end' });
    const kept = anonymise(room.state);
    expect(JSON.stringify(kept)).not.toContain('Mijn eigen notitie');
    expect(JSON.stringify(kept)).not.toContain('Geheim punt');
    expect(exportResults(kept).meeting?.sharedActions).toHaveLength(5);
  });

  it('refuses answers outside the statements or the scale, and sharing without an action point', () => {
    const room = meetingRoom();
    room.goto('meenemen');
    const base = { type: 'reflection.save' as const, cardId: 'meenemen', notes: '', action: '', shared: false };
    expect(room.as(0, { ...base, answers: { '7': 'eens' } })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.as(0, { ...base, answers: { '0': 'vaak' } })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.as(0, { ...base, answers: {}, shared: true })).toMatchObject({ ok: false, error: 'invalid' });
    expect(room.host({ ...base, answers: {} })).toMatchObject({ ok: false });
  });

  it('after the end the case and the drafts are gone; the record for the report stays', () => {
    const room = meetingRoom();
    room.must(0, { type: 'case.draft', text: 'De casus in detail.' });
    room.must('host', { type: 'case.set', text: 'De casus in detail.' });
    room.must('host', { type: 'dilemma.set', text: 'Het dilemma.' });
    room.must('host', { type: 'session.end' });
    const kept = anonymise(room.state);
    expect(JSON.stringify(kept)).not.toContain('De casus in detail');
    expect(exportResults(kept).meeting?.dilemma).toBe('Het dilemma.');
  });
});
