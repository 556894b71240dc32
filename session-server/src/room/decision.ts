// The shape every decision takes: events to commit, or a refusal a person can read.
import type { ErrorCode } from '../protocol/index.ts';
import type { RoomEvent } from './state.ts';

export type Decision =
  | { ok: true; events: RoomEvent[]; data?: { postItId?: string; clusterId?: string } }
  | { ok: false; error: ErrorCode; message: string };

export const accept = (events: RoomEvent[], data?: { postItId?: string; clusterId?: string }): Decision => ({ ok: true, events, data });
export const refuse = (error: ErrorCode, message: string): Decision => ({ ok: false, error, message });
