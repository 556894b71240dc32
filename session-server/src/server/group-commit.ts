// Group commit: every change of every room that arrives while a transaction is being written goes
// into the next one, so a thousand answers cost one durable write instead of a thousand. One batch
// is in flight at a time; each job learns whether its batch committed before anyone is told.
//
// A job is prepared (decided) only when its batch forms, in the order jobs came in, so a room's
// commands still apply in order and each is decided on the state the ones before it left. The
// queue is bounded: above `maxQueued` waiting jobs, a job that may be refused is refused at once
// (BusyError) and the client tries again, instead of every answer waiting longer and longer.
import type { RoomEvent } from '../room/state.ts';
import type { RoomStore } from '../storage/room-store.ts';

export interface BatchEntry {
  code: string;
  events: RoomEvent[];
  commandKey: string | null;
}

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

export class GroupCommit {
  private queue: CommitJob[] = [];
  private writing = false;
  private scheduled = false;
  private batch = 0;
  private store: RoomStore;
  private maxQueued: number;

  constructor(store: RoomStore, maxQueued = DEFAULT_COMMIT_QUEUE_LIMIT) {
    this.store = store;
    this.maxQueued = maxQueued;
  }

  /** Queues a job for the next transaction; throws BusyError when full and the job `mayRefuse`. */
  submit(job: CommitJob, mayRefuse: boolean) {
    if (mayRefuse && this.queue.length >= this.maxQueued) throw new BusyError();
    this.queue.push(job);
    this.schedule();
  }

  /** How many jobs wait for the next transaction. */
  get waiting() {
    return this.queue.length;
  }

  private schedule() {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    // After this turn's I/O callbacks: commands that arrived together share the first transaction too.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush() {
    if (this.writing || !this.queue.length) return;
    this.writing = true;
    const jobs = this.queue;
    this.queue = [];
    const batch = ++this.batch;
    const prepared: CommitJob[] = [];
    const entries: BatchEntry[] = [];
    for (const job of jobs) {
      let entry: BatchEntry | null;
      try {
        entry = job.prepare(batch);
      } catch (error) {
        job.failed(error);
        continue;
      }
      prepared.push(job);
      if (entry && entry.events.length) entries.push(entry);
    }
    let failure: { error: unknown } | null = null;
    try {
      if (entries.length) await this.store.appendBatch(entries);
    } catch (error) {
      failure = { error };
    }
    for (const job of prepared) {
      try {
        if (failure) job.failed(failure.error);
        else job.committed();
      } catch (error) {
        console.error('[kring] a committed change could not be reported:', (error as Error).message);
      }
    }
    this.writing = false;
    this.schedule();
  }
}
