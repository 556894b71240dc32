// A local check (no outside service) that flags post-its which may identify someone, so the host
// can hide them before the beamer shows them. It flags; it never blocks: the host decides.
// Every check reads a folded copy (fullwidth, look-alike letters and foreign digits made plain), so
// "ｋｅｖｉｎ" or a Cyrillic "Kеvin" is caught like "kevin"; the stored text is never changed.
// Runs on every post-it: the sets and patterns are built once, at module load.
import type { PostItFlag } from '../protocol/index.ts';
import { foldLookalikes, nameKey, withNameKeysOnce } from './confusables.ts';
import { FIRST_NAMES, NAMES_THAT_ARE_WORDS, SURNAMES } from './dutch-names.ts';

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/gi;
// "kevin (at) gmail (punt) com": the spelled-out address people use to dodge a filter.
const SPELLED_EMAIL = /\b[\w.+-]+\s*(?:\(at\)|\[at\]|\sat\s|\sapenstaartje\s)\s*[\w-]+\s*(?:\.|\(dot\)|\[dot\]|\(punt\)|\s(?:dot|punt)\s)\s*(?:com|nl|be|net|org)\b/i;

// Dutch numbers: 0 + 9 digits (06-12345678, 010 123 4567), or international (+31 6..., 0031 6...),
// with up to three separators between digits ("06 - 12 34 56 78"). A colon next to the digits
// means a time, so "01-05-2024 10:30" is not a phone number. Any plain run of 9–11 digits counts too.
const SEP = String.raw`[\s.\-/()]{0,3}`;
const PHONE = new RegExp(
  String.raw`(?<![\d:])(?:(?:\+|00)\d(?:${SEP}\d){7,13}|0(?:${SEP}\d){8,10}|\d{9,11})(?![\d:])`,
);

const HANDLE = /(?:^|[^\w@])@[A-Za-z0-9_.]{2,30}\b/;
const PLATFORM = String.raw`(?:insta(?:gram)?|ig|snap(?:chat)?|sc|tik\s?tok|tt|discord|dc|twitter|telegram|twitch|bereal|threads|yt|youtube|roblox|fortnite|psn|steam|xbox)`;
// "insta: kevin", "snap = lisa.vd", "tiktok @x", and "ig kevin_3b" (no separator: the name must look like a username).
const PLATFORM_HANDLE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${PLATFORM}(?:\s*(:|=|-?>|→|@)\s*|\s+)@?([\p{L}\p{N}_.#]+)(?=([^\n]*))`,
  'giu',
);

// Dutch postcodes: 1234 AB. The letters SA, SD and SS are never used. A pair that is also a word
// or unit ("sinds 2019 is", "1000 km", "2024 ok") counts only when written "1234AB", in capitals.
const POSTCODE = /(?<![\p{L}\p{N}:.,])[1-9]\d{3}(\s?)([a-z]{2})(?![\p{L}\p{N}])/giu;
const NOT_POSTCODE_LETTERS = new Set(
  [
    'en', 'of', 'in', 'is', 'op', 'te', 'al', 'nu', 'ik', 'je', 'we', 'ze', 'na', 'zo', 'om', 'er',
    'ja', 'he', 'ok', 'oh', 'ah', 'eh', 'uh', 'km', 'kg', 'cm', 'mm', 'ml', 'mg', 'cl', 'dl', 'gb', 'mb', 'kb', 'tb',
    'xp', 'hp', 'pk', 'eu', 'ct', 'st', 'uu', 'pp', 'mn', 'zn', 'tv', 'pc', 'nl', 'ma', 'di', 'wo', 'do', 'vr', 'za',
    'jr', 'vs', 'am', 'pm', 'lo', 'de', 'an', 'at', 'it', 'to', 'on', 'or', 'by', 'no', 'so', 'me', 'my', 'be', 'go',
  ],
);

// Words that introduce a person. After an address ("meneer", "juf") a name is almost certain, so
// even a name that is also a word counts ("juf roos"); after a role ("de mentor post het") a
// lower-case word only counts when it is an unambiguous name.
const ADDRESS_TITLES = new Set(['meneer', 'mijnheer', 'mevrouw', 'mevr', 'mvr', 'mr', 'mw', 'dhr', 'hr', 'mnr', 'juf', 'juffrouw', 'meester']);
const ROLE_TITLES = new Set([
  'mentor', 'mentrix', 'docent', 'docente', 'leraar', 'lerares', 'coach', 'trainer', 'conciërge', 'concierge', 'directeur',
  'rector', 'teamleider', 'decaan', 'begeleider', 'stagebegeleider', 'vertrouwenspersoon', 'zorgcoördinator',
]);
const NAME_PARTICLES = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'te', 'el', 'al', 'la', 'le', 'da', 'di', 'du', "'t", 't']);
// "dhr. Jansen" must stay one sentence for the title check.
const TITLE_ABBREVIATION = /\b(dhr|mevr|mvr|mw|mr|mnr|hr)\./gi;

// Capitalised words that are not names (the first word of a sentence is never judged by its capital).
const NOT_NAMES = new Set(
  [
    'ik', 'jij', 'wij', 'zij', 'hij', 'nederland', 'nederlands', 'nederlandse', 'nederlanders', 'marokkaans',
    'marokkaanse', 'marokkanen', 'marokko', 'turks', 'turkse', 'turken', 'turkije', 'surinaams', 'surinaamse',
    'suriname', 'antilliaans', 'antilliaanse', 'curaçao', 'aruba', 'pools', 'poolse', 'polen', 'syrisch', 'syrische',
    'syrië', 'oekraïne', 'oekraïens', 'oekraïense', 'rusland', 'russisch', 'israël', 'palestina', 'gaza', 'afrikaans',
    'afrikaanse', 'aziatisch', 'aziatische', 'europees', 'europese', 'engels', 'engelse', 'duits', 'duitse', 'frans',
    'franse', 'spaans', 'arabisch', 'arabische', 'latijn', 'grieks', 'wiskunde', 'biologie', 'geschiedenis',
    'aardrijkskunde', 'economie', 'scheikunde', 'natuurkunde', 'gym', 'ckv', 'amsterdam', 'rotterdam', 'utrecht',
    'god', 'allah', 'jezus', 'profeet', 'koran', 'bijbel', 'islam', 'moslim', 'moslims', 'islamitisch',
    'islamitische', 'joods', 'joodse', 'christen', 'christenen', 'christelijk', 'christelijke', 'europa', 'afrika',
    'azië', 'instagram', 'insta', 'tiktok', 'snapchat', 'snap', 'whatsapp', 'facebook', 'youtube', 'discord',
    'google', 'teams', 'magister', 'somtoday', 'zermelo', 'netflix', 'roblox', 'fortnite', 'minecraft', 'chatgpt',
    'lhbtiq', 'lhbti', 'mbo', 'vmbo', 'havo', 'vwo', 'hbo', 'bol', 'bbl', 'stage', 'ramadan', 'kerst', 'kerstmis',
    'pasen', 'suikerfeest', 'offerfeest', 'sinterklaas', 'zwarte', 'piet', 'pride', 'maandag', 'dinsdag', 'woensdag',
    'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli',
    'augustus', 'september', 'oktober', 'november', 'december', 'oké', 'ok', 'nee', 'ja',
  ].map(nameKey),
);

const keysOf = (names: readonly string[]) => names.map(nameKey);
const singles = (keys: string[]) => keys.filter((k) => !k.includes(' '));
// Unambiguous names: one word in any case ("kevin", "KEVIN"), or a surname's words in a row ("de jong").
const PLAIN_NAMES = new Set(singles(keysOf([...FIRST_NAMES, ...SURNAMES])));
const PLAIN_NAME_RUNS = keysOf(SURNAMES).filter((k) => k.includes(' ')).map((k) => k.split(' '));
// Anything that may follow "meneer"/"juf": every name, and the last word of each multi-word surname.
const ADDRESSED_NAMES = new Set([
  ...PLAIN_NAMES,
  ...keysOf([...SURNAMES, ...NAMES_THAT_ARE_WORDS]).map((k) => k.split(' ').at(-1)!),
]);

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
const STARTS_CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** The words of a sentence, without a possessive "'s" ("Kevin's" → "Kevin"). */
function wordsOf(sentence: string): string[] {
  return (sentence.match(WORD) ?? []).map((w) => w.replace(/['’]s$/u, ''));
}

// The checks below run on every post-it, over every word, so they loop instead of building an
// array or a closure per word: a post-it cost about 20 KB of garbage, most of it from here.

/** The word, or a part of a hyphenated one ("Jan-Willem"), is an unambiguous name. */
function isPlainName(word: string): boolean {
  if (!word.includes('-')) return PLAIN_NAMES.has(nameKey(word));
  return word.split('-').some((part) => PLAIN_NAMES.has(nameKey(part)));
}

/** The words (as name keys) hold a multi-word surname in a row ("de jong"). */
function hasPlainNameRun(keys: string[]): boolean {
  for (const run of PLAIN_NAME_RUNS) {
    for (let i = 0; i + run.length <= keys.length; i++) {
      let j = 0;
      while (j < run.length && keys[i + j] === run[j]) j++;
      if (j === run.length) return true;
    }
  }
  return false;
}

const LETTER = /\p{L}/u;
/** How many letters (of any script) the text has. */
function letterCount(text: string): number {
  let count = 0;
  for (const character of text) if (LETTER.test(character)) count++;
  return count;
}

function titledName(words: string[], i: number): boolean {
  const title = nameKey(words[i]!);
  const addressed = ADDRESS_TITLES.has(title);
  if (!addressed && !ROLE_TITLES.has(title)) return false;
  let j = i + 1;
  while (j < words.length && NAME_PARTICLES.has(nameKey(words[j]!))) j++;
  const next = words[j];
  if (!next) return false;
  const key = nameKey(next);
  if (addressed ? ADDRESSED_NAMES.has(key) : isPlainName(next)) return true;
  return STARTS_CAPITALISED.test(next) && !NOT_NAMES.has(key);
}

function mentionsName(text: string): boolean {
  const sentences = text.replace(TITLE_ABBREVIATION, '$1 ').split(/[.!?:;\n]+/);
  for (const sentence of sentences) {
    const words = wordsOf(sentence);
    if (hasPlainNameRun(words.map(nameKey))) return true;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (isPlainName(word) || titledName(words, i)) return true;
      // A capital after the first word of a sentence hints at a name the list does not know.
      if (i > 0 && CAPITALISED.test(word) && !NOT_NAMES.has(nameKey(word))) return true;
    }
  }
  return false;
}

/** A word shaped like a username: "kevin_3b", "lisa.vd2008", "kevin2008"; not "3C", "mbo-4", "2.14". */
function looksLikeUsername(token: string): boolean {
  if (letterCount(token) < 2) return false;
  if (token.includes('_')) return true;
  const segments = token.split('.');
  if (segments.length > 1 && /\d/.test(token) && /^\p{L}{2}/u.test(token) && segments.filter((s) => /\p{L}/u.test(s)).length > 1) {
    return true;
  }
  const nameWithNumber = /^(\p{L}{2,})\d{1,4}$/u.exec(token);
  return nameWithNumber !== null && PLAIN_NAMES.has(nameKey(nameWithNumber[1]!));
}

function mentionsHandle(text: string): boolean {
  if (HANDLE.test(text)) return true;
  for (const [, separator, candidate, rest] of text.matchAll(PLATFORM_HANDLE)) {
    const bare = candidate!.replace(/[._]+$/, '');
    if (separator === '@' || looksLikeUsername(bare)) return true;
    // Letters mixed with digits, dots or "#" after a platform name: "snap lisa.vd", "discord kev#12".
    if (letterCount(bare) >= 2 && /[.#\d]/.test(bare)) return true;
    // After "insta:" a name, or a lone word that ends the line ("snap: lisadevries"), is a handle.
    if (separator && (isPlainName(bare) || !/[\p{L}\p{N}]/u.test(rest!))) return true;
  }
  return text.split(/\s+/).some((chunk) => looksLikeUsername(chunk.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, '')));
}

function mentionsPostcode(text: string): boolean {
  for (const [, space, letters] of text.matchAll(POSTCODE)) {
    const pair = letters!.toLowerCase();
    if (pair === 'sa' || pair === 'sd' || pair === 'ss') continue;
    if (!NOT_POSTCODE_LETTERS.has(pair) || (space === '' && letters === letters!.toUpperCase())) return true;
  }
  return false;
}

/** The flags a post-it's text earns; empty for ordinary text. */
export function flagsFor(text: string): PostItFlag[] {
  return withNameKeysOnce(() => flagsOf(text));
}

function flagsOf(text: string): PostItFlag[] {
  const folded = foldLookalikes(text);
  const flags: PostItFlag[] = [];
  const hasEmail = folded.search(EMAIL) >= 0 || SPELLED_EMAIL.test(folded);
  // An address already flagged as e-mail is no handle or name of its own ("jan@school.nl").
  const rest = folded.replace(EMAIL, ' ');
  if (hasEmail) flags.push('email');
  if (PHONE.test(folded)) flags.push('phone');
  if (mentionsHandle(rest)) flags.push('handle');
  if (mentionsName(rest)) flags.push('name');
  if (mentionsPostcode(folded)) flags.push('postcode');
  return flags;
}
