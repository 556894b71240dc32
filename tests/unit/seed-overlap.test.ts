// Copy check: no text a deck or the help list shows may share 8 or more consecutive words with
// the source documents in ../shared/seeds (the project writes in its own words; see the README
// there). A clone without that folder cannot run the check, and the skipped test says so.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** Eight words in a row is a copied phrase, not a shared term like "de meldcode van de school". */
export const COPIED_RUN = 8;

const repoRoot = resolve(import.meta.dirname, '../..');
const seedsDir = resolve(repoRoot, '../shared/seeds');
const decksDir = join(repoRoot, 'decks');
const helpFile = join(repoRoot, 'site', 'data', 'hulplijnen.yaml');

/**
 * Words as the check compares them: lower case, accents and punctuation gone ("één" = "een",
 * "over-\nschrijdend" = "overschrijdend"), so a copy does not escape by a changed comma or accent.
 */
export function words(text: string): string[] {
  return (
    text
      // A word broken over two lines in a PDF export ("ver-\ntrouwenspersoon") is one word.
      .replace(/(\p{L})-[ \t]*\r?\n\s*(\p{L})/gu, '$1$2')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLocaleLowerCase('nl')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Two 32-bit hashes per distinct word, so a run's hash needs no string building. */
const wordHashes = new Map<string, [number, number]>();
function hashWord(word: string): [number, number] {
  let known = wordHashes.get(word);
  if (!known) {
    let a = 0xdeadbeef;
    let b = 0x41c6ce57;
    for (let i = 0; i < word.length; i++) {
      const ch = word.charCodeAt(i);
      a = Math.imul(a ^ ch, 2654435761);
      b = Math.imul(b ^ ch, 1597334677);
    }
    known = [a >>> 0, b >>> 0];
    wordHashes.set(word, known);
  }
  return known;
}

/**
 * A 53-bit hash of the COPIED_RUN words from `at`: a Set of numbers stays small for 150,000
 * runs, and with 53 bits a false match between a deck and the seeds is about one in a million.
 */
function hashRun(hashes: readonly [number, number][], at: number): number {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (let k = 0; k < COPIED_RUN; k++) {
    const [x, y] = hashes[at + k]!;
    a = Math.imul(a ^ x, 2246822507);
    a ^= a >>> 15;
    b = Math.imul(b ^ y, 3266489909);
    b ^= b >>> 13;
  }
  return 4294967296 * (2097151 & b) + (a >>> 0);
}

/** Every run of COPIED_RUN words in the source texts, as hashes; built once. */
export function sourceRuns(texts: Iterable<string>): Set<number> {
  const runs = new Set<number>();
  for (const text of texts) {
    const hashes = words(text).map(hashWord);
    for (let i = 0; i + COPIED_RUN <= hashes.length; i++) runs.add(hashRun(hashes, i));
  }
  return runs;
}

/** The first run of COPIED_RUN words in `text` that also occurs in the sources, or null. */
export function copiedRun(text: string, runs: Set<number>): string | null {
  const w = words(text);
  const hashes = w.map(hashWord);
  for (let i = 0; i + COPIED_RUN <= w.length; i++) {
    if (runs.has(hashRun(hashes, i))) return w.slice(i, i + COPIED_RUN).join(' ');
  }
  return null;
}

/** Every string in a parsed YAML value, with where it sits (e.g. "cards.3.summary"). */
export function stringsIn(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => stringsIn(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** All text people read: every string field of every deck and of the help list. */
function projectTexts(): [string, string][] {
  const decks = readdirSync(decksDir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => stringsIn(parse(readFileSync(join(decksDir, f), 'utf8'))).map(([p, t]): [string, string] => [`decks/${f} ${p}`, t]));
  const help = stringsIn(parse(readFileSync(helpFile, 'utf8'))).map(([p, t]): [string, string] => [`site/data/hulplijnen.yaml ${p}`, t]);
  return [...decks, ...help];
}

describe('the copy check itself', () => {
  const runs = sourceRuns(['De vertrouwens-\npersoon luistert eerst goed naar het hele verhaal van de leerling, en denkt dan mee.']);

  it('finds eight words in a row from a source, whatever the case, accents or punctuation', () => {
    expect(copiedRun('Zo gaat het: de VERTROUWENSPERSOON luistert éérst goed, naar het hele verhaal!', runs)).toBe(
      'de vertrouwenspersoon luistert eerst goed naar het hele',
    );
  });

  it('lets seven shared words pass, and a sentence in other words', () => {
    expect(copiedRun('De vertrouwenspersoon luistert eerst goed naar het. Daarna kijken we verder.', runs)).toBeNull();
    expect(copiedRun('Eerst hoort de vertrouwenspersoon je hele verhaal aan. Dan denkt die met je mee.', runs)).toBeNull();
  });
});

const seedFiles = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => /\.(md|txt)$/i.test(f)) : [];

if (seedFiles.length === 0) {
  describe('copy check against the seed documents', () => {
    it.skip(`skipped: no seed documents at ${seedsDir} (a clone without ../shared/seeds cannot run the copy check)`, () => {});
  });
} else {
  describe('copy check against the seed documents', () => {
    const seeds = seedFiles.map((f) => readFileSync(join(seedsDir, f), 'utf8'));
    const runs = sourceRuns(seeds);

    it('reads the seed documents', () => {
      expect(runs.size).toBeGreaterThan(10_000);
    });

    it('catches a sentence copied from a seed, also when it is taken from the middle of a line', () => {
      // Take a real passage from the longest seed, re-cased and re-punctuated the way an author
      // pasting it would: the check must still see it.
      const longest = seeds.reduce((a, b) => (a.length >= b.length ? a : b));
      const w = words(longest);
      const passage = w.slice(Math.floor(w.length / 2), Math.floor(w.length / 2) + 10);
      const pasted = `Zoals gezegd: ${passage.join(', ').toUpperCase()}.`;
      expect(copiedRun(pasted, runs)).toBe(passage.slice(0, COPIED_RUN).join(' '));
    });

    it('catches the item the team deck once copied from the monitor (004, around line 2453)', () => {
      expect(copiedRun('Niet weten wat er tussen studenten gebeurt buiten de les', runs)).toBe(
        'weten wat er tussen studenten gebeurt buiten de',
      );
    });

    it('no deck text and no help text shares eight words in a row with a seed', () => {
      const texts = projectTexts();
      expect(texts.length).toBeGreaterThan(500);
      const copied = texts.flatMap(([where, text]) => {
        const run = copiedRun(text, runs);
        return run ? [`${where}: “${run}”`] : [];
      });
      expect(copied, 'write these in your own words').toEqual([]);
    });
  });
}
