// Which help lines fit whom, without zod: the phone's light page lists help with this (help.ts holds
// the schemas and re-exports it).
import type { NationalHelpLine } from './help.ts';

/**
 * Who a session is for, as far as help goes: a class under 18, a class of 18 or older, or
 * colleagues. A mixed class counts as both class audiences.
 */
export const HELP_AUDIENCES = ['klas-onder-18', 'klas-18-plus', 'team'] as const;
export type HelpAudience = (typeof HELP_AUDIENCES)[number];

/** The age of a class, asked when starting a class session; a mixed class gets both lines. */
export const CLASS_AGES = ['onder-18', '18-plus', 'gemengd'] as const;
export type ClassAge = (typeof CLASS_AGES)[number];

/** Every audience: what a phone lists before it knows which session it is in. */
export const ALL_HELP_AUDIENCES: readonly HelpAudience[] = HELP_AUDIENCES;

/** Which help audiences a session serves: a team deck its staff, a class deck by the age the host chose. */
export function helpAudiencesOf(deckAudience: 'klas' | 'team', age: ClassAge | undefined): HelpAudience[] {
  if (deckAudience === 'team') return ['team'];
  if (age === 'onder-18') return ['klas-onder-18'];
  if (age === '18-plus') return ['klas-18-plus'];
  return ['klas-onder-18', 'klas-18-plus'];
}

/**
 * The help lines to list: first the ones the cards name (they fit what was just discussed), then
 * the general lines for these audiences, each once, in the data file's order. Phone help dialog and
 * closing screen both list exactly this.
 */
export function helpLinesFor(lines: readonly NationalHelpLine[], audiences: readonly HelpAudience[], cardHelpIds: readonly string[]): NationalHelpLine[] {
  const named = new Set(cardHelpIds);
  const forCards = lines.filter((line) => named.has(line.id));
  const general = lines.filter((line) => !named.has(line.id) && line.audiences.some((a) => audiences.includes(a)));
  return [...forCards, ...general];
}
