// Rooms for unit tests, built by code: a deck builder, the real decks, and makeRoom(), which drives
// the pure model (decide + apply) the way the server does, with a fixed clock and predictable ids;
// and random busy sessions (randomStep, runStep) for the privacy walk and the property test.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { BoardActivity, Card, ClassAge, Command, Deck, SchoolContacts } from '@protocol';
import { DEFAULT_MIN_GROUP_SIZE } from '@protocol';
import type { Actor, RoomEvent, RoomState } from '../../session-server/src/room/state.ts';
import type { Decision } from '../../session-server/src/room/decision.ts';
import { anonymise, apply, replay } from '../../session-server/src/room/apply.ts';
import { currentCard } from '../../session-server/src/room/cards.ts';
import { decide, decideJoin } from '../../session-server/src/room/decide.ts';
import { createRoomEvents } from '../../session-server/src/room/create.ts';
import { decidePublish } from '../../session-server/src/boards/decide-board.ts';
import { loadDecks } from '../../session-server/src/server/decks.ts';
import { participantHash } from '../../session-server/src/server/secrets.ts';

export const decksDir = resolve(import.meta.dirname, '../../decks');

let realDecks: Map<string, Deck> | undefined;
/** The decks in decks/*.yaml, validated by the same loader the server uses. */
export function realDeck(id: string): Deck {
  realDecks ??= loadDecks(decksDir);
  const deck = realDecks.get(id);
  if (!deck) throw new Error(`no deck ${id}`);
  return deck;
}

export const voteCard = (id: string, extra: Partial<Card> = {}): Card => ({
  id,
  kind: 'theme',
  title: `Thema ${id}`,
  summary: `Waar gaat ${id} over?`,
  vote: { question: `Hoe vaak zie je ${id}?` },
  ...extra,
});

export const boardCard = (id: string, board: Partial<BoardActivity> = {}, extra: Partial<Card> = {}): Card => ({
  id,
  kind: 'writing',
  title: `Schrijf over ${id}`,
  summary: 'Schrijf het op.',
  board: { prompt: 'Wat wil je kwijt?', layout: 'wall', ...board } as BoardActivity,
  ...extra,
});

export const columnsBoard = (moderation?: boolean): Partial<BoardActivity> => ({
  layout: 'columns',
  columns: [
    { id: 'goed', label: 'Wat gaat goed?', colour: 'groen' },
    { id: 'beter', label: 'Wat kan beter?', colour: 'geel' },
  ],
  ...(moderation === undefined ? {} : { moderation }),
});

export function makeDeck(options: { audience?: Deck['audience']; cards?: Card[]; title?: string } = {}): Deck {
  return {
    title: options.title ?? 'Testset',
    audience: options.audience ?? 'team',
    summary: 'Een kaartset die de tests zelf bouwen.',
    cards: options.cards ?? [
      { id: 'welkom', kind: 'opening', title: 'Welkom', summary: 'We beginnen.' },
      voteCard('pesten'),
      voteCard('online'),
      boardCard('muur'),
      boardCard('kolommen', columnsBoard()),
      { id: 'einde', kind: 'closing', title: 'Bedankt', summary: 'Tot ziens.' },
    ],
  };
}

/** A command without its idempotency key; the fixture numbers them. */
type WithoutId<C> = C extends unknown ? Omit<C, 'id'> : never;
export type CommandInput = WithoutId<Command>;

export const PARTICIPANT_KEY = 'unit-test-participant-key-0123456789abcdefg';

/** A phone's token as the server would see it (21 characters), and the keyed hash the model knows it by. */
export function makeParticipant(n: number, key = PARTICIPANT_KEY): { token: string; hash: string } {
  const token = `tok${String(n).padStart(4, '0')}`.padEnd(21, 'x');
  return { token, hash: participantHash(key, token) };
}

export interface RoomFixture {
  state: RoomState;
  /** Every event applied since the room was created, roomCreated first. */
  events: RoomEvent[];
  /** Participants (token + hash) in the order they joined. */
  participants: { token: string; hash: string }[];
  /** Decides as `actor` and applies the events if accepted; returns the decision. */
  run(actor: Actor, command: CommandInput, ids?: string[]): Decision;
  host(command: CommandInput, ids?: string[]): Decision;
  as(participant: string | number, command: CommandInput, ids?: string[]): Decision;
  /** Like run, but throws on a refusal: for setting up a scene. */
  must(actor: Actor | 'host' | number, command: CommandInput, ids?: string[]): Decision & { ok: true };
  join(count: number): { token: string; hash: string }[];
  joinOne(participant: { token: string; hash: string }): Decision;
  /**
   * Publishes approved post-its to the wall as the server's batch timer does. The default of 1 is
   * the server's second pass (after its random delay), which publishes whatever is waiting.
   */
  publish(minBatch?: number): RoomEvent[];
  /** Shows the card with this id (host card.goto). */
  goto(cardId: string): void;
  /** What the server does once a session ended: replace the history by the anonymised state. */
  seal(): void;
}

export function makeRoom(
  options: {
    deck?: Deck;
    deckId?: string;
    minGroupSize?: number;
    expectedGroupSize?: number | null;
    groupName?: string | null;
    contacts?: SchoolContacts;
    /** A class's age, as the start form sends it. */
    age?: ClassAge;
    participants?: number;
    now?: number;
    /** Fresh ids for post-its and clusters; a counter (id000001, ...) unless given. */
    newId?: () => string;
    /** The order small groups are drawn in; a seeded shuffle unless given. */
    shuffle?: <T>(items: T[]) => T[];
  } = {},
): RoomFixture {
  const deck = options.deck ?? makeDeck();
  const now = options.now ?? Date.UTC(2025, 2, 14, 9, 0);
  const created = createRoomEvents({
    code: 'ABC234',
    deckId: options.deckId ?? 'testset',
    deck,
    now,
    minGroupSize: options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
    expectedGroupSize: options.expectedGroupSize ?? null,
    groupName: options.groupName ?? null,
    contacts: options.contacts ?? { vertrouwenspersoon: { name: 'Mevrouw Bakker', phone: '010-1234567' }, mentor: 'Je mentor, lokaal 2.14' },
    age: options.age,
  });
  let seq = 0;
  let idSeq = 0;
  const shuffle = options.shuffle ?? seededShuffle(1);
  const fixture: RoomFixture = {
    state: replay(created)!,
    events: [...created],
    participants: [],
    run(actor, command, ids) {
      const queue = [...(ids ?? [])];
      const decision = decide(fixture.state, { id: `cmd-${String(++seq).padStart(6, '0')}`, ...command } as Command, {
        actor,
        now: now + seq * 1000,
        newId: () => queue.shift() ?? options.newId?.() ?? `id${String(++idSeq).padStart(6, '0')}`,
        shuffle,
      });
      if (decision.ok) commit(decision.events);
      return decision;
    },
    host: (command, ids) => fixture.run({ role: 'host' }, command, ids),
    as(participant, command, ids) {
      const hash = typeof participant === 'number' ? fixture.participants[participant]?.hash : participant;
      if (hash === undefined) throw new Error(`no participant #${participant}`);
      return fixture.run({ role: 'participant', participant: hash }, command, ids);
    },
    must(actor, command, ids) {
      const decision =
        actor === 'host' ? fixture.host(command, ids) : typeof actor === 'number' ? fixture.as(actor, command, ids) : fixture.run(actor, command, ids);
      if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error} (${decision.message})`);
      return decision;
    },
    join(count) {
      const joined = [];
      for (let i = 0; i < count; i++) {
        const participant = makeParticipant(fixture.participants.length);
        const decision = fixture.joinOne(participant);
        if (!decision.ok) throw new Error(`join refused: ${decision.error}`);
        joined.push(participant);
      }
      return joined;
    },
    joinOne(participant) {
      const decision = decideJoin(fixture.state, participant.hash, 500);
      if (decision.ok) {
        commit(decision.events);
        if (!fixture.participants.some((p) => p.hash === participant.hash)) fixture.participants.push(participant);
      }
      return decision;
    },
    publish(minBatch = 1) {
      const events = decidePublish(fixture.state, minBatch);
      commit(events);
      return events;
    },
    goto(cardId) {
      const index = fixture.state.deck.cards.findIndex((c) => c.id === cardId);
      if (index < 0) throw new Error(`no card ${cardId}`);
      fixture.must('host', { type: 'card.goto', index });
    },
    seal() {
      // Nothing is committed after sessionEnded, so it being last means the room is not sealed yet.
      if (fixture.events.at(-1)?.type === 'sessionEnded') commit([{ type: 'snapshot', state: anonymise(fixture.state) }]);
    },
  };
  function commit(events: RoomEvent[]) {
    for (const event of events) {
      fixture.state = apply(fixture.state, event);
      fixture.events.push(event);
    }
  }
  if (options.participants) fixture.join(options.participants);
  return fixture;
}

/** Every string (values and keys) anywhere inside a value, with the path where it was found. */
export function walkStrings(value: unknown, visit: (text: string, path: string, isKey: boolean) => void, path = '$'): void {
  if (typeof value === 'string') return visit(value, path, false);
  if (Array.isArray(value)) return value.forEach((item, i) => walkStrings(item, visit, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      visit(key, `${path}.${key}`, true);
      walkStrings(item, visit, `${path}.${key}`);
    }
  }
}

/** Paths where any of the secrets occurs (inside a string or as a key). Empty means none. */
export function findSecrets(value: unknown, secrets: string[]): string[] {
  const found: string[] = [];
  walkStrings(value, (text, path, isKey) => {
    for (const secret of secrets) if (text.includes(secret)) found.push(`${path}${isKey ? ' (key)' : ''}: ${secret}`);
  });
  return found;
}

/** Random-looking ids from a seeded counter (as the server's nanoid ids look): sorting them says nothing about order. */
export function seededIds(seed: number): () => string {
  let n = 0;
  return () => createHash('sha256').update(`${seed}:${++n}`).digest('base64url').slice(0, 12);
}

/** A seeded pick(n) in [0, n): the same numbers every run (a small LCG). */
export function seededPick(seed: number): (n: number) => number {
  let x = seed >>> 0;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
}

/** A seeded Fisher–Yates shuffle: the same order every run for the same seed and items. */
export function seededShuffle(seed: number): <T>(items: T[]) => T[] {
  const pick = seededPick(seed);
  return <T>(items: T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = pick(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
}

/** A deck with every kind of activity: a vote, an open wall, a moderated board, and a vote with a board. */
export const randomSessionDeck = (): Deck =>
  makeDeck({
    cards: [
      { id: 'welkom', kind: 'opening', title: 'Welkom', summary: 'We beginnen.' },
      voteCard('pesten'),
      boardCard('muur'),
      boardCard('kolommen', columnsBoard(true)),
      voteCard('online', { board: { prompt: 'Waar zie je het?', layout: 'columns', columns: columnsBoard().columns } }),
    ],
  });

/** One thing that happens in a random session; phones are named by number, not by join order. */
export type SessionStep =
  | { kind: 'join'; phone: number }
  | { kind: 'host'; command: CommandInput }
  | { kind: 'phone'; phone: number; command: CommandInput }
  | { kind: 'publish'; minBatch: number };

const RANDOM_TEXTS = ['Meer toezicht', 'Betere verlichting', 'Een vast aanspreekpunt', 'Bel me op 06-12345678', '  ', 'Idee nummer 7', 'x'.repeat(281)];

/**
 * A plausible next step of a busy session, read from the state so it mostly names things that exist
 * (and sometimes an old card or a foreign post-it, which the model must refuse). `pick(n)` is in [0, n).
 * It never ends the session: the caller decides when, so a session is not cut short by chance.
 */
export function randomStep(state: RoomState, people: { hash: string }[], pick: (n: number) => number): SessionStep {
  const card = currentCard(state);
  const cardId = pick(8) ? card.id : state.deck.cards[pick(state.deck.cards.length)]!.id;
  const board = state.boards[card.id];
  const ids = board ? Object.keys(board.postIts).sort() : [];
  const postItId = ids.length && pick(10) ? ids[pick(ids.length)]! : 'unknown1';
  const columns = card.board?.columns ?? [];
  const columnId = columns.length ? columns[pick(columns.length)]!.id : null;
  const clusterIds = board?.clusters.map((c) => c.id) ?? [];
  const phone = pick(people.length);
  const mine = board ? ids.filter((id) => board.postIts[id]!.author === people[phone]!.hash) : [];
  const ownPostIt = mine.length && pick(4) ? mine[pick(mine.length)]! : postItId;
  const text = RANDOM_TEXTS[pick(RANDOM_TEXTS.length)]!;
  const host = (command: CommandInput): SessionStep => ({ kind: 'host', command });
  const byPhone = (command: CommandInput): SessionStep => ({ kind: 'phone', phone, command });
  // Weighted choices; vote and board steps only where the card has them, so most steps do something.
  const choices: [number, () => SessionStep][] = [
    [5, () => ({ kind: 'join', phone })],
    [card.vote || card.board ? 1 : 4, () => host({ type: 'card.goto', index: pick(3) ? Math.min(state.cardIndex + 1, state.deck.cards.length - 1) : pick(state.deck.cards.length) })],
    [1, () => host({ type: 'room.lock', locked: !!pick(2) })],
    [1, () => host({ type: 'settings.minGroupSize', minGroupSize: pick(8) ? 3 + pick(3) : 50 })],
    [6, () => ({ kind: 'publish', minBatch: pick(2) ? 3 : 1 })],
  ];
  if (card.vote) {
    choices.push(
      [30, () => byPhone({ type: 'vote.cast', cardId, choice: (['nooit', 'soms', 'vaak', 'pas'] as const)[pick(4)]! })],
      [8, () => host({ type: 'result.reveal', cardId })],
      [3, () => host({ type: 'result.hide', cardId })],
      [1, () => host({ type: 'vote.newRound', cardId })],
      [1, () => host({ type: pick(2) ? 'vote.open' : 'vote.close', cardId })],
    );
  }
  if (card.board) {
    choices.push(
      [14, () => byPhone({ type: 'postIt.add', cardId, text, ...(columnId ? { columnId } : {}) })],
      [4, () => byPhone({ type: 'postIt.edit', cardId, postItId: ownPostIt, text })],
      [2, () => byPhone({ type: 'postIt.withdraw', cardId, postItId: ownPostIt })],
      [2, () => host({ type: 'postIt.approve', cardId, postItIds: ids.filter(() => pick(2)).concat(postItId) })],
      [2, () => host({ type: 'postIt.approveAll', cardId })],
      [2, () => host({ type: 'postIt.hide', cardId, postItId })],
      [2, () => host({ type: 'postIt.unhide', cardId, postItId })],
      [1, () => host({ type: 'postIt.highlight', cardId, postItId, highlighted: !!pick(2) })],
      [2, () => host({ type: 'postIt.merge', cardId, postItId, intoId: ids.length ? ids[pick(ids.length)]! : postItId })],
      [2, () => host({ type: 'postIt.move', cardId, postItId, clusterId: clusterIds.length && pick(2) ? clusterIds[pick(clusterIds.length)]! : null, ...(columnId ? { columnId } : {}) })],
      [1, () => host({ type: 'cluster.create', cardId, name: `Groep ${pick(4)}` })],
      [3, () => host({ type: pick(4) ? 'board.reveal' : 'board.hide', cardId })],
      [1, () => host({ type: pick(3) ? 'board.open' : 'board.close', cardId })],
    );
  }
  let roll = pick(choices.reduce((sum, [weight]) => sum + weight, 0));
  for (const [weight, make] of choices) {
    if (roll < weight) return make();
    roll -= weight;
  }
  throw new Error('unreachable');
}

/** Runs a step the way the server would (decideJoin, decide, decidePublish; apply), as phone `people[n]`. */
export function runStep(room: RoomFixture, step: SessionStep, people: { token: string; hash: string }[]): RoomEvent[] {
  const before = room.events.length;
  if (step.kind === 'join') room.joinOne(people[step.phone]!);
  else if (step.kind === 'host') room.host(step.command);
  else if (step.kind === 'phone') room.run({ role: 'participant', participant: people[step.phone]!.hash }, step.command);
  else room.publish(step.minBatch);
  return room.events.slice(before);
}
