// Which font size lets a printed card fit its A6 cell. Decided at build time from the amount of
// text, so printing needs no script and the page count stays fixed; the browser test checks that
// no printed card overflows, which keeps this estimate honest.
import type { Card } from '@protocol';
import { scaleOptions } from '@protocol/scales';

/** Font sizes in points, largest first; a card gets the largest one its text fits at. */
export const PRINT_SIZES = [11, 10, 9, 8.5, 8, 7.5] as const;
export type PrintSize = (typeof PRINT_SIZES)[number];

// The cell's text area in millimetres (see .print-card in deck-library.css) and the type's measures.
const TEXT_WIDTH_MM = 85;
// Below the colour band and inside the padding the body has 121 mm; the estimate mostly runs long.
const TEXT_HEIGHT_MM = 119;
const LIST_INDENT_MM = 4;
const PT_MM = 0.3528;
const CHAR_EM = 0.56; // a wide sans (DejaVu Sans, as on Linux) rather than a narrow one
const LINE_HEIGHT = 1.3;

interface Block {
  text: string;
  /** Relative to the body size: the title is larger. */
  scale?: number;
  indent?: boolean;
  /** Space after, in lines. */
  gap?: number;
}

/** The card's printed text, in the blocks PrintCard lays out. */
export function printBlocks(card: Card): Block[] {
  const blocks: Block[] = [{ text: card.title, scale: 1.35, gap: 0.3 }, { text: card.summary, gap: 0.5 }];
  const list = (label: string, items: string[] | undefined) => {
    if (!items?.length) return;
    blocks.push({ text: label });
    items.forEach((text, i) => blocks.push({ text, indent: true, gap: i === items.length - 1 ? 0.5 : 0.1 }));
  };
  list('Bijvoorbeeld:', card.subItems);
  list('', card.points);
  if (card.vote) {
    const options = scaleOptions(card.vote);
    blocks.push({ text: card.vote.question, gap: 0.2 });
    if (options.some((o) => o.text)) list('', options.map((o) => `☐ ${o.label} – ${o.text ?? ''}`));
    else blocks.push({ text: options.map((o) => `☐ ${o.label}`).join('   '), gap: 0.5 });
  }
  if (card.board) blocks.push({ text: card.board.prompt, gap: 0.5 });
  list('Praat erover:', card.talk?.questions);
  // The answer's footer takes its height (with its padding, about a line) from the body.
  if (card.vote?.answer) blocks.push({ text: `Antwoord: niet waar. ${card.vote.explanation ?? ''}`, scale: 0.85, gap: 1.2 });
  return blocks.filter((b) => b.text);
}

function heightMm(blocks: Block[], size: number): number {
  return blocks.reduce((mm, block) => {
    const pt = size * (block.scale ?? 1);
    const charsPerLine = Math.floor((TEXT_WIDTH_MM - (block.indent ? LIST_INDENT_MM : 0)) / (pt * CHAR_EM * PT_MM));
    const lines = Math.ceil((block.text.length * 1.08) / charsPerLine); // words wrap early: ~8% lost
    return mm + (lines + (block.gap ?? 0)) * pt * LINE_HEIGHT * PT_MM;
  }, 0);
}

/** The largest size at which the card fits; the smallest size when nothing fits (the test will say so). */
export function printSize(card: Card): PrintSize {
  const blocks = printBlocks(card);
  return PRINT_SIZES.find((size) => heightMm(blocks, size) <= TEXT_HEIGHT_MM) ?? PRINT_SIZES[PRINT_SIZES.length - 1]!;
}
