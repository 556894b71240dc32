// Post-it text safety (every post-it may be hostile and ends up on a projector) and the local check
// that flags post-its which may identify someone.
import { describe, expect, it } from 'vitest';
import { textLength } from '@protocol/constants';
import { MAX_COMBINING_RUN, normaliseText } from '../../session-server/src/boards/text.ts';
import { flagsFor } from '../../session-server/src/boards/flags.ts';

const graphemes = (text: string) => [...new Intl.Segmenter('nl', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

describe('normaliseText', () => {
  it('strips bidi overrides and isolates that could flip text on the beamer', () => {
    for (const control of ['\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(normaliseText(`abc${control}def`)).toBe('abcdef');
    }
    expect(normaliseText('gpj.\u202Eexe')).toBe('gpj.exe');
  });

  it('strips zero-width characters that hide or glue text', () => {
    expect(normaliseText('sch\u200Bel\u200Cden\u2060\uFEFF')).toBe('schelden');
  });

  it('strips control characters but keeps line breaks', () => {
    expect(normaliseText('een\u0000\u0007twee\u001B\u007F\u0085drie\nvier')).toBe('eentweedrie\nvier');
  });

  it('keeps the joiner inside an emoji sequence, so a family stays one character', () => {
    const family = '👩‍👩‍👧';
    expect(normaliseText(`Mijn ${family}`)).toBe(`Mijn ${family}`);
    expect(graphemes(normaliseText(family))).toEqual([family]);
    expect(normaliseText('🏳️‍🌈 trots')).toBe('🏳️‍🌈 trots');
    expect(normaliseText('👩🏽‍💻')).toBe('👩🏽‍💻');
  });

  it('removes a joiner between letters', () => {
    expect(normaliseText('a\u200Db')).toBe('ab');
    expect(normaliseText('😀\u200Dx')).toBe('😀x');
  });

  it(`caps runs of combining marks ("zalgo") at ${MAX_COMBINING_RUN}`, () => {
    const zalgo = 'Z' + '\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A'.repeat(3) + 'algo';
    const clean = normaliseText(zalgo);
    // The letters survive (the first mark may compose with the Z), only the pile of marks is cut.
    expect(clean.normalize('NFD').replace(/\p{M}/gu, '')).toBe('Zalgo');
    const runs = clean.match(/\p{M}+/gu) ?? [];
    for (const run of runs) expect([...run].length).toBeLessThanOrEqual(MAX_COMBINING_RUN);
    expect([...clean].length).toBeLessThanOrEqual(1 + MAX_COMBINING_RUN + 4);
  });

  it('keeps ordinary accents, composed to one character', () => {
    expect(normaliseText('cafe\u0301 en ree\u0308l')).toBe('café en reël');
  });

  it('keeps Arabic and Hebrew text and emoji as written', () => {
    const arabic = 'مرحبا بكم في المدرسة';
    const vowelled = 'مَدْرَسَة';
    const hebrew = 'שלום לכולם';
    expect(normaliseText(arabic)).toBe(arabic);
    expect(normaliseText(vowelled)).toBe(vowelled.normalize('NFC'));
    expect(normaliseText(hebrew)).toBe(hebrew);
    expect(normaliseText('Goed gedaan 👍🏾 💪')).toBe('Goed gedaan 👍🏾 💪');
    expect(normaliseText('1️⃣ eerst')).toBe('1️⃣ eerst');
  });

  it('collapses blank lines and spaces, and trims', () => {
    expect(normaliseText('  een  \r\n\r\n\r\n\r\n   twee\t\tdrie  \n\n\n')).toBe('een\n\ntwee drie');
    expect(normaliseText('a\u2028b\u2029c')).toBe('a\nb\nc');
  });

  it('leaves plain text alone', () => {
    const plain = 'Meer toezicht in de kantine, en een vast aanspreekpunt.\nDank je!';
    expect(normaliseText(plain)).toBe(plain);
  });
});

describe('textLength', () => {
  it('counts characters as a person sees them', () => {
    expect(textLength('abc')).toBe(3);
    expect(textLength('👩‍👩‍👧')).toBe(1);
    expect(textLength('👍🏾')).toBe(1);
    expect(textLength('🏳️‍🌈')).toBe(1);
    expect(textLength('café')).toBe(4);
    expect(textLength('e\u0301')).toBe(1);
    expect(textLength('')).toBe(0);
  });
});

describe('flagsFor', () => {
  it.each([
    ['Mail me op jan.de.vries@school.nl', 'email'],
    ['Bel 06-12345678', 'phone'],
    ['bel +31 6 1234 5678 als je wilt', 'phone'],
    ['bel 0612345678', 'phone'],
    ['volg @naam maar eens', 'handle'],
    ['meneer Jansen doet niks', 'name'],
    ['Ik vind dat Sarah vaak wordt buitengesloten', 'name'],
    ['de mentor Pietersen luistert niet', 'name'],
  ] as const)('flags "%s" as %s', (text, flag) => {
    expect(flagsFor(text)).toContain(flag);
  });

  it('an e-mail address is not also flagged as a handle', () => {
    expect(flagsFor('jan@school.nl')).toEqual(['email']);
  });

  it.each([
    'Meer toezicht in de kantine.',
    'Ik voel me meestal veilig op school.',
    'Op Instagram wordt veel gescholden. Op TikTok ook.',
    'Er zou een vertrouwenspersoon moeten zijn die je kent',
    'Met 3 of 4 mensen praten is fijner',
    'Tijdens de ramadan en met Kerst is het rustig',
    'مرحبا بكم في المدرسة',
    'Goed gedaan 👍',
  ])('does not flag a plain sentence: "%s"', (text) => {
    expect(flagsFor(text)).toEqual([]);
  });
});
