// Dutch words for deck values, kept in one place so every screen says the same thing.
import type { BoardColour, Card } from '@protocol';

export const CARD_KIND_LABEL: Record<Card['kind'], string> = {
  opening: 'Opening',
  theme: 'Thema',
  writing: 'Schrijven',
  dilemma: 'Dilemma',
  afspraken: 'Afspraken',
  step: 'Stap',
  closing: 'Afsluiting',
};

/** The colour of a column's post-its, by column id; a wall without columns uses yellow paper. */
export function columnColour(card: Card | null, columnId: string | null): BoardColour {
  return card?.board?.columns?.find((c) => c.id === columnId)?.colour ?? 'geel';
}

export function columnLabel(card: Card | null, columnId: string | null): string | undefined {
  return card?.board?.columns?.find((c) => c.id === columnId)?.label;
}
