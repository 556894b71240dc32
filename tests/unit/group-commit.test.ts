// When the group commit starts a batch (server/group-commit.ts): a job that cannot wait (an answer,
// a host command) starts one on the next turn; joins, which can wait, wait up to JOIN_WAIT_MS for
// one, so phones connecting together share a commit, and go along at once when anything else comes.
// Fake timers: which batch each job lands in, and when, is exact.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GroupCommit, JOIN_WAIT_MS, type CommitJob } from '../../session-server/src/server/group-commit.ts';
import type { BatchEntry, RoomStore } from '../../session-server/src/storage/room-store.ts';

/** A store that records each batch (the codes in it) and when it started, on the fake clock. */
function recordingStore(writeMs = 0) {
  const batches: { at: number; codes: string[] }[] = [];
  const store = {
    appendBatch: async (entries: BatchEntry[]) => {
      batches.push({ at: Date.now(), codes: entries.map((e) => e.code) });
      if (writeMs) await new Promise((done) => setTimeout(done, writeMs));
    },
  } as unknown as RoomStore;
  return { store, batches };
}

/** A job writing one event for `code`; `settled` lists the jobs whose batch committed, in order. */
function job(code: string, settled: string[]): CommitJob {
  return {
    prepare: () => ({ code, events: [{ type: 'participantJoined', participant: code } as never], commandKey: null }),
    committed: () => void settled.push(code),
    failed: () => void settled.push(`${code} failed`),
  };
}

/** A group commit over a recording store, the jobs' settling order and the start time. */
function setup(writeMs = 0) {
  const { store, batches } = recordingStore(writeMs);
  return { commits: new GroupCommit(store), batches, settled: [] as string[], start: Date.now() };
}

describe('group commit: when a batch starts', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'Date'] }));
  afterEach(() => void vi.useRealTimers());

  it('lets joins wait up to JOIN_WAIT_MS, so joins arriving within it share one commit', async () => {
    const { commits, batches, settled, start } = setup();
    commits.submit(job('join-1', settled), true, true);
    await vi.advanceTimersByTimeAsync(JOIN_WAIT_MS - 1);
    expect(batches).toEqual([]);
    commits.submit(job('join-2', settled), true, true);
    commits.submit(job('join-3', settled), true, true);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([{ at: start + JOIN_WAIT_MS, codes: ['join-1', 'join-2', 'join-3'] }]);
    expect(settled).toEqual(['join-1', 'join-2', 'join-3']);
  });

  it('starts the batch on the next turn when a job that cannot wait comes, and the waiting joins go with it', async () => {
    const { commits, batches, settled, start } = setup();
    commits.submit(job('join', settled), true, true);
    commits.submit(job('answer', settled), true);
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([{ at: start, codes: ['join', 'answer'] }]);
    expect(settled).toEqual(['join', 'answer']);
    // The join's timer was cleared: no second, empty batch later.
    await vi.advanceTimersByTimeAsync(JOIN_WAIT_MS * 2);
    expect(batches.length).toBe(1);
  });

  it('keeps joins that came during a write waiting for the next batch, unless an answer comes too', async () => {
    const { commits, batches, settled, start } = setup(10);
    commits.submit(job('answer-1', settled), true);
    await vi.advanceTimersByTimeAsync(0);
    commits.submit(job('join-1', settled), true, true);
    // The first write ends at +10 ms; join-1 then waits JOIN_WAIT_MS for company.
    await vi.advanceTimersByTimeAsync(10);
    expect(batches.map((b) => b.codes)).toEqual([['answer-1']]);
    await vi.advanceTimersByTimeAsync(JOIN_WAIT_MS);
    expect(batches[1]).toEqual({ at: start + 10 + JOIN_WAIT_MS, codes: ['join-1'] });
    // During that write, a join and then an answer: the answer does not wait, and takes the join along.
    commits.submit(job('join-2', settled), true, true);
    commits.submit(job('answer-2', settled), true);
    await vi.advanceTimersByTimeAsync(12);
    // It starts as that write ends (+25 ms), on the next turn, not JOIN_WAIT_MS later.
    expect(batches[2]!.codes).toEqual(['join-2', 'answer-2']);
    expect(batches[2]!.at - start).toBeLessThan(25 + JOIN_WAIT_MS);
    await vi.advanceTimersByTimeAsync(10);
    expect(settled).toEqual(['answer-1', 'join-1', 'join-2', 'answer-2']);
  });
});
