// Loads the decks from decks/*.yaml and validates them with the same schema the site build uses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Deck, describeDeckError } from '../protocol/index.ts';

export function loadDecks(dir: string): Map<string, Deck> {
  const decks = new Map<string, Deck>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const result = Deck.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
    if (!result.success) throw new Error(describeDeckError(join(dir, file), result.error));
    decks.set(file.replace(/\.yaml$/, ''), result.data);
  }
  return decks;
}
