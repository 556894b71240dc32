// Answer scales: the options a card's vote offers. Plain values without zod, so the phone can
// resolve a card's options without downloading the schemas (see constants.ts).
//
// Every scale runs through the same vote model: a choice is an option id or 'pas', a tally counts
// option ids, and every privacy rule (minimum group size, batching, frozen snapshots) is the same.

export interface ScaleOptionSpec {
  /** Stable id, stored with each answer: a slug, never 'pas'. */
  id: string;
  /** What the button says: one or two words. */
  label: string;
  /** For a deck's own options ("wat zou jij doen?"): the option's text under its label. */
  text?: string;
}

/** The scales every deck may name, in the order phones and beamer show them. */
export const NAMED_SCALES = {
  'nooit-soms-vaak': [
    { id: 'nooit', label: 'Nooit' },
    { id: 'soms', label: 'Soms' },
    { id: 'vaak', label: 'Vaak' },
  ],
  'oke-twijfel-niet-oke': [
    { id: 'oke', label: 'Oké' },
    { id: 'twijfel', label: 'Twijfel' },
    { id: 'niet-oke', label: 'Niet oké' },
  ],
  'eens-oneens': [
    { id: 'eens', label: 'Eens' },
    { id: 'oneens', label: 'Oneens' },
  ],
  'waar-niet-waar': [
    { id: 'waar', label: 'Waar' },
    { id: 'niet-waar', label: 'Niet waar' },
  ],
} as const satisfies Record<string, readonly ScaleOptionSpec[]>;

export type ScaleName = keyof typeof NAMED_SCALES;
export const SCALE_NAMES = Object.keys(NAMED_SCALES) as [ScaleName, ...ScaleName[]];

/** How a deck names a scale: one of the named ones, or two to five options of its own. */
export type ScaleSpec = ScaleName | { options: ScaleOptionSpec[] };

/** A pass ("sla over") is a reaction, not an answer; no option may use this id. */
export const PASS = 'pas';

/** The options of a vote, in display order. A vote without a scale is nooit / soms / vaak. */
export function scaleOptions(vote: { scale?: ScaleSpec } | undefined): readonly ScaleOptionSpec[] {
  const scale = vote?.scale ?? 'nooit-soms-vaak';
  return typeof scale === 'string' ? NAMED_SCALES[scale] : scale.options;
}

/** A short description of the scale for a host or a printed card: "nooit, soms of vaak". */
export function scaleInWords(vote: { scale?: ScaleSpec } | undefined): string {
  const labels = scaleOptions(vote).map((o) => o.label.toLowerCase());
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} of ${labels[labels.length - 1]}` : (labels[0] ?? '');
}

/**
 * Whether a revealed result shows a room that thinks differently: no option has a clear majority.
 * With two options 55/45 is not clear, so the bar is 60%; with three or more it is more than half.
 * This is where the conversation starts, so the beamer says so.
 */
export function isSplit(counts: Record<string, number>, optionCount: number): boolean {
  const values = Object.values(counts);
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return false;
  const top = Math.max(...values);
  return optionCount <= 2 ? top / total < 0.6 : top / total <= 0.5;
}
