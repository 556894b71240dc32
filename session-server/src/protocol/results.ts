// The results export (JSON; the CSV is built from the same data): aggregates and post-it texts only.
import { z } from 'zod';

export const TOO_FEW = 'te weinig antwoorden';
const Status = z.enum(['ok', TOO_FEW]);

export const ExportedCard = z.strictObject({
  id: z.string(),
  title: z.string(),
  vote: z
    .strictObject({
      question: z.string(),
      status: Status,
      minimumReached: z.boolean(),
      counts: z.strictObject({ nooit: z.number().int(), soms: z.number().int(), vaak: z.number().int() }).nullable(),
      passes: z.number().int().nullable(),
    })
    .nullable(),
  board: z
    .strictObject({
      prompt: z.string(),
      status: Status,
      postIts: z.array(
        z.strictObject({
          text: z.string(),
          column: z.string().nullable(),
          cluster: z.string().nullable(),
          count: z.number().int(),
          highlighted: z.boolean(),
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
  cards: z.array(ExportedCard),
});

export type ExportedCard = z.infer<typeof ExportedCard>;
export type ResultsExport = z.infer<typeof ResultsExport>;
