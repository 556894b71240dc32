// The deck format: one zod schema shared by the site's content collection and the server.
// Decks are data; nothing in code mentions a specific card or theme.
import { z } from 'zod';
import { PASS, SCALE_NAMES } from './scales.ts';
import { HelpLineId } from './help.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'gebruik kleine letters, cijfers en streepjes (bijv. "online-veiligheid")');
const line = (max: number) => z.string().trim().min(1, 'mag niet leeg zijn').max(max, `hoogstens ${max} tekens`);

/** Post-it colours a deck may name; the site maps them to accessible colour pairs. */
export const BoardColour = z.enum(['groen', 'blauw', 'geel', 'roze', 'oranje', 'paars', 'grijs']);

export const ScaleOption = z.strictObject({
  id: slug.refine((id) => id !== PASS, `"${PASS}" is het id van overslaan; kies een ander id`),
  label: line(40),
  text: line(160).optional(),
});

export const Scale = z.union([
  z.enum(SCALE_NAMES),
  z.strictObject({
    options: z
      .array(ScaleOption)
      .min(2, 'minstens twee opties')
      .max(5, 'hoogstens vijf opties')
      .refine((o) => new Set(o.map((x) => x.id)).size === o.length, 'optie-id’s moeten uniek zijn'),
  }),
]);

export const VoteActivity = z
  .strictObject({
    /** The question, e.g. "Hoe vaak zie of merk je dit op school?" or "Wat zou jij doen?" */
    question: line(200),
    /** The answers it offers (see protocol/scales.ts); without one: nooit / soms / vaak. */
    scale: Scale.optional(),
    /** waar / niet waar: the true answer, shown with the explanation only after the reveal. */
    answer: z.enum(['waar', 'niet-waar']).optional(),
    /** Why; phones and beamer show it only after the reveal, so it never steers the vote. */
    explanation: line(500).optional(),
    /** Overloopdebat: people pick a side and may switch; the beamer follows how the room moves. */
    overloop: z.boolean().optional(),
  })
  .superRefine((vote, ctx) => {
    if (vote.answer && vote.scale !== 'waar-niet-waar') {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'een juist antwoord hoort bij de schaal waar-niet-waar' });
    }
    if (vote.scale === 'waar-niet-waar' && (!vote.answer || !vote.explanation)) {
      ctx.addIssue({ code: 'custom', path: ['explanation'], message: 'een waar/niet waar-stelling heeft een antwoord en een uitleg' });
    }
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

/** afspraken: a board where the group proposes rules, supports them and adopts some. */
export const CardKind = z.enum(['opening', 'theme', 'writing', 'dilemma', 'afspraken', 'step', 'closing']);

/** Who a card is written for; the deck library filters on it. */
export const CardAudience = z.enum(['vo', 'mbo', 'team']);

/** A deck's theme: dilemma cards name one, the library filters on it and prints in its colour. */
export const DeckTheme = z.strictObject({
  id: slug,
  title: line(60),
  colour: BoardColour,
  pictogram: slug.optional(),
});

/** Roles a method step may give people; only where they matter. */
export const StepRole = z.enum(['gespreksleider', 'inbrenger', 'tijdbewaker']);

/** What the host records on a step: the dilemma in one sentence, conclusions, agreed actions. */
export const RecordKind = z.enum(['dilemma', 'conclusions', 'actions']);

/**
 * A step of a method (moreel beraad, intervisie): what the group does, for how long, who does what,
 * and whether the case is typed here or stays on the beamer. Its activity is the card's own vote,
 * board (a post-it round or writing prompt) or talk questions, or none (just talking).
 */
export const StepDetails = z.strictObject({
  /** Suggested duration; the host's timer starts from it and may run longer. */
  minutes: z.number().int().min(1).max(90),
  /** What the group does in this step, in one or two sentences. */
  does: line(400),
  roles: z.array(z.strictObject({ role: StepRole, task: line(200) })).max(3).optional(),
  /** write: whoever brings the case in types it (or the host does); show: the case stays on the beamer. */
  case: z.enum(['write', 'show']).optional(),
  /** What the host writes down during this step; shown on the beamer and in the report. */
  records: z.array(RecordKind).max(3).optional(),
});

/**
 * A closing round to answer for yourself ("wat neem ik mee"): statements on a scale, reflection
 * questions and one action point. Private by default: only its author ever receives it.
 */
export const ReflectionActivity = z.strictObject({
  statements: z.array(line(200)).min(1).max(6),
  /** The scale the statements are answered on (default: eens / oneens). */
  scale: Scale.optional(),
  questions: z.array(line(200)).max(4),
  /** The prompt for the one action point, e.g. "Wat ga jij de komende weken anders doen?" */
  action: line(200),
});

/** One part of a lesson or meeting plan, for the deck's "zo gebruik je het" page. */
export const UsageStep = z.strictObject({
  minutes: z.number().int().min(1).max(90),
  title: line(80),
  text: line(600),
});

export const Card = z.strictObject({
  id: slug,
  kind: CardKind,
  title: line(80),
  /** One line under the title. */
  summary: line(240),
  /** File name (without .svg) in decks/pictograms. */
  pictogram: slug.optional(),
  /** The deck theme this card belongs to (dilemma cards must name one). */
  theme: slug.optional(),
  /** Who the situation is written for (dilemma cards must name it). */
  audience: z.array(CardAudience).min(1).optional(),
  /** Concrete examples that make a theme tangible; a bare theme name misleads. */
  subItems: z.array(line(160)).max(12).optional(),
  /** Paragraphs or agreements shown as a list. */
  points: z.array(line(300)).max(12).optional(),
  /**
   * For the host only (console and deck page, never a phone or the beamer): how to handle this
   * card with care. Plain text; line breaks are kept.
   */
  hostNotes: z.string().trim().min(1, 'mag niet leeg zijn').max(800, 'hoogstens 800 tekens').optional(),
  /** A content notice phones and beamer show before the card itself; a phone may skip the card. */
  notice: line(200).optional(),
  /** Ids in site/data/hulplijnen.yaml: extra help for this card, in its help dialog and on the closing screen. */
  help: z
    .array(HelpLineId)
    .min(1)
    .max(6)
    .refine((ids) => new Set(ids).size === ids.length, 'elke hulplijn één keer')
    .optional(),
  vote: VoteActivity.optional(),
  board: BoardActivity.optional(),
  talk: TalkActivity.optional(),
  /** A step of a method (kind 'step'). */
  step: StepDetails.optional(),
  /** A private "wat neem ik mee" round. */
  reflection: ReflectionActivity.optional(),
  /** A card that discusses an earlier board (its id): the beamer shows that wall, with the host's groups, once it was revealed. */
  showsWallOf: slug.optional(),
});

export const Deck = z
  .strictObject({
    title: line(80),
    /** klas: a class of students; team: colleagues. Sets defaults such as moderation. */
    audience: z.enum(['klas', 'team']),
    summary: line(300),
    /** For the host: how long a session takes, what to prepare. */
    forHost: z.array(line(400)).max(10).optional(),
    /** The deck's themes (needed when it has dilemma cards). */
    themes: z.array(DeckTheme).max(12).optional(),
    /** How to use the deck in one lesson or meeting, for its "zo gebruik je het" page. */
    usage: z.strictObject({ title: line(120), steps: z.array(UsageStep).min(2).max(12) }).optional(),
    /** A method deck (moreel beraad, intervisie): labelled as Kring's own, with its group size and length. */
    method: z
      .strictObject({
        /** e.g. "4 tot 8 collega's" */
        groupSize: line(60),
        /** About how long the whole method takes. */
        minutes: z.number().int().min(10).max(180),
        /** Where it comes from, said plainly: "Een eigen werkwijze van Kring, gebouwd op …". */
        basis: line(500),
      })
      .optional(),
    cards: z.array(Card).min(1).max(60),
  })
  .superRefine((deck, ctx) => {
    const seen = new Set<string>();
    const themes = new Set((deck.themes ?? []).map((t) => t.id));
    deck.cards.forEach((card, i) => {
      if (seen.has(card.id)) {
        ctx.addIssue({ code: 'custom', path: ['cards', i, 'id'], message: `kaart-id "${card.id}" komt twee keer voor` });
      }
      seen.add(card.id);
      if (card.theme && !themes.has(card.theme)) {
        ctx.addIssue({ code: 'custom', path: ['cards', i, 'theme'], message: `thema "${card.theme}" staat niet bij de thema’s van de kaartset` });
      }
      if (card.kind === 'dilemma') {
        const missing = [
          !card.theme && 'theme',
          !card.audience && 'audience',
          !card.vote?.scale && 'vote.scale',
          !(card.talk && card.talk.questions.length >= 2 && card.talk.questions.length <= 3) && 'talk (twee of drie vragen)',
        ].filter(Boolean);
        if (missing.length) {
          ctx.addIssue({ code: 'custom', path: ['cards', i], message: `een dilemmakaart heeft nodig: ${missing.join(', ')}` });
        }
      }
      if (deck.method && card.kind === 'step' && !card.step) {
        ctx.addIssue({ code: 'custom', path: ['cards', i, 'step'], message: 'een stap van een methode heeft een duur en wat de groep doet (step)' });
      }
      if (card.showsWallOf !== undefined && !deck.cards.some((c) => c.id === card.showsWallOf && c.board && c.id !== card.id)) {
        ctx.addIssue({ code: 'custom', path: ['cards', i, 'showsWallOf'], message: `"${card.showsWallOf}" is geen andere kaart met een bord in deze kaartset` });
      }
      if (card.kind === 'afspraken' && card.board?.layout !== 'wall') {
        ctx.addIssue({ code: 'custom', path: ['cards', i, 'board'], message: 'een afsprakenkaart heeft een bord zonder kolommen (layout: wall)' });
      }
    });
  });

export type Deck = z.infer<typeof Deck>;
export type Card = z.infer<typeof Card>;
export type BoardActivity = z.infer<typeof BoardActivity>;
export type BoardColour = z.infer<typeof BoardColour>;
export type VoteActivity = z.infer<typeof VoteActivity>;
export type DeckTheme = z.infer<typeof DeckTheme>;
export type StepDetails = z.infer<typeof StepDetails>;
export type ReflectionActivity = z.infer<typeof ReflectionActivity>;

/** Formats a deck validation failure so a deck author finds the file and the field. */
export function describeDeckError(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  - ${issue.path.join('.') || '(deck)'}: ${issue.message}`);
  return `Kaartset ${file} klopt niet:\n${lines.join('\n')}`;
}
