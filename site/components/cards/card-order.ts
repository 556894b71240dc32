// The steps of picking a hand of cards: add, take out, move and shuffle, as pure functions on a
// list of card ids. The server decides what may be played; these only keep the host's draft tidy.

export interface PickerCard {
  id: string;
  title: string;
  kind: string;
  theme: string | null;
}

/** Kinds that open a session: a shuffle keeps them in front. */
const OPENING_KINDS: ReadonlySet<string> = new Set(['opening']);
/** Kinds that close one (the group's afspraken, the closing card): a shuffle keeps them last. */
const CLOSING_KINDS: ReadonlySet<string> = new Set(['afspraken', 'closing']);
/** The kind a shuffle mixes; other cards in the middle keep their place. */
const SHUFFLED_KIND = 'dilemma';

/**
 * The selection with `ids` added, each where it falls in the deck: right after the nearest card
 * before it in the deck that is already picked, so an added closing card lands at the end and an
 * added dilemma lands among its neighbours instead of after the closing card.
 */
export function withCards(selected: readonly string[], ids: readonly string[], deckOrder: readonly string[]): string[] {
  const result = [...selected];
  for (const id of ids) {
    if (result.includes(id)) continue;
    const at = deckOrder.indexOf(id);
    let place = 0;
    for (let i = at - 1; i >= 0; i--) {
      const before = result.indexOf(deckOrder[i]!);
      if (before >= 0) {
        place = before + 1;
        break;
      }
    }
    result.splice(place, 0, id);
  }
  return result;
}

/** The selection without `ids`, except the locked card, which stays where it is. */
export function withoutCards(selected: readonly string[], ids: readonly string[], locked?: string | null): string[] {
  const out = new Set(ids.filter((id) => id !== locked));
  return selected.filter((id) => !out.has(id));
}

/** The selection with one card moved one place earlier (-1) or later (+1). */
export function moveCard(selected: readonly string[], id: string, by: -1 | 1): string[] {
  const from = selected.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= selected.length) return [...selected];
  const result = [...selected];
  result.splice(from, 1);
  result.splice(to, 0, id);
  return result;
}

/**
 * A new order for a session: opening cards first, the dilemma cards in a random order, the
 * afspraken and closing cards last. Other cards in the middle keep their places.
 */
export function shuffleCards(selected: readonly string[], kindOf: (id: string) => string | undefined, random: () => number = Math.random): string[] {
  const kind = (id: string) => kindOf(id) ?? '';
  const first = selected.filter((id) => OPENING_KINDS.has(kind(id)));
  const last = selected.filter((id) => CLOSING_KINDS.has(kind(id)));
  const middle = selected.filter((id) => !OPENING_KINDS.has(kind(id)) && !CLOSING_KINDS.has(kind(id)));
  const mixed = middle.filter((id) => kind(id) === SHUFFLED_KIND);
  for (let i = mixed.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [mixed[i], mixed[j]] = [mixed[j]!, mixed[i]!];
  }
  let next = 0;
  const shuffledMiddle = middle.map((id) => (kind(id) === SHUFFLED_KIND ? mixed[next++]! : id));
  return [...first, ...shuffledMiddle, ...last];
}

/** How many selected cards a shuffle would mix. */
export function shuffleableCount(selected: readonly string[], kindOf: (id: string) => string | undefined): number {
  return selected.filter((id) => kindOf(id) === SHUFFLED_KIND).length;
}

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
