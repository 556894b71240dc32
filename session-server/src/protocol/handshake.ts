// The socket.io handshake (`auth` payload) and room creation over HTTP, as zod schemas.
import { z } from 'zod';
import { ClassAge, SchoolContacts } from './help.ts';
import { DEFAULT_MIN_GROUP_SIZE, LIMITS, MIN_GROUP_SIZE_FLOOR, MIN_GROUP_SIZE_MAX, SECRET_KEY_PATTERN, normaliseJoinCode } from './constants.ts';

export const JoinCode = z
  .string()
  .transform((s) => normaliseJoinCode(s) ?? s)
  .pipe(z.string().refine((s) => normaliseJoinCode(s) === s, 'onbekende code'));

/** A participant token is made by the phone (nanoid, 21 characters) and kept in localStorage. */
export const ParticipantToken = z.string().regex(/^[A-Za-z0-9_-]{21}$/);
export const SecretKey = z.string().regex(SECRET_KEY_PATTERN);

export const Handshake = z.discriminatedUnion('role', [
  z.strictObject({ v: z.number().int(), role: z.literal('participant'), room: JoinCode, token: ParticipantToken }),
  z.strictObject({ v: z.number().int(), role: z.literal('host'), room: JoinCode, key: SecretKey }),
  z.strictObject({ v: z.number().int(), role: z.literal('beamer'), room: JoinCode, key: SecretKey }),
]);
export type Handshake = z.infer<typeof Handshake>;
export type Role = Handshake['role'];

/** Why a connection was refused; sent as `err.data.reason` of socket.io's connect_error. */
export const ConnectRefusal = z.enum(['outdated', 'invalid', 'unknown-room', 'forbidden', 'full', 'busy', 'locked']);
export type ConnectRefusal = z.infer<typeof ConnectRefusal>;

export const CreateRoomRequest = z.strictObject({
  deckId: z.string().regex(/^[a-z0-9-]{1,60}$/),
  minGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR, `minstens ${MIN_GROUP_SIZE_FLOOR}`).max(MIN_GROUP_SIZE_MAX).default(DEFAULT_MIN_GROUP_SIZE),
  /** How many people the host expects; more phones than this is a warning sign of made-up phones. */
  expectedGroupSize: z.number().int().min(1, 'minstens 1').max(LIMITS.expectedGroupSize, `hoogstens ${LIMITS.expectedGroupSize}`).nullable().default(null),
  contacts: SchoolContacts.default({ vertrouwenspersoon: {} }),
  /** A class deck's age, for which help lines phones list; ignored for a team deck. Absent: mixed. */
  age: ClassAge.optional(),
  /** The group's name for the afspraken poster and the report, e.g. "klas 3B". Not about a person. */
  groupName: z.string().trim().max(60, 'hoogstens 60 tekens').nullable().default(null),
  /** The cards to play, in order, picked before the start; absent: the whole deck in its order. */
  cardIds: z
    .array(z.string().regex(/^[a-z0-9-]{1,60}$/))
    .min(1, 'kies minstens één kaart')
    .max(LIMITS.cardsInPlay)
    .optional(),
});
export type CreateRoomRequest = z.input<typeof CreateRoomRequest>;

export const CreateRoomResponse = z.strictObject({
  code: z.string(),
  hostKey: z.string(),
  beamerKey: z.string(),
});
export type CreateRoomResponse = z.infer<typeof CreateRoomResponse>;
