// A local check (no outside service) that flags post-its which may identify someone, so the host
// can hide them before the beamer shows them. It flags; it never blocks: the host decides.
import type { PostItFlag } from '../protocol/index.ts';

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
// Nine or more digits, allowing spaces, dots, dashes and a leading +: Dutch mobile and landline numbers.
const PHONE = /(?:\+|\b)\d(?:[\s.-]?\d){8,}\b/;
const HANDLE = /(?:^|[^\w@])@[A-Za-z0-9_.]{2,30}\b/;
// Words that introduce a person: "meneer Jansen", "juf Sara".
const TITLED_NAME = /\b(?:meneer|mevrouw|mevr|mr|mw|dhr|juf|meester|mentor|docent|leraar|lerares|coach)\.?\s+\p{Lu}\p{Ll}+/iu;
// Capitalised words that are not names (start of a sentence is skipped separately).
const NOT_NAMES = new Set(
  [
    'ik', 'nederland', 'nederlands', 'nederlandse', 'marokkaans', 'marokkaanse', 'turks', 'turkse', 'surinaams', 'surinaamse',
    'god', 'allah', 'islam', 'moslim', 'moslims', 'joods', 'joodse', 'christen', 'christenen', 'europa', 'afrika', 'azië',
    'instagram', 'tiktok', 'snapchat', 'whatsapp', 'facebook', 'youtube', 'discord', 'google', 'teams', 'magister',
    'lhbtiq', 'lhbti', 'mbo', 'vmbo', 'havo', 'vwo', 'hbo', 'bol', 'bbl', 'stage', 'ramadan', 'kerst', 'suikerfeest',
    'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'oké', 'ok', 'nee', 'ja',
  ],
);

function hasMidSentenceCapital(text: string): boolean {
  // Split into sentences; a capital after the first word of a sentence hints at a name.
  for (const sentence of text.split(/[.!?\n]+/)) {
    const words = sentence.trim().split(/\s+/).slice(1);
    for (const word of words) {
      const bare = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (/^\p{Lu}\p{Ll}{1,}$/u.test(bare) && !NOT_NAMES.has(bare.toLowerCase())) return true;
    }
  }
  return false;
}

export function flagsFor(text: string): PostItFlag[] {
  const flags: PostItFlag[] = [];
  if (EMAIL.test(text)) flags.push('email');
  if (PHONE.test(text)) flags.push('phone');
  if (HANDLE.test(text.replace(EMAIL, ''))) flags.push('handle');
  if (TITLED_NAME.test(text) || hasMidSentenceCapital(text)) flags.push('name');
  return flags;
}
