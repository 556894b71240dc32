// Copy check: no text a deck or the help list shows may share 8 or more consecutive words with
// the source documents in ../shared/seeds (the project writes in its own words; see the README
// there). Every clone checks against the documents' fingerprint in the repository
// (tests/support/seed-runs.bin: hashes of their runs, no text); where the documents themselves are
// at hand, the fingerprint must also equal what they give, so it cannot go stale.
import { describe, expect, it } from 'vitest';
import {
  COPIED_RUN,
  copiedRun,
  decodeFingerprint,
  encodeFingerprint,
  projectTexts,
  readFingerprint,
  seedsDir,
  seedTexts,
  sourceRuns,
  words,
} from '../support/copy-check.ts';

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

  it('keeps every run through the fingerprint file and back', () => {
    const many = sourceRuns(['een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien']);
    expect(many.size).toBe(8);
    expect(decodeFingerprint(encodeFingerprint(many))).toEqual(many);
  });
});

describe('copy check against the fingerprint of the seed documents', () => {
  const runs = readFingerprint();

  it('holds the runs of all seed documents', () => {
    expect(runs.size).toBeGreaterThan(10_000);
  });

  it('catches the item the team deck once copied from the monitor (004, around line 2453)', () => {
    expect(copiedRun('Niet weten wat er tussen studenten gebeurt buiten de les', runs)).toBe('weten wat er tussen studenten gebeurt buiten de');
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

const seeds = seedTexts();
// Only where ../shared/seeds exists (not in a clone on its own): the checks above still ran, on the fingerprint.
describe.runIf(seeds.length > 0)(`the fingerprint against the seed documents themselves (${seedsDir})`, () => {
  const runs = sourceRuns(seeds);

  it('is up to date: node tests/support/copy-check.ts writes it again', () => {
    expect(readFingerprint()).toEqual(runs);
  });

  it('catches a sentence copied from a seed, also when it is taken from the middle of a line', () => {
    // Take a real passage from the longest seed, re-cased and re-punctuated the way an author
    // pasting it would: the check must still see it.
    const longest = seeds.reduce((a, b) => (a.length >= b.length ? a : b));
    const w = words(longest);
    const passage = w.slice(Math.floor(w.length / 2), Math.floor(w.length / 2) + 10);
    const pasted = `Zoals gezegd: ${passage.join(', ').toUpperCase()}.`;
    expect(copiedRun(pasted, readFingerprint())).toBe(passage.slice(0, COPIED_RUN).join(' '));
  });
});
