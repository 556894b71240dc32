// No view for any role contains a participant token or hash, or anything ordered by who joined or
// wrote first. A busy class session is played out, and every view of it is walked.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BeamerView, HostView, ParticipantView, VoteChoice } from '@protocol';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import { findSecrets, makeParticipant, makeRoom, realDeck } from '../support/room-fixture.ts';

const PARTICIPANTS = 20;
const CHOICES: VoteChoice[] = ['nooit', 'soms', 'vaak', 'pas'];

/** Post-it ids derived from the text, so two runs with a different arrival order get the same ids. */
const idFor = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 12);

interface Snapshot {
  host: HostView;
  beamer: BeamerView;
  /** Keyed by the participant's number, not by join order. */
  phones: Map<number, ParticipantView>;
}

/**
 * A class session with 20 phones on the real focusgroep deck: they join in `order`, vote (some pass,
 * some change their mind), then write post-its on the writing card, which the host moderates.
 */
function busySession(order: number[]) {
  const room = makeRoom({ deck: realDeck('focusgroep'), deckId: 'focusgroep' });
  const people = new Map(order.map((n) => [n, makeParticipant(n)]));
  const snapshots: Snapshot[] = [];
  const snap = () => {
    const phones = new Map([...people].map(([n, p]) => [n, participantView(room.state, p.hash)]));
    snapshots.push({ host: hostView(room.state), beamer: beamerView(room.state), phones });
  };
  for (const n of order) room.joinOne(people.get(n)!);
  snap();

  room.goto('discriminatie');
  for (const n of order) {
    const as = people.get(n)!.hash;
    room.must({ role: 'participant', participant: as }, { type: 'vote.cast', cardId: 'discriminatie', choice: CHOICES[n % 4]! });
    if (n % 5 === 0) room.must({ role: 'participant', participant: as }, { type: 'vote.cast', cardId: 'discriminatie', choice: CHOICES[(n + 1) % 4]! });
  }
  snap();
  room.must('host', { type: 'result.reveal', cardId: 'discriminatie' });
  snap();

  room.goto('schrijven');
  const columns = ['wat-kan-de-school', 'bij-wie-terecht'];
  const added: string[] = [];
  for (const n of order) {
    for (let k = 0; k < (n % 3) + 1; k++) {
      const text = `Idee ${n}.${k}: meer uitleg over de regels`;
      const decision = room.must(
        { role: 'participant', participant: people.get(n)!.hash },
        { type: 'postIt.add', cardId: 'schrijven', text, columnId: columns[(n + k) % 2]! },
        [idFor(text)],
      );
      added.push(decision.data!.postItId!);
    }
  }
  snap(); // pending: the class deck moderates
  const all = [...added].sort();
  room.must('host', { type: 'postIt.approve', cardId: 'schrijven', postItIds: all });
  room.must('host', { type: 'postIt.hide', cardId: 'schrijven', postItId: idFor('Idee 7.0: meer uitleg over de regels') });
  room.must('host', { type: 'postIt.highlight', cardId: 'schrijven', postItId: idFor('Idee 4.1: meer uitleg over de regels'), highlighted: true });
  room.must('host', { type: 'postIt.merge', cardId: 'schrijven', postItId: idFor('Idee 2.2: meer uitleg over de regels'), intoId: idFor('Idee 2.0: meer uitleg over de regels') });
  room.must('host', { type: 'cluster.create', cardId: 'schrijven', name: 'Regels' }, ['cluster01']);
  room.must('host', { type: 'postIt.move', cardId: 'schrijven', postItId: idFor('Idee 5.0: meer uitleg over de regels'), clusterId: 'cluster01' });
  room.publish();
  room.must('host', { type: 'board.reveal', cardId: 'schrijven' });
  snap();
  room.must({ role: 'participant', participant: people.get(11)!.hash }, { type: 'postIt.withdraw', cardId: 'schrijven', postItId: idFor('Idee 11.0: meer uitleg over de regels') });
  room.must({ role: 'participant', participant: people.get(8)!.hash }, { type: 'postIt.edit', cardId: 'schrijven', postItId: idFor('Idee 8.0: meer uitleg over de regels'), text: 'Een vertrouwenspersoon die je kent' });
  room.publish();
  snap();
  room.must('host', { type: 'session.end' });
  snap();
  return { room, people, snapshots, added };
}

/** A permutation of 0..n-1 from a fixed seed (a small LCG), so the test is the same every run. */
function shuffled(n: number, seed: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const inOrder = Array.from({ length: PARTICIPANTS }, (_, i) => i);

describe('view privacy', () => {
  const session = busySession(inOrder);
  const secrets = [...session.people.values()].flatMap((p) => [p.hash, p.token]);

  it('the session under test is busy: votes, passes, changed answers and moderated post-its', () => {
    const revealed = session.snapshots[2]!.beamer.vote?.result;
    expect(revealed).toEqual({ state: 'shown', counts: { nooit: 5, soms: 5, vaak: 5 }, answered: 15, passes: 5 });
    const wall = session.snapshots[4]!.beamer.board!;
    expect(wall.postIts.length).toBeGreaterThan(30);
    expect(wall.postIts.some((p) => p.highlighted)).toBe(true);
    expect(wall.postIts.some((p) => p.weight === 2)).toBe(true);
    expect(session.snapshots[3]!.host.board!.postIts.every((p) => p.status === 'pending')).toBe(true);
  });

  it('no host or beamer view contains a participant hash or token, as a value or as a key', () => {
    for (const [i, s] of session.snapshots.entries()) {
      expect(findSecrets(s.host, secrets), `host view, step ${i}`).toEqual([]);
      expect(findSecrets(s.beamer, secrets), `beamer view, step ${i}`).toEqual([]);
    }
  });

  it('no participant view contains anyone’s hash or token, not even their own', () => {
    for (const [i, s] of session.snapshots.entries()) {
      for (const [n, view] of s.phones) expect(findSecrets(view, secrets), `phone ${n}, step ${i}`).toEqual([]);
    }
  });

  it('the host’s post-it list is sorted by id, not by when or by whom it was written', () => {
    const ids = session.snapshots[3]!.host.board!.postIts.map((p) => p.id);
    expect(new Set(ids)).toEqual(new Set(session.added));
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(ids).not.toEqual(session.added);
  });

  it('the beamer’s wall, published in one batch, is sorted by id, not by arrival', () => {
    const wall = session.snapshots[4]!.beamer.board!.postIts.map((p) => p.id);
    expect(wall).toEqual([...wall].sort());
    expect(wall).not.toEqual(session.added.filter((id) => wall.includes(id)));
  });

  it.each([
    ['reversed', [...inOrder].reverse()],
    ['shuffled', shuffled(PARTICIPANTS, 7)],
    ['shuffled again', shuffled(PARTICIPANTS, 2024)],
  ])('joining and writing in a different order (%s) gives exactly the same views', (_name, order) => {
    const other = busySession(order);
    expect(other.snapshots).toHaveLength(session.snapshots.length);
    for (const [i, s] of other.snapshots.entries()) {
      const same = session.snapshots[i]!;
      expect(s.host, `host view, step ${i}`).toEqual(same.host);
      expect(s.beamer, `beamer view, step ${i}`).toEqual(same.beamer);
      for (const [n, view] of s.phones) expect(view, `phone ${n}, step ${i}`).toEqual(same.phones.get(n));
    }
  });
});
