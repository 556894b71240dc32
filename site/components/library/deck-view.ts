// How the library, deck, print and usage pages read a deck: who a card is for, its theme, the
// table of contents, the printed sheets and the lesson clock. Pure functions over deck data.
import type { Card, Deck, DeckTheme } from '@protocol';

export type Audience = NonNullable<Card['audience']>[number];

export const AUDIENCE_LABEL: Record<Audience, string> = { vo: 'VO', mbo: 'MBO', team: 'Team' };
export const AUDIENCES = Object.keys(AUDIENCE_LABEL) as Audience[];

/** A card names its audience; otherwise it is for whom its deck is for (a class: vo and mbo). */
export function cardAudience(card: Card, deck: Pick<Deck, 'audience'>): Audience[] {
  return card.audience ?? (deck.audience === 'team' ? ['team'] : ['vo', 'mbo']);
}

export function cardTheme(card: Card, deck: Pick<Deck, 'themes'>): DeckTheme | undefined {
  return card.theme ? deck.themes?.find((t) => t.id === card.theme) : undefined;
}

/** The anchor of a card on its deck page; the library and the usage page link to it. */
export const cardAnchor = (card: Pick<Card, 'id'>) => `kaart-${card.id}`;

export interface CardGroup {
  /** Undefined for the cards without a theme, or for a deck without themes. */
  theme?: DeckTheme;
  title: string;
  /** Each card with its place in the session (1-based). */
  cards: { card: Card; number: number }[];
}

/**
 * A deck's contents. With themes: the cards before the first themed card ("Begin"), each theme in
 * the deck's order, then the other cards ("Afronden"); without themes: all cards in their order.
 */
export function cardGroups(deck: Pick<Deck, 'cards' | 'themes'>): CardGroup[] {
  const numbered = deck.cards.map((card, i) => ({ card, number: i + 1 }));
  if (!deck.themes?.length) return [{ title: 'De kaarten', cards: numbered }];
  const firstThemed = numbered.findIndex(({ card }) => card.theme);
  const unthemed = numbered.filter(({ card }) => !card.theme);
  const groups: CardGroup[] = [
    { title: 'Begin', cards: unthemed.filter(({ number }) => firstThemed < 0 || number <= firstThemed) },
    ...deck.themes.map((theme) => ({ theme, title: theme.title, cards: numbered.filter(({ card }) => card.theme === theme.id) })),
    { title: 'Afronden', cards: unthemed.filter(({ number }) => firstThemed >= 0 && number > firstThemed) },
  ];
  return groups.filter((g) => g.cards.length > 0);
}

/** A4 portrait holds four A6 cards (2 × 2). */
export const CARDS_PER_SHEET = 4;

/** Every card prints: a lesson without phones needs the opening and closing cards too. */
export function printableCards(deck: Pick<Deck, 'cards'>): Card[] {
  return deck.cards;
}

export function sheetCount(deck: Pick<Deck, 'cards'>): number {
  return Math.ceil(printableCards(deck).length / CARDS_PER_SHEET);
}

export function sheets<T>(cards: T[], perSheet = CARDS_PER_SHEET): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < cards.length; i += perSheet) result.push(cards.slice(i, i + perSheet));
  return result;
}

/** "0:05" for five minutes, "1:00" for an hour. */
export function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The steps of a plan with their start and end on the lesson clock ("0:00–0:05"). */
export function timedSteps<T extends { minutes: number }>(steps: T[]): (T & { from: string; to: string })[] {
  let start = 0;
  return steps.map((step) => {
    const from = start;
    start += step.minutes;
    return { ...step, from: clock(from), to: clock(start) };
  });
}
