// One zustand (vanilla) store per screen: the last view the server sent, the connection state and
// the commands this screen sent that the server has not acknowledged yet. The client never
// recomputes results; it shows the view.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { nanoid } from 'nanoid';
import type { CommandAck, ConnectRefusal, HostCommand, ParticipantCommand, View } from '@protocol';
import { EVENTS, LIMITS, PROTOCOL_VERSION, REFUSAL_MESSAGES } from '@protocol/constants';
import type { ViewChange, ViewFollower } from '@protocol/view-patch';
import { serverUrl } from '../lib/server-url.ts';
import { syncServerClock } from '../lib/server-clock.ts';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';
type AnyCommand = HostCommand | ParticipantCommand;
/** A command as a screen writes it: the store adds the idempotency id. */
export type CommandInput<C extends AnyCommand> = C extends AnyCommand ? Omit<C, 'id'> : never;

export interface SessionState<V extends View, C extends AnyCommand> {
  view: V | null;
  status: ConnectionStatus;
  /** Why the server refused the connection: final when `status` is 'refused'; 'busy' while the
   *  store waits a few seconds to try again by itself (status 'connecting'). */
  refusal: ConnectRefusal | null;
  /** Sent but not yet acknowledged, oldest first; resent with the same id after a reconnect. */
  pending: C[];
  /** The last refusal of a command, in plain Dutch, until the next command succeeds. */
  error: string | null;
  /** Server time minus this device's time (lib/server-clock.ts): timers count down with
   *  Date.now() + clockOffset, so every screen agrees whatever its own clock says. */
  clockOffset: number;
}

export interface SessionStore<V extends View, C extends AnyCommand> extends StoreApi<SessionState<V, C>> {
  /** `showsRefusal`: the caller shows a refusal where it happened (e.g. at a form field), so the
   *  screen's general error line stays quiet instead of saying it twice. */
  send(command: CommandInput<C>, options?: { showsRefusal?: boolean }): Promise<CommandAck>;
  close(): void;
}

/** What the store needs of a socket: socket.io-client's (host, beamer), or the phone's lighter one
 *  that speaks the same protocol (islands/phone/light-socket.ts). The store imports neither, so a
 *  phone does not download socket.io-client. */
export interface SessionSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
  connect(): unknown;
  close(): unknown;
}

/** Opens a socket to the server with the handshake's auth. */
export type OpenSocket = (url: string, auth: Record<string, unknown>) => SessionSocket;

export type Auth =
  | { role: 'participant'; room: string; token: string }
  | { role: 'host' | 'beamer'; room: string; key: string };

const ACK_TIMEOUT_MS = 8000;
const CLOCK_ASK_TIMEOUT_MS = 3000;
/** A server that is slowing joins down says 'busy': wait this long (plus up to as much again, so a
 *  class does not come back in one wave) and try again, a little longer each time. */
const BUSY_RETRY_MS = 3000;
const BUSY_RETRY_MAX_MS = 15_000;
/** A command the server answered 'busy' (its write queue is full) is sent again, with the same id,
 *  after this long (doubling, plus up to as much again so phones do not come back in one wave). */
const COMMAND_BUSY_RETRY_MS = 250;
const COMMAND_BUSY_RETRY_MAX_MS = 4000;

/** The server's answer to a command above LIMITS.messageBytes (session-server/src/server/sockets.ts),
 *  given here without sending it: the server would refuse it anyway. */
const TOO_LARGE: Extract<CommandAck, { ok: false }> = { ok: false, error: 'too-large', message: REFUSAL_MESSAGES.tooLarge };

/** A command's size as the server measures it: the bytes of its JSON. */
function commandBytes(command: unknown): number {
  return new TextEncoder().encode(JSON.stringify(command)).length;
}

export function createSessionStore<V extends View, C extends AnyCommand>(
  auth: Auth,
  openSocket: OpenSocket,
  options: {
    /** Where pending commands survive a reload (the phone keeps an answer given offline). */
    persistKey?: string;
    /** Commands that replace an earlier pending one, e.g. a newer vote on the same card. */
    supersedes?: (newer: C, older: C) => boolean;
    /** Host and beamer: after the first view the server sends what changed (protocol/view-patch.ts).
     *  Passed in rather than imported, so the phone, which gets whole views, does not download it. */
    viewFollower?: ViewFollower<V>;
    /** The view as an acknowledgement leaves it (the server sends no new view for an answer); null: unchanged. */
    acknowledged?: (view: V | null, command: C, ack: CommandAck) => V | null;
  } = {},
): SessionStore<V, C> {
  const restored: C[] = options.persistKey ? readPending<C>(options.persistKey) : [];
  const store = createStore<SessionState<V, C>>(() => ({ view: null, status: 'connecting', refusal: null, pending: restored, error: null, clockOffset: 0 }));
  const socket = openSocket(serverUrl(), { v: PROTOCOL_VERSION, ...auth });

  const persist = () => {
    if (options.persistKey) writePending(options.persistKey, store.getState().pending);
  };
  const setPending = (pending: C[]) => {
    store.setState({ pending });
    persist();
  };

  let flushing = false;
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      // In order, one at a time: a later answer must not overtake an earlier one.
      let busy = 0;
      while (socket.connected && store.getState().pending.length) {
        const command = store.getState().pending[0]!;
        let ack: CommandAck;
        try {
          ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(EVENTS.command, command)) as CommandAck;
        } catch {
          break; // no answer: keep it pending, try again after the next (re)connect
        }
        if (!ack.ok && ack.error === 'busy') {
          // Nothing was stored: keep it pending and send it again (same id, so it counts once).
          const wait = Math.min(COMMAND_BUSY_RETRY_MAX_MS, COMMAND_BUSY_RETRY_MS * 2 ** busy++);
          await new Promise((done) => setTimeout(done, wait + Math.random() * wait));
          continue;
        }
        busy = 0;
        // Answered, also when refused ('rate-limited' and 'too-large' included): never sent again.
        setPending(store.getState().pending.filter((c) => c.id !== command.id));
        const view = options.acknowledged?.(store.getState().view, command, ack);
        if (view) store.setState({ view });
        store.setState({ error: ack.ok || shownByCaller.has(command.id) ? null : ack.message });
        shownByCaller.delete(command.id);
        resolvers.get(command.id)?.(ack);
        resolvers.delete(command.id);
      }
    } finally {
      flushing = false;
    }
  }

  const resolvers = new Map<string, (ack: CommandAck) => void>();
  const shownByCaller = new Set<string>();

  /** Estimates the offset to the server's clock again (every (re)connect); a failed sync keeps the last one. */
  async function syncClock() {
    const estimate = await syncServerClock(() => socket.timeout(CLOCK_ASK_TIMEOUT_MS).emitWithAck(EVENTS.time));
    if (estimate) store.setState({ clockOffset: estimate.offsetMs });
  }

  let busyRetries = 0;
  let busyTimer: ReturnType<typeof setTimeout> | undefined;

  socket.on('connect', () => {
    options.viewFollower?.connected();
    busyRetries = 0;
    store.setState({ status: 'online', refusal: null });
    void flush();
    void syncClock();
  });
  socket.on('disconnect', () => store.setState({ status: 'offline' }));
  socket.on('connect_error', (error: Error & { data?: { reason?: ConnectRefusal } }) => {
    const reason = error.data?.reason;
    if (reason === 'busy') {
      // socket.io does not retry a refusal; 'busy' only means "not now", so try again ourselves.
      const wait = Math.min(BUSY_RETRY_MAX_MS, BUSY_RETRY_MS * 2 ** Math.min(busyRetries, 3));
      busyRetries++;
      store.setState({ status: 'connecting', refusal: 'busy' });
      clearTimeout(busyTimer);
      busyTimer = setTimeout(() => socket.connect(), wait + Math.random() * wait);
      return;
    }
    // Any other refusal by the server is final; a network error is retried by socket.io.
    if (reason) store.setState({ status: 'refused', refusal: reason });
    else store.setState({ status: 'offline' });
  });
  const follower = options.viewFollower;
  socket.on(EVENTS.view, (view: V & { seq?: number }) => store.setState({ view: follower ? follower.whole(view) : view }));
  socket.on(EVENTS.viewPatch, (change: ViewChange) => {
    const next = follower?.patch(store.getState().view, change) ?? 'skip';
    if (next === 'reconnect') {
      socket.close();
      socket.connect();
    } else if (next !== 'skip') store.setState({ view: next });
  });

  return Object.assign(store, {
    send(input: CommandInput<C>, sendOptions?: { showsRefusal?: boolean }): Promise<CommandAck> {
      const command = { ...input, id: nanoid() } as unknown as C;
      if (commandBytes(command) > LIMITS.messageBytes) {
        if (!sendOptions?.showsRefusal) store.setState({ error: TOO_LARGE.message });
        return Promise.resolve(TOO_LARGE);
      }
      if (sendOptions?.showsRefusal) shownByCaller.add(command.id);
      const pending = store.getState().pending.filter((older) => !options.supersedes?.(command, older));
      setPending([...pending, command]);
      const acknowledged = new Promise<CommandAck>((resolve) => resolvers.set(command.id, resolve));
      void flush();
      return acknowledged;
    },
    close() {
      clearTimeout(busyTimer);
      socket.close();
    },
  });
}

function readPending<C>(key: string): C[] {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(value) ? (value as C[]) : [];
  } catch {
    return [];
  }
}

function writePending(key: string, pending: unknown[]) {
  try {
    if (pending.length) localStorage.setItem(key, JSON.stringify(pending));
    else localStorage.removeItem(key);
  } catch {
    /* private mode or full storage: pending stays in memory */
  }
}
