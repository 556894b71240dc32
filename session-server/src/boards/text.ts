// Post-it text safety: every post-it may be hostile and is shown on a projector. The server
// normalises text before it is stored; clients render it as text, never as HTML.

// The only tag sequences worth keeping are the RGI subdivision flags (England, Scotland, Wales):
// other tag sequences render as a bare black flag at best, so their tag characters would only
// carry invisible text into storage. A flag that becomes RGI later needs its code added here.
const TAG = (ascii: string) => [...ascii].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
const FLAG_TAG_SEQUENCES = ['gbeng', 'gbsct', 'gbwls'].map((code) => `\u{1F3F4}${TAG(code)}\u{E007F}`);
/**
 * Default_Ignorable_Code_Point covers every character a renderer may draw as nothing: zero-width
 * spaces and joiners, bidi marks and overrides, soft hyphen, Hangul fillers, variation selectors,
 * tag characters. Kept only where an emoji needs them: a whole RGI flag tag sequence, or a
 * variation selector (U+FE0E/U+FE0F) right after a character that can be an emoji. The ZWJ is
 * kept here and judged afterwards by keepEmojiJoiners.
 */
const INVISIBLE = new RegExp(
  `(${FLAG_TAG_SEQUENCES.join('|')})|(\\p{Emoji}[\\uFE0E\\uFE0F])|\\u200D|\\p{Default_Ignorable_Code_Point}`,
  'gu',
);
// C0/C1 controls except newline; tabs become spaces first.
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
// Space-like characters (no-break, em, ideographic, ...) and the braille blank, a favourite for
// "empty" names: all become a plain space, so the space collapsing below sees them.
const BLANKS = /[\p{Zs}\u2800]/gu;
const EMOJI_BEFORE_ZWJ = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const EMOJI_AFTER_ZWJ = /^\p{Extended_Pictographic}/u;
/** At most this many combining marks in a row (enough for real scripts and keycap emoji, not for "zalgo"). */
export const MAX_COMBINING_RUN = 3;

function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, (match, flag?: string, presented?: string) => flag ?? presented ?? (match === '\u200D' ? match : ''));
}

function keepEmojiJoiners(text: string): string {
  const parts = text.split('\u200D');
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const next = parts[i]!;
    out += (EMOJI_BEFORE_ZWJ.test(out) && EMOJI_AFTER_ZWJ.test(next) ? '\u200D' : '') + next;
  }
  return out;
}

function capCombiningRuns(text: string): string {
  return text.replace(/\p{M}+/gu, (run) => [...run].slice(0, MAX_COMBINING_RUN).join(''));
}

/** Plain, single-paragraph-friendly text: no invisible tricks, at most one empty line in a row. */
export function normaliseText(raw: string): string {
  // A lone surrogate (half an emoji from a broken client or a script) is no character at all; with
  // the u flag this range matches only unpaired ones.
  let text = raw.replace(/[\uD800-\uDFFF]/gu, '').replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, ' ');
  text = keepEmojiJoiners(stripInvisible(text)).replace(CONTROLS, '').replace(BLANKS, ' ');
  // NFC after stripping, so a mark that an invisible character kept apart still composes.
  text = capCombiningRuns(text.normalize('NFC'));
  text = text
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  return text.trim();
}
