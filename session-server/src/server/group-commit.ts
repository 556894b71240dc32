// Group commit: every change of every room that arrives while a transaction is being written goes
// into the next one, so a thousand answers cost one durable write instead of a thousand. One batch
// is in flight at a time; each job learns whether its batch committed before anyone is told.
//
// A job is prepared (decided) only when its batch forms, in the order jobs came in, so a room's
// commands still apply in order and each is decided on the state the ones before it left. The
// queue is bounded: above `maxQueued` waiting jobs, a job that may be refused is refused at once
// (BusyError) and the client tries again, instead of every answer waiting longer and longer.
//
// A job that `canWait` (a phone joining) starts no batch of its own at once: it waits up to
// JOIN_WAIT_MS for one, so a whole location's phones connecting together share a few commits
// instead of one per handful. In a connect storm of 6,000 phones that was 770-1,350 commits (now
// 190-410), each waking the writer thread and back on a 2-core machine where the event loop needs
// every cycle. Anything else queued meanwhile starts the batch at once and the waiting jobs go with
// it. (A join that arrives during a write waits for that write, and then up to JOIN_WAIT_MS.)
import { FencedError, type BatchEntry, type RoomStore } from '../storage/room-store.ts';

export interface CommitJob {
  /** Called once when the job's batch forms (`batch` numbers them); what to write, or null for nothing. */
  prepare(batch: number): BatchEntry | null;
  /** The batch is stored (also for a job that wrote nothing). Called in job order. */
  committed(): void;
  /** The batch failed: nothing of it is stored. Called in job order. */
  failed(error: unknown): void;
}

export class BusyError extends Error {
  constructor() {
    super('commit queue full');
  }
}

/** Jobs that may wait for the next transaction before new ones are refused with BusyError. */
export const DEFAULT_COMMIT_QUEUE_LIMIT = 5000;

/** How long a job that can wait (a join) waits at most for its batch to start. */
export const JOIN_WAIT_MS = 5;

export class GroupCommit {
  private queue: CommitJob[] = [];
  private writing = false;
  /** A batch will start on the next turn (setImmediate), or after JOIN_WAIT_MS (timer). */
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  /** The queue holds a job that cannot wait. */
  private urgent = false;
  private batch = 0;
  private store: RoomStore;
  private maxQueued: number;

  constructor(store: RoomStore, maxQueued = DEFAULT_COMMIT_QUEUE_LIMIT) {
    this.store = store;
    this.maxQueued = maxQueued;
  }

  /**
   * Queues a job for the next transaction; throws BusyError when full and the job `mayRefuse`.
   * `canWait`: the batch may start up to JOIN_WAIT_MS later, so jobs like it share it.
   */
  submit(job: CommitJob, mayRefuse: boolean, canWait = false) {
    if (mayRefuse && this.queue.length >= this.maxQueued) throw new BusyError();
    this.queue.push(job);
    if (!canWait) this.urgent = true;
    this.schedule();
  }

  /** How many jobs wait for the next transaction. */
  get waiting() {
    return this.queue.length;
  }

  private schedule() {
    if (this.writing || this.scheduled || !this.queue.length) return;
    if (!this.urgent) {
      this.timer ??= setTimeout(this.startWaited, JOIN_WAIT_MS);
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.scheduled = true;
    // After this turn's I/O callbacks: commands that arrived together share the first transaction too.
    setImmediate(this.startNow);
  }

  private startNow = () => {
    this.scheduled = false;
    void this.flush();
  };

  private startWaited = () => {
    this.timer = null;
    void this.flush();
  };

  private async flush() {
    if (this.writing || !this.queue.length) return;
    this.writing = true;
    const jobs = this.queue;
    this.queue = [];
    this.urgent = false;
    const batch = ++this.batch;
    const prepared: { job: CommitJob; code: string | null }[] = [];
    const entries: BatchEntry[] = [];
    for (const job of jobs) {
      let entry: BatchEntry | null;
      try {
        entry = job.prepare(batch);
      } catch (error) {
        job.failed(error);
        continue;
      }
      prepared.push({ job, code: entry?.code ?? null });
      if (entry && (entry.events.length || entry.compact)) entries.push(entry);
    }
    const { failure, fenced } = await this.write(entries);
    for (const { job, code } of prepared) {
      try {
        if (code !== null && fenced?.codes.includes(code)) job.failed(fenced);
        else if (failure) job.failed(failure.error);
        else job.committed();
      } catch (error) {
        console.error('[kring] a committed change could not be reported:', (error as Error).message);
      }
    }
    this.writing = false;
    this.schedule();
  }

  /**
   * Writes the batch. Rooms another process took over (FencedError) are left out and the rest is
   * written again, so one lost lease does not refuse every other room's commands.
   */
  private async write(entries: BatchEntry[]): Promise<{ failure: { error: unknown } | null; fenced: FencedError | null }> {
    const lost: string[] = [];
    let left = entries;
    while (left.length) {
      try {
        await this.store.appendBatch(left);
        break;
      } catch (error) {
        if (!(error instanceof FencedError)) return { failure: { error }, fenced: lost.length ? new FencedError(lost) : null };
        lost.push(...error.codes);
        left = left.filter((entry) => !error.codes.includes(entry.code));
      }
    }
    return { failure: null, fenced: lost.length ? new FencedError(lost) : null };
  }
}
