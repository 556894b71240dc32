// The copy check's parts (tests/unit/seed-overlap.test.ts): words as compared, runs of eight as
// hashes, and the fingerprint of the seed documents: their runs' hashes, sorted, as differences in
// LEB128 varints. Hashes say which runs exist, not what they say, so the repository holds no text
// of the seeds while every clone (CI's too) can run the check.
//
//   node tests/support/copy-check.ts   writes tests/support/seed-runs.bin from ../shared/seeds
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** Eight words in a row is a copied phrase, not a shared term like "de meldcode van de school". */
export const COPIED_RUN = 8;

const repoRoot = resolve(import.meta.dirname, '../..');
/** The source documents, beside the repository (not in it). */
export const seedsDir = resolve(repoRoot, '../shared/seeds');
/** Their runs as hashes, in the repository, so a clone without the documents still runs the check. */
export const fingerprintFile = join(import.meta.dirname, 'seed-runs.bin');
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
 * A 48-bit hash of the COPIED_RUN words from `at`: a Set of numbers stays small for 80,000 runs,
 * the fingerprint file takes about 5 bytes a run, and with 48 bits a false match between all
 * deck texts (~30,000 runs) and the seeds is about one in 100,000.
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
  return 4294967296 * (0xffff & b) + (a >>> 0);
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
export function projectTexts(): [string, string][] {
  const decks = readdirSync(decksDir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => stringsIn(parse(readFileSync(join(decksDir, f), 'utf8'))).map(([p, t]): [string, string] => [`decks/${f} ${p}`, t]));
  const help = stringsIn(parse(readFileSync(helpFile, 'utf8'))).map(([p, t]): [string, string] => [`site/data/hulplijnen.yaml ${p}`, t]);
  return [...decks, ...help];
}


/** The seed documents' texts, or [] when the folder is not there. */
export function seedTexts(): string[] {
  if (!existsSync(seedsDir)) return [];
  return readdirSync(seedsDir)
    .filter((f) => /\.(md|txt)$/i.test(f))
    .sort()
    .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
}

/** The runs as the fingerprint file holds them. */
export function encodeFingerprint(runs: Set<number>): Buffer {
  const bytes: number[] = [];
  let last = 0;
  for (const run of [...runs].sort((a, b) => a - b)) {
    // Division, not bit shifts: the differences go up to 48 bits.
    for (let rest = run - last; ; ) {
      const low = rest % 128;
      rest = Math.floor(rest / 128);
      bytes.push(rest ? low | 128 : low);
      if (!rest) break;
    }
    last = run;
  }
  return Buffer.from(bytes);
}

export function decodeFingerprint(bytes: Uint8Array): Set<number> {
  const runs = new Set<number>();
  let last = 0;
  let value = 0;
  let scale = 1;
  for (const byte of bytes) {
    value += (byte & 127) * scale;
    scale *= 128;
    if (byte & 128) continue;
    last += value;
    runs.add(last);
    value = 0;
    scale = 1;
  }
  return runs;
}

export const readFingerprint = () => decodeFingerprint(readFileSync(fingerprintFile));

if (import.meta.main) {
  const texts = seedTexts();
  if (!texts.length) {
    console.error(`Geen brondocumenten in ${seedsDir}.`);
    process.exit(1);
  }
  const bytes = encodeFingerprint(sourceRuns(texts));
  writeFileSync(fingerprintFile, bytes);
  console.log(`${fingerprintFile}: ${bytes.length} bytes`);
}
