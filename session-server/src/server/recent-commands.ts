// What a room remembers of the commands it applied, per actor (a phone, the host, the system): the
// last RECENT_KEYS_PER_ACTOR command ids with the acknowledgement each got, so a command sent again
// (a reconnect, a lost acknowledgement) is answered the same and applied once; and the actor's
// vote that waits in the queue, which a newer vote on the same card joins.
//
// Kept per actor in two arrays used as a ring, not in one map of "actor:id" strings: that map
// changed on every command (a key in, the oldest out), and a map that keeps changing keeps
// allocating new tables, which lived long enough to burden the full garbage collections. An id is
// at most 40 characters from [A-Za-z0-9_-] (protocol/commands.ts), so it never holds a ':'.
import type { AckData, CommandAck } from '../protocol/index.ts';

export type AcceptedAck = Extract<CommandAck, { ok: true }>;

/**
 * Command ids remembered per actor. A client resends only its outbox (commands it sent and never
 * heard back about, one at a time, in order), so a few recent ids cover every resend.
 */
export const RECENT_KEYS_PER_ACTOR = 64;

/** One actor's memory: its recent ids and their acknowledgements, and its vote waiting in the queue. */
export class ActorCommands<Waiting> {
  /** Ids, in the order remembered until the ring is full; then `next` is the oldest. '' is a released id. */
  private ids: string[] = [];
  private acks: AcceptedAck[] = [];
  private next = 0;
  /** A vote of this actor waiting in the queue (server/live-rooms.ts); null when none waits. */
  waitingVote: Waiting | null = null;

  /** The acknowledgement the command with this id got, if it was applied. */
  ackOf(id: string): AcceptedAck | undefined {
    const at = id ? this.ids.indexOf(id) : -1;
    return at < 0 ? undefined : this.acks[at];
  }

  remember(id: string, ack: AcceptedAck) {
    if (this.ids.length < RECENT_KEYS_PER_ACTOR) {
      this.ids.push(id);
      this.acks.push(ack);
      return;
    }
    this.ids[this.next] = id;
    this.acks[this.next] = ack;
    this.next = (this.next + 1) % RECENT_KEYS_PER_ACTOR;
  }

  /** Its batch failed: the command was not applied, and may come again. */
  release(id: string) {
    const at = this.ids.indexOf(id);
    if (at >= 0) this.ids[at] = '';
  }

  /** The remembered ids, oldest first. */
  recent(): string[] {
    return [...this.ids.slice(this.next), ...this.ids.slice(0, this.next)].filter(Boolean);
  }
}

/** The stored form of a command key: the actor's part, then the command's id (as in the events table). */
export function commandKey(actor: string, id: string): string {
  return `${actorPrefix(actor)}:${id}`;
}
/** Participants are stored as p:<hash>; the host and the system by their role. */
const actorPrefix = (actor: string) => (actor === 'host' || actor === 'system' ? actor : `p:${actor}`);

/** A stored command key's actor (as `of` takes it) and command id: `commandKey` read back. */
function splitKey(key: string): { actor: string; id: string } {
  const cut = key.lastIndexOf(':');
  const prefix = key.slice(0, cut);
  return { actor: prefix.startsWith('p:') ? prefix.slice(2) : prefix, id: key.slice(cut + 1) };
}

/** The acknowledgement of a command that tells nothing more than that it was applied: one for all. */
export const ACCEPTED: AcceptedAck = Object.freeze({ ok: true });

/** Acknowledgement data with no fields but `choice` and `round`: a vote's. */
function isVoteData(data: AckData): boolean {
  for (const key in data) if (key !== 'choice' && key !== 'round') return false;
  return true;
}

/** A room's commands, per actor: the participant's hash, or 'host' / 'system'. */
export class RecentCommands<Waiting> {
  private actors = new Map<string, ActorCommands<Waiting>>();
  /** Shared vote acknowledgements, by choice and then round (see `accepted`). */
  private voteAcks = new Map<string, AcceptedAck[]>();

  /**
   * The acknowledgement of an accepted command with this data, to send and remember, shared where
   * many are alike. Each is kept with its id for RECENT_KEYS_PER_ACTOR commands per phone, so it
   * outlives the young generation; a vote's names only its choice and round, of which a room has a
   * handful, so a room keeps those few objects instead of one per answer (at 2,000 answers/s they
   * were a tenth of what a young collection copied). Looked up without building a key string.
   * Shared ones are frozen: nobody may change one phone's answer for another.
   */
  accepted(data: AckData | undefined): AcceptedAck {
    if (!data) return ACCEPTED;
    const { choice, round } = data;
    const vote = isVoteData(data);
    if (vote && choice === undefined && round === undefined) return ACCEPTED;
    if (!vote || choice === undefined || round === undefined) return { ok: true, ...data };
    let byRound = this.voteAcks.get(choice);
    if (!byRound) this.voteAcks.set(choice, (byRound = []));
    return (byRound[round] ??= Object.freeze({ ok: true, choice, round }));
  }

  of(actor: string): ActorCommands<Waiting> {
    let memory = this.actors.get(actor);
    if (!memory) this.actors.set(actor, (memory = new ActorCommands()));
    return memory;
  }

  /** Remembers a stored command key (as `keys` gives them), e.g. when a room is loaded. */
  rememberKey(key: string, ack: AcceptedAck) {
    const { actor, id } = splitKey(key);
    this.of(actor).remember(id, ack);
  }

  /** Whether a stored command key is remembered. */
  has(key: string): boolean {
    const { actor, id } = splitKey(key);
    return this.actors.get(actor)?.ackOf(id) !== undefined;
  }

  /** Every remembered command key, each actor's oldest first: what a snapshot carries. */
  keys(): string[] {
    const keys: string[] = [];
    for (const [actor, memory] of this.actors) for (const id of memory.recent()) keys.push(commandKey(actor, id));
    return keys;
  }

  /** Whether any actor has a vote waiting in the queue. */
  voteWaiting(): boolean {
    for (const memory of this.actors.values()) if (memory.waitingVote) return true;
    return false;
  }

  clear() {
    this.actors.clear();
    this.voteAcks.clear();
  }
}
