// The deck format: one zod schema shared by the site's content collection and the server.
// Decks are data; nothing in code mentions a specific card or theme.
import { z } from 'zod';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'gebruik kleine letters, cijfers en streepjes (bijv. "online-veiligheid")');
const line = (max: number) => z.string().trim().min(1, 'mag niet leeg zijn').max(max, `hoogstens ${max} tekens`);

/** Post-it colours a deck may name; the site maps them to accessible colour pairs. */
export const BoardColour = z.enum(['groen', 'blauw', 'geel', 'roze', 'oranje', 'paars', 'grijs']);

export const VoteActivity = z.strictObject({
  /** The nooit / soms / vaak question, e.g. "Hoe vaak zie of merk je dit op school?" */
  question: line(200),
});

export const BoardColumn = z.strictObject({
  id: slug,
  label: line(120),
  colour: BoardColour,
});

export const BoardActivity = z
  .strictObject({
    prompt: line(200),
    /** columns: the deck names them; wall: one free wall the host may cluster. */
    layout: z.enum(['columns', 'wall']),
    columns: z.array(BoardColumn).max(6).optional(),
    /** Whether post-its need the host's approval before the beamer shows them. Defaults per deck audience. */
    moderation: z.boolean().optional(),
  })
  .superRefine((board, ctx) => {
    if (board.layout === 'columns' && !board.columns?.length) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'een bord met kolommen heeft minstens één kolom nodig' });
    }
    if (board.layout === 'wall' && board.columns) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'een vrije muur heeft geen kolommen' });
    }
    const ids = board.columns?.map((c) => c.id) ?? [];
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'kolom-id’s moeten uniek zijn' });
    }
  });

export const TalkActivity = z.strictObject({
  questions: z.array(line(200)).min(1).max(8),
});

export const CardKind = z.enum(['opening', 'theme', 'writing', 'dilemma', 'step', 'closing']);

export const Card = z.strictObject({
  id: slug,
  kind: CardKind,
  title: line(80),
  /** One line under the title. */
  summary: line(240),
  /** File name (without .svg) in decks/pictograms. */
  pictogram: slug.optional(),
  /** Concrete examples that make a theme tangible; a bare theme name misleads. */
  subItems: z.array(line(160)).max(12).optional(),
  /** Paragraphs or agreements shown as a list. */
  points: z.array(line(300)).max(12).optional(),
  vote: VoteActivity.optional(),
  board: BoardActivity.optional(),
  talk: TalkActivity.optional(),
});

export const Deck = z
  .strictObject({
    title: line(80),
    /** klas: a class of students; team: colleagues. Sets defaults such as moderation. */
    audience: z.enum(['klas', 'team']),
    summary: line(300),
    /** For the host: how long a session takes, what to prepare. */
    forHost: z.array(line(400)).max(10).optional(),
    cards: z.array(Card).min(1).max(60),
  })
  .superRefine((deck, ctx) => {
    const seen = new Set<string>();
    deck.cards.forEach((card, i) => {
      if (seen.has(card.id)) {
        ctx.addIssue({ code: 'custom', path: ['cards', i, 'id'], message: `kaart-id "${card.id}" komt twee keer voor` });
      }
      seen.add(card.id);
    });
  });

export type Deck = z.infer<typeof Deck>;
export type Card = z.infer<typeof Card>;
export type BoardActivity = z.infer<typeof BoardActivity>;
export type BoardColour = z.infer<typeof BoardColour>;

/** Formats a deck validation failure so a deck author finds the file and the field. */
export function describeDeckError(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  - ${issue.path.join('.') || '(deck)'}: ${issue.message}`);
  return `Kaartset ${file} klopt niet:\n${lines.join('\n')}`;
}
