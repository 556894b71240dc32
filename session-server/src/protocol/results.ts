// The results export (JSON; the CSV is built from the same data): aggregates and post-it texts only.
import { z } from 'zod';

export const TOO_FEW = 'te weinig antwoorden';
/** During a session the export holds only what the beamer showed. */
export const NOT_SHOWN = 'nog niet getoond';
const Status = z.enum(['ok', TOO_FEW, NOT_SHOWN]);
/** Counts per option id; `options` on the vote gives their order and labels. */
const Counts = z.record(z.string(), z.number().int());

export const ExportedCard = z.strictObject({
  id: z.string(),
  title: z.string(),
  vote: z
    .strictObject({
      question: z.string(),
      /** The card's answer options, in order, so a report reads without the deck. */
      options: z.array(z.strictObject({ id: z.string(), label: z.string() })),
      /** The round these counts belong to (1 unless the host started a new round). */
      round: z.number().int(),
      status: Status,
      /** The vote was never opened, so certainly nobody answered; the report leaves it out. */
      nobodyAnswered: z.boolean(),
      minimumReached: z.boolean(),
      counts: Counts.nullable(),
      passes: z.number().int().nullable(),
      /** Shown counts with no clear majority (see protocol/scales.ts isSplit); false when nothing is shown. */
      split: z.boolean(),
      /** Results of earlier rounds that were shown. */
      earlierRounds: z.array(z.strictObject({ round: z.number().int(), counts: Counts, passes: z.number().int() })),
      /** Overloop cards only: how the room moved this round, as the beamer showed it (null: too few had a side). */
      series: z.array(z.strictObject({ at: z.string(), counts: Counts.nullable() })).optional(),
    })
    .nullable(),
  board: z
    .strictObject({
      prompt: z.string(),
      status: Status,
      /** Certainly nobody wrote here: the board was never opened, or the session ended without a post-it.
       *  Never said of a live, opened board, where its flip would mark the moment the first person wrote. */
      nobodyWrote: z.boolean(),
      postIts: z.array(
        z.strictObject({
          text: z.string(),
          column: z.string().nullable(),
          cluster: z.string().nullable(),
          count: z.number().int(),
          highlighted: z.boolean(),
          /** Afspraken cards only: supports and whether the group adopted it. */
          supports: z.number().int().optional(),
          adopted: z.boolean().optional(),
        }),
      ),
    })
    .nullable(),
});

export const ResultsExport = z.strictObject({
  deck: z.string(),
  deckId: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  minGroupSize: z.number().int(),
  joined: z.number().int(),
  /** The group's name, if the host gave one ("klas 3B"). */
  groupName: z.string().nullable(),
  /** The afspraken the group adopted, for the poster "Onze afspraken". */
  afspraken: z.array(z.strictObject({ text: z.string(), supports: z.number().int() })),
  /** A team meeting's record for its report: never the case itself, never who said what. */
  meeting: z
    .strictObject({
      dilemma: z.string().nullable(),
      conclusions: z.array(z.string()),
      actions: z.array(z.strictObject({ what: z.string(), who: z.string(), when: z.string() })),
      sharedActions: z.array(z.string()),
    })
    .nullable(),
  cards: z.array(ExportedCard),
});

export type ExportedCard = z.infer<typeof ExportedCard>;
export type ResultsExport = z.infer<typeof ResultsExport>;
