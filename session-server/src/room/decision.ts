// The shape every decision takes: events to commit, or a refusal a person can read.
import type { AckData, ErrorCode } from '../protocol/index.ts';
import type { RoomEvent } from './state.ts';

export type Decision =
  | { ok: true; events: RoomEvent[]; data?: AckData }
  | { ok: false; error: ErrorCode; message: string };

export const accept = (events: RoomEvent[], data?: AckData): Decision => ({ ok: true, events, data });
export const refuse = (error: ErrorCode, message: string): Decision => ({ ok: false, error, message });
