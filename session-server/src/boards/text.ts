// Post-it text safety: every post-it may be hostile and is shown on a projector. The server
// normalises text before it is stored; clients render it as text, never as HTML.

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Zero-width characters that can hide or glue text. U+200D (ZWJ) is handled separately.
const ZERO_WIDTH = /[\u200B\u200C\u2060\u2061-\u2064\uFEFF\u180E]/g;
// C0/C1 controls except newline; tabs become spaces first.
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
const EMOJI_BEFORE_ZWJ = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const EMOJI_AFTER_ZWJ = /^\p{Extended_Pictographic}/u;
/** At most this many combining marks in a row (enough for real scripts and keycap emoji, not for "zalgo"). */
export const MAX_COMBINING_RUN = 3;

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
  let text = raw.normalize('NFC').replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, ' ');
  text = text.replace(BIDI_CONTROLS, '').replace(ZERO_WIDTH, '').replace(CONTROLS, '');
  text = keepEmojiJoiners(text);
  text = capCombiningRuns(text);
  text = text
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  return text.trim();
}
