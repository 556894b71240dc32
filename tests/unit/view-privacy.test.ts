// No view for any role contains a participant token or hash, or anything ordered by who joined or
// wrote first. A busy class session is played out, and every view of it is walked.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BeamerView, HostView, ParticipantView, ResultsExport, type VoteChoice } from '@protocol';
import type { RoomEvent, RoomState } from '../../session-server/src/room/state.ts';
import { replay } from '../../session-server/src/room/apply.ts';
import { own } from '../../session-server/src/room/own.ts';
import { exportResults, resultsToCsv } from '../../session-server/src/room/export.ts';
import { beamerView, hostView, participantView } from '../../session-server/src/room/views.ts';
import {
  findSecrets,
  makeParticipant,
  makeRoom,
  randomSessionDeck,
  randomStep,
  realDeck,
  runStep,
  seededIds,
  seededPick,
  type SessionStep,
} from '../support/room-fixture.ts';

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
    expect(revealed).toEqual({ state: 'shown', counts: { nooit: 5, soms: 5, vaak: 5 }, answered: 15, passes: 5, split: true });
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

/** Every view a role can get of one moment, and the report the host can download then. */
interface Moment {
  host: HostView;
  beamer: BeamerView;
  /** Only phones that joined get a view; keyed by phone number, never by join order. */
  phones: Map<number, ParticipantView>;
  report: ResultsExport;
  csv: string;
}

function momentOf(state: RoomState, people: { hash: string }[], joined: Set<number>): Moment {
  const report = exportResults(state);
  return {
    host: hostView(state),
    beamer: beamerView(state),
    phones: new Map([...joined].sort((a, b) => a - b).map((n) => [n, participantView(state, people[n]!.hash)])),
    report,
    csv: resultsToCsv(report),
  };
}

const RANDOM_PHONES = 12;
const RANDOM_STEPS = 250;
const OTHER_KEY = 'another-session-key-for-the-same-phones-00';

/**
 * A random busy session on a deck with every activity: a third of the phones join later, the host
 * reveals, hides, starts rounds, locks, moderates and arranges, the batch timer publishes, and the
 * session ends and is sealed. Replays `script` when given (with other phones or another join order).
 */
function randomSession(seed: number, people: { token: string; hash: string }[], script?: SessionStep[]) {
  const room = makeRoom({ deck: randomSessionDeck(), minGroupSize: 3, newId: seededIds(seed) });
  const pick = seededPick(seed);
  const steps: SessionStep[] = script ? [] : shuffled(RANDOM_PHONES, seed).slice(0, (RANDOM_PHONES * 2) / 3).map((phone) => ({ kind: 'join', phone }));
  const joined = new Set<number>();
  const moments: Moment[] = [];
  const total = script?.length ?? steps.length + RANDOM_STEPS + 1;
  for (let i = 0; i < total; i++) {
    const step = script?.[i] ?? steps[i] ?? (i === total - 1 ? { kind: 'host', command: { type: 'session.end' } } : randomStep(room.state, people, pick));
    if (!script && !steps[i]) steps.push(step);
    runStep(room, step, people);
    if (step.kind === 'join' && own(room.state.participants, people[step.phone]!.hash)) joined.add(step.phone);
    room.seal();
    moments.push(momentOf(room.state, people, joined));
  }
  return { room, steps, moments, joined };
}

/** The same script with each run of joins in reverse order. */
function reverseJoinRuns(steps: SessionStep[]): SessionStep[] {
  const out: SessionStep[] = [];
  let run: SessionStep[] = [];
  for (const step of [...steps, null]) {
    if (step?.kind === 'join') run.push(step);
    else {
      out.push(...run.reverse());
      run = [];
      if (step) out.push(step);
    }
  }
  return out;
}

describe('view privacy in a random busy session', () => {
  const seeds = [7, 2024, 777];
  const people = Array.from({ length: RANDOM_PHONES }, (_, n) => makeParticipant(n));
  const others = Array.from({ length: RANDOM_PHONES }, (_, n) => makeParticipant(n, OTHER_KEY));
  const secrets = [...people, ...others].flatMap((p) => [p.hash, p.token]);
  const sessions = seeds.map((seed) => ({ seed, ...randomSession(seed, people) }));

  it.each(sessions)('seed $seed: the session is busy enough to mean something', ({ room, steps, moments }) => {
    const kinds = new Set(steps.map((s) => (s.kind === 'host' || s.kind === 'phone' ? s.command.type : s.kind)));
    for (const kind of ['join', 'vote.cast', 'result.reveal', 'postIt.add', 'postIt.hide', 'publish', 'session.end']) expect(kinds).toContain(kind);
    expect(moments.some((m) => m.beamer.vote?.result.state === 'shown')).toBe(true);
    expect(moments.some((m) => (m.beamer.board?.postIts.length ?? 0) > 0)).toBe(true);
    expect(room.state.status).toBe('ended');
  });

  it.each(sessions)('seed $seed: no view or report at any moment holds a participant hash or token', ({ moments }) => {
    for (const [i, m] of moments.entries()) {
      expect(findSecrets([m.host, m.beamer, [...m.phones.values()], m.report], secrets), `step ${i}`).toEqual([]);
      for (const secret of secrets) expect(m.csv.includes(secret), `csv, step ${i}`).toBe(false);
    }
  });

  it.each(sessions)('seed $seed: every view has exactly the fields its schema allows', ({ moments }) => {
    for (const [i, m] of moments.entries()) {
      expect(HostView.safeParse(m.host).success, `host view, step ${i}`).toBe(true);
      expect(BeamerView.safeParse(m.beamer).success, `beamer view, step ${i}`).toBe(true);
      for (const view of m.phones.values()) expect(ParticipantView.safeParse(view).success, `phone view, step ${i}`).toBe(true);
      expect(ResultsExport.safeParse(m.report).success, `report, step ${i}`).toBe(true);
    }
  });

  it.each(sessions)('seed $seed: host and beamer always show the same vote result', ({ moments }) => {
    for (const [i, m] of moments.entries()) expect(m.host.vote?.result ?? null, `step ${i}`).toEqual(m.beamer.vote?.result ?? null);
  });

  it.each(sessions)('seed $seed: a reconnect, or a server that restarted from its stored events, gets the same views', ({ seed, steps }) => {
    const replayed = makeRoom({ deck: randomSessionDeck(), minGroupSize: 3, newId: seededIds(seed) });
    const joined = new Set<number>();
    for (const [i, step] of steps.entries()) {
      runStep(replayed, step, people);
      if (step.kind === 'join' && own(replayed.state.participants, people[step.phone]!.hash)) joined.add(step.phone);
      replayed.seal();
      const now = momentOf(replayed.state, people, joined);
      expect(momentOf(replayed.state, people, joined), `rebuilt, step ${i}`).toEqual(now);
      if (i % 25 === 0 || i === steps.length - 1) {
        const restarted = replay(JSON.parse(JSON.stringify(replayed.events)) as RoomEvent[])!;
        expect(momentOf(restarted, people, joined), `restarted, step ${i}`).toEqual(now);
      }
    }
  });

  it.each(sessions)('seed $seed: other phones (another session key) see exactly the same views', ({ seed, steps, moments }) => {
    const other = randomSession(seed, others, steps);
    expect(other.moments).toEqual(moments);
  });

  it.each(sessions)('seed $seed: phones that join in another order see exactly the same views once all joined', ({ seed, steps, moments }) => {
    const other = randomSession(seed, people, reverseJoinRuns(steps));
    for (const [i, step] of steps.entries()) {
      // Inside a run of joins the two sessions are at different phones; after it they must agree.
      if (step.kind === 'join' && steps[i + 1]?.kind === 'join') continue;
      expect(other.moments[i], `step ${i}`).toEqual(moments[i]);
    }
  });
});
