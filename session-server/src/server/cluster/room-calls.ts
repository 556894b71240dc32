// Requests from one process to another over Redis pub/sub: each process listens on a channel of
// its own; a request names the channel to answer on and an id; an answer that does not come within
// the timeout counts as `busy`, so the client tries again (by then the room may have a new holder).
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** The other process did not answer in time, or nobody listens on its channel (it stopped). */
export class CallTimeoutError extends Error {
  constructor() {
    super('no answer from the process that holds the room');
  }
}

interface Request {
  kind: 'request';
  id: string;
  from: string;
  call: unknown;
}
interface Response {
  kind: 'response';
  id: string;
  ok: boolean;
  result?: unknown;
}

export interface RoomCallsOptions {
  publisher: Redis;
  /** A connection of its own: a subscribed Redis connection can do nothing else. */
  subscriber: Redis;
  /** Channel names start with this (one Kring installation per prefix). */
  prefix: string;
  processId: string;
  timeoutMs: number;
  /** Answers a request from another process. */
  handle: (call: unknown) => Promise<unknown>;
}

export function roomCalls(options: RoomCallsOptions) {
  const channelOf = (processId: string) => `${options.prefix}:calls:${processId}`;
  const own = channelOf(options.processId);
  const waiting = new Map<string, { resolve: (r: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

  function settle(response: Response) {
    const entry = waiting.get(response.id);
    if (!entry) return;
    waiting.delete(response.id);
    clearTimeout(entry.timer);
    if (response.ok) entry.resolve(response.result);
    else entry.reject(new Error('the holding process failed to answer'));
  }

  async function answer(request: Request) {
    let response: Response;
    try {
      response = { kind: 'response', id: request.id, ok: true, result: await options.handle(request.call) };
    } catch (error) {
      console.error('[kring] a forwarded request failed:', (error as Error).message);
      response = { kind: 'response', id: request.id, ok: false };
    }
    await options.publisher.publish(channelOf(request.from), JSON.stringify(response));
  }

  options.subscriber.on('message', (channel: string, text: string) => {
    if (channel !== own) return;
    let message: Request | Response;
    try {
      message = JSON.parse(text) as Request | Response;
    } catch {
      return;
    }
    if (message.kind === 'response') settle(message);
    else if (message.kind === 'request') void answer(message).catch(() => undefined);
  });

  return {
    /** Subscribes to this process's channel; ioredis subscribes again by itself after a reconnect. */
    start: () => options.subscriber.subscribe(own),
    /** Sends `call` to the process `to` and waits for its answer; rejects with CallTimeoutError. */
    call(to: string, call: unknown): Promise<unknown> {
      const id = randomUUID();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new CallTimeoutError());
        }, options.timeoutMs);
        waiting.set(id, { resolve, reject, timer });
        const request: Request = { kind: 'request', id, from: options.processId, call };
        options.publisher.publish(channelOf(to), JSON.stringify(request)).then(
          // Nobody listens: the process stopped; no point waiting for the timeout.
          (listeners) => listeners === 0 && settleFailed(id),
          () => settleFailed(id),
        );
      });
    },
  };

  function settleFailed(id: string) {
    const entry = waiting.get(id);
    if (!entry) return;
    waiting.delete(id);
    clearTimeout(entry.timer);
    entry.reject(new CallTimeoutError());
  }
}

export type RoomCalls = ReturnType<typeof roomCalls>;
