// The protocol's plain values and checks, without zod: the phone and beamer import these from
// '@protocol/constants' so a cheap phone does not download the schemas it never runs.

/** Bump when a command or view changes shape; an older client is told to reload. */
export const PROTOCOL_VERSION = 4;

/** Event names: the only place they are spelled. */
export const EVENTS = {
  command: 'command',
  view: 'view',
  /** Host and beamer, after their first view: what changed ({ from, to, patch }, protocol/view-patch.ts). */
  viewPatch: 'view:patch',
  /** Clock sync: the client asks with an acknowledgement, the server answers its Date.now(). */
  time: 'time',
} as const;

/** Join codes: no look-alike characters (0/O, 1/I/l) and upper case only. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** A typed or linked code as the server knows it ("abc-def" → "ABCDEF"), or null when it cannot be one. */
export function normaliseJoinCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  return JOIN_CODE_PATTERN.test(code) ? code : null;
}

/** Host and beamer keys: 32 url-safe characters. */
export const SECRET_KEY_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export const MIN_GROUP_SIZE_FLOOR = 3;
export const DEFAULT_MIN_GROUP_SIZE = 5;
export const MIN_GROUP_SIZE_MAX = 50;

/** Server defaults the privacy page quotes (a school may change them: KRING_RETENTION_DAYS, KRING_UNATTENDED_END_HOURS). */
export const DEFAULT_RETENTION_DAYS = 30;
export const DEFAULT_UNATTENDED_END_HOURS = 4;

/** Refusals a client can also give itself before sending, in the server's words. */
export const REFUSAL_MESSAGES = {
  tooLarge: 'Dit bericht is te groot voor de server. Er is niets veranderd.',
} as const;

/** A step's timer (room/timer.ts): minutes the host may start with or add at once, and a sane cap
 *  on a step's total length (there is no upper limit a method needs; this only keeps numbers sane). */
export const TIMER_LIMITS = {
  startMinutes: { min: 1, max: 600 },
  extendMinutes: { min: 1, max: 120 },
  defaultMinutes: 5,
  maxTotalMs: 24 * 60 * 60 * 1000,
} as const;

/** Limits the server enforces; the clients show them but never are the only check. */
export const LIMITS = {
  /** A team meeting's case, typed by whoever brings it in (or the host). */
  caseChars: 1200,
  /** The dilemma in one sentence, a conclusion, an agreed action's parts. */
  recordChars: 280,
  actionPartChars: 80,
  recordsPerMeeting: 30,
  /** "Wat neem ik mee": notes for oneself and one action point. */
  reflectionNotesChars: 1000,
  /** Cards in play: a deck has at most 60, plus the host's own. */
  cardsInPlay: 80,
  ownCards: 20,
  ownCardTitleChars: 80,
  ownCardSituationChars: 240,
  postItChars: 280,
  postItsPerParticipantPerCard: 5,
  postItsPerCard: 400,
  clusterNameChars: 60,
  clustersPerCard: 24,
  /** Phones in one room by default (a server may set KRING_PARTICIPANTS_PER_ROOM): a whole location in the aula. */
  participantsPerRoom: 5000,
  /** Ids in one postIt.approve command; the console sends "approve all" as its own command. */
  postItIdsPerCommand: 100,
  /** The largest command the server takes: a command is a few hundred bytes. A larger one is
   *  refused with 'too-large' (the transport itself takes up to `transportBytes`). */
  messageBytes: 4096,
  /** socket.io's maxHttpBufferSize: above this the transport drops the connection without an
   *  answer, so it is set well above `messageBytes` to leave room for a clear refusal. */
  transportBytes: 65_536,
  /** Sockets one phone (participant token) may hold at once; a new one closes the oldest. */
  socketsPerParticipant: 3,
  /** The largest group size a host may name at the start: a whole location in one room. */
  expectedGroupSize: 5000,
} as const;

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('nl', { granularity: 'grapheme' }) : null;

/** Below U+0300 (the combining marks) every UTF-16 unit is a character on its own; "\r\n" is one, so \r is left out. */
const SIMPLE_TEXT = /^[\u0000-\u000c\u000e-\u02ff]*$/;

/** Length as a person counts it (an emoji is one): the server's post-it limit and the phone's counter. */
export function textLength(text: string): number {
  // Latin text without combining marks, emoji or other multi-unit characters: one unit, one character.
  if (SIMPLE_TEXT.test(text)) return text.length;
  if (!graphemes) return [...text].length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}
