// A folded copy of a post-it for the identity checks only (the stored text is never changed), so
// "ｋｅｖｉｎ", "Kеvin" with a Cyrillic е and "٠٦١٢٣٤٥٦٧٨" match like the plain Latin they look like.
//
// Our own small table instead of the `confusables` npm package: the checks only need letters that
// matter for names and handles, and a table of sixty letters is easier to review than a dependency.
// Case is kept (Cyrillic А → A, а → a) because the name check looks at capitals.

const LOOKALIKES: Record<string, string> = {
  // Cyrillic capitals
  А: 'A', В: 'B', Е: 'E', Ѕ: 'S', І: 'I', Ј: 'J', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C',
  Т: 'T', У: 'Y', Х: 'X', Ү: 'Y', Һ: 'H', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I',
  // Cyrillic small letters
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', һ: 'h', ԁ: 'd',
  ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y', ո: 'n', ս: 'u',
  // Greek capitals
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T',
  Υ: 'Y', Χ: 'X',
  // Greek small letters
  α: 'a', ο: 'o', ρ: 'p', ι: 'i', κ: 'k', ν: 'v', υ: 'u', χ: 'x', τ: 't',
  // Latin letters that NFKC and accent stripping leave alone but people read as plain ones.
  ɡ: 'g', ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ħ: 'h', ɑ: 'a', ʏ: 'y', ɪ: 'i',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');
const DIGIT = /\p{Nd}/u;
const OTHER_DIGIT = /[^\P{Nd}0-9]/gu;

/**
 * A decimal digit's value in any script (Arabic-Indic, Devanagari, ...). Unicode puts every
 * script's digits 0–9 in a run of ten code points, so the value is the distance to the run's start.
 */
function asciiDigit(digit: string): string {
  const cp = digit.codePointAt(0)!;
  let start = cp;
  while (DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((cp - start) % 10);
}

/** NFKC (fullwidth and styled letters and digits become ASCII), look-alike letters, digits of any script. */
export function foldLookalikes(text: string): string {
  return text
    .normalize('NFKC')
    .replace(LOOKALIKE, (c) => LOOKALIKES[c] ?? c)
    .replace(OTHER_DIGIT, asciiDigit);
}

/** The form names are compared in: folded, lower case, without accents ("Ayşe" → "ayse"). */
export function nameKey(word: string): string {
  if (!nameKeys) return foldedNameKey(word);
  let key = nameKeys.get(word);
  if (key === undefined) nameKeys.set(word, (key = foldedNameKey(word)));
  return key;
}
let nameKeys: Map<string, string> | null = null;

/**
 * Runs `work` with each word's key folded once: the checks on one post-it ask for the same words
 * many times. Forgotten afterwards, so no word of a post-it stays behind in memory.
 */
export function withNameKeysOnce<T>(work: () => T): T {
  nameKeys = new Map();
  try {
    return work();
  } finally {
    nameKeys = null;
  }
}

// Plain ASCII has no look-alikes, accents or other digits to fold: lower case is its whole key.
// Most words of most post-its are ASCII, and each fold step made a string of its own.
const ASCII = /^[\x00-\x7f]*$/;

function foldedNameKey(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return foldLookalikes(word)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/’/g, "'");
}
