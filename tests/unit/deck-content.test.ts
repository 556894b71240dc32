// The dilemma decks as content: every deck in decks/ loads; every dilemma card has what a lesson
// needs (theme, audience, scale, two or three questions); a situation reads on a phone in about
// 15 seconds; no two cards in a deck tell the same situation; the decks the issue asks for exist
// with at least 30 cards over at least five themes.
import { describe, expect, it } from 'vitest';
import { Deck, type Card } from '@protocol';
import { loadDecks } from '../../session-server/src/server/decks.ts';
import { decksDir } from '../support/room-fixture.ts';

/**
 * A situation a phone reads in about 15 seconds: B1 readers read roughly 150–180 words a minute,
 * so 40 words; and 240 characters, about six lines on a 320 px phone.
 */
export const PHONE_READING = { words: 40, chars: 240 } as const;
/** Two cards share more than this share of their word pairs: they tell the same situation. */
export const NEAR_DUPLICATE = 0.4;

const words = (text: string) => text.toLocaleLowerCase('nl').match(/[\p{L}\p{N}]+/gu) ?? [];

function bigrams(text: string): Set<string> {
  const w = words(text);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) pairs.add(`${w[i]} ${w[i + 1]}`);
  return pairs;
}

/** Jaccard similarity of the word pairs of two texts. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const pair of x) if (y.has(pair)) shared++;
  return shared / (x.size + y.size - shared);
}

export function tooLongForAPhone(card: Card): string | null {
  const count = words(card.summary).length;
  if (count > PHONE_READING.words) return `${count} woorden (hoogstens ${PHONE_READING.words})`;
  if (card.summary.length > PHONE_READING.chars) return `${card.summary.length} tekens (hoogstens ${PHONE_READING.chars})`;
  return null;
}

export function nearDuplicates(deck: Deck): [string, string, number][] {
  const dilemmas = deck.cards.filter((c) => c.kind === 'dilemma');
  const found: [string, string, number][] = [];
  for (let i = 0; i < dilemmas.length; i++) {
    for (let j = i + 1; j < dilemmas.length; j++) {
      const s = similarity(dilemmas[i]!.summary, dilemmas[j]!.summary);
      if (s > NEAR_DUPLICATE) found.push([dilemmas[i]!.id, dilemmas[j]!.id, Math.round(s * 100) / 100]);
    }
  }
  return found;
}

const decks = loadDecks(decksDir);
const withDilemmas = [...decks].filter(([, deck]) => deck.cards.some((c) => c.kind === 'dilemma'));

describe('the decks the lessons need', () => {
  it.each([
    ['dilemmas-klas', 'klas'],
    ['dilemmas-team', 'team'],
  ])('%s has at least 30 dilemma cards over at least five themes, and an afspraken card', (id, audience) => {
    const deck = decks.get(id)!;
    expect(deck.audience).toBe(audience);
    const dilemmas = deck.cards.filter((c) => c.kind === 'dilemma');
    expect(dilemmas.length).toBeGreaterThanOrEqual(30);
    expect(new Set(dilemmas.map((c) => c.theme)).size).toBeGreaterThanOrEqual(5);
    expect(deck.cards.some((c) => c.kind === 'afspraken')).toBe(true);
    // Several scales, so a lesson can play cards that ask differently.
    const scales = new Set(dilemmas.map((c) => (typeof c.vote!.scale === 'string' ? c.vote!.scale : 'eigen')));
    expect(scales.size).toBeGreaterThanOrEqual(3);
    expect(deck.usage, 'a plan for one lesson or meeting').toBeDefined();
  });

  it('the voorlichting deck asks waar / niet waar, each with its answer and explanation', () => {
    const deck = decks.get('voorlichting-vertrouwenspersoon')!;
    const statements = deck.cards.filter((c) => c.vote?.scale === 'waar-niet-waar');
    expect(statements.length).toBeGreaterThanOrEqual(6);
    for (const card of statements) expect(card.vote, card.id).toMatchObject({ answer: expect.any(String), explanation: expect.any(String) });
  });
});

describe.each(withDilemmas)('deck %s', (_id, deck) => {
  it('every dilemma card has a theme of the deck, an audience, a scale and two or three questions', () => {
    const themes = new Set(deck.themes?.map((t) => t.id));
    for (const card of deck.cards.filter((c) => c.kind === 'dilemma')) {
      expect(themes.has(card.theme!), `${card.id}: theme`).toBe(true);
      expect(card.audience?.length, `${card.id}: audience`).toBeGreaterThan(0);
      expect(card.vote?.scale, `${card.id}: scale`).toBeDefined();
      expect(card.talk?.questions.length, `${card.id}: questions`).toBeGreaterThanOrEqual(2);
      expect(card.talk?.questions.length, `${card.id}: questions`).toBeLessThanOrEqual(3);
    }
  });

  it('every situation reads on a phone in about 15 seconds', () => {
    const long = deck.cards.filter((c) => c.kind === 'dilemma').map((c) => [c.id, tooLongForAPhone(c)]).filter(([, why]) => why);
    expect(long).toEqual([]);
  });

  it('no two cards tell the same situation', () => {
    expect(nearDuplicates(deck)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const card = (id: string, summary: string): Card => ({
    id,
    kind: 'dilemma',
    title: id,
    summary,
    theme: 't',
    audience: ['mbo'],
    vote: { question: 'Oké?', scale: 'eens-oneens' },
    talk: { questions: ['Waarom?', 'Wat nu?'] },
  });
  const deckOf = (cards: Card[]): Deck => ({ title: 'T', audience: 'klas', summary: 'T', themes: [{ id: 't', title: 'T', colour: 'groen' }], cards });

  it('a situation of 41 words, or of 241 characters, is too long', () => {
    expect(tooLongForAPhone(card('a', Array.from({ length: 41 }, () => 'kort').join(' ')))).toMatch(/41 woorden/);
    expect(tooLongForAPhone(card('a', `${'lang'.repeat(60)} x`))).toMatch(/tekens/);
    expect(tooLongForAPhone(card('a', 'Een klasgenoot zegt iets over je afkomst in de groepsapp.'))).toBeNull();
  });

  it('the same situation told with a word changed is a near-duplicate; a different one is not', () => {
    const a = 'Een klasgenoot deelt in de groepsapp een filmpje van een student die valt in de gymzaal.';
    const b = 'Een klasgenoot deelt in de groepsapp een filmpje van een docent die valt in de gymzaal.';
    const c = 'Je stagebegeleider vraagt je om na werktijd nog even te blijven om samen iets te drinken.';
    expect(nearDuplicates(deckOf([card('a', a), card('b', b)]))).toHaveLength(1);
    expect(nearDuplicates(deckOf([card('a', a), card('c', c)]))).toEqual([]);
  });
});

describe('care around hard themes (issue 12)', () => {
  const klasOpenings = [...decks].filter(([, d]) => d.audience === 'klas').map(([id, d]) => [id, d.cards.find((c) => c.kind === 'opening')!] as const);

  it.each(['focusgroep', 'veilig-op-stage'])('%s opens with at most six short agreements, post-its read first and no photos', (id) => {
    const points = decks.get(id)!.cards.find((c) => c.kind === 'opening')!.points!;
    expect(points.length).toBeLessThanOrEqual(6);
    for (const point of points) expect(point.length, point).toBeLessThanOrEqual(PHONE_READING.chars);
    expect(points.some((p) => /post-its/.test(p) && /beamer/.test(p))).toBe(true);
    expect(points.some((p) => /foto/.test(p) && /scherm/.test(p))).toBe(true);
    // The legal duty to report is about a staff member and a student under 18; adults fall under the school's protocol.
    expect(points.some((p) => /medewerker/.test(p) && /onder de 18/.test(p) && /protocol/.test(p))).toBe(true);
  });

  it('no klas opening has more than six agreements', () => {
    expect(klasOpenings.filter(([, c]) => (c.points?.length ?? 0) > 6).map(([id]) => id)).toEqual([]);
  });

  it.each([
    ['focusgroep', ['seksueel-geweld', 'lhbtiq', 'discussies']],
    ['focusgroep-team', ['seksueel-geweld-team', 'lhbtiq-team', 'discussies-team', 'eigen-gedrag-team']],
  ])('%s announces its sensitive themes, with notes for the host and help of their own', (id, cardIds) => {
    for (const cardId of cardIds) {
      const card = decks.get(id)!.cards.find((c) => c.id === cardId)!;
      expect(card.notice, cardId).toBeTruthy();
      expect(card.hostNotes, cardId).toBeTruthy();
      expect(card.help?.length, cardId).toBeGreaterThan(0);
    }
    const sexual = decks.get(id)!.cards.find((c) => c.id.startsWith('seksueel-geweld'))!;
    expect(sexual.help).toEqual(expect.arrayContaining(['centrum-seksueel-geweld', 'helpwanted']));
    expect(sexual.subItems!.some((s) => /stage/.test(s))).toBe(true);
    expect(sexual.subItems!.some((s) => /straat/.test(s))).toBe(true);
  });

  it('no deck tells a participant that the meldplicht belongs to the school', () => {
    const said = [...decks].flatMap(([id, d]) =>
      d.cards.flatMap((c) => [c.summary, ...(c.points ?? [])].filter((t) => /meldplicht van de school/i.test(t)).map((t) => `${id}/${c.id}: ${t}`)),
    );
    expect(said).toEqual([]);
  });

  it('no card promises more post-its than a phone may write', () => {
    const unlimited = [...decks].flatMap(([id, d]) =>
      d.cards.flatMap((c) => [c.summary, ...(c.points ?? []), c.board?.prompt ?? ''].filter((t) => /zoveel post-its|onbeperkt/i.test(t)).map(() => `${id}/${c.id}`)),
    );
    expect(unlimited).toEqual([]);
  });
});
