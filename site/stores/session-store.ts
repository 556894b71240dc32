// One zustand (vanilla) store per screen: the last view the server sent, the connection state and
// the commands this screen sent that the server has not acknowledged yet. The client never
// recomputes results; it shows the view.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { io, type Socket } from 'socket.io-client';
import { nanoid } from 'nanoid';
import type { CommandAck, ConnectRefusal, HostCommand, ParticipantCommand, View } from '@protocol';
import { EVENTS, PROTOCOL_VERSION } from '@protocol/constants';
import { serverUrl } from '../lib/server-url.ts';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';
type AnyCommand = HostCommand | ParticipantCommand;
/** A command as a screen writes it: the store adds the idempotency id. */
export type CommandInput<C extends AnyCommand> = C extends AnyCommand ? Omit<C, 'id'> : never;

export interface SessionState<V extends View, C extends AnyCommand> {
  view: V | null;
  status: ConnectionStatus;
  refusal: ConnectRefusal | null;
  /** Sent but not yet acknowledged, oldest first; resent with the same id after a reconnect. */
  pending: C[];
  /** The last refusal of a command, in plain Dutch, until the next command succeeds. */
  error: string | null;
}

export interface SessionStore<V extends View, C extends AnyCommand> extends StoreApi<SessionState<V, C>> {
  /** `showsRefusal`: the caller shows a refusal where it happened (e.g. at a form field), so the
   *  screen's general error line stays quiet instead of saying it twice. */
  send(command: CommandInput<C>, options?: { showsRefusal?: boolean }): Promise<CommandAck>;
  close(): void;
}

export type Auth =
  | { role: 'participant'; room: string; token: string }
  | { role: 'host' | 'beamer'; room: string; key: string };

const ACK_TIMEOUT_MS = 8000;

export function createSessionStore<V extends View, C extends AnyCommand>(
  auth: Auth,
  options: {
    /** Where pending commands survive a reload (the phone keeps an answer given offline). */
    persistKey?: string;
    /** Commands that replace an earlier pending one, e.g. a newer vote on the same card. */
    supersedes?: (newer: C, older: C) => boolean;
  } = {},
): SessionStore<V, C> {
  const restored: C[] = options.persistKey ? readPending<C>(options.persistKey) : [];
  const store = createStore<SessionState<V, C>>(() => ({ view: null, status: 'connecting', refusal: null, pending: restored, error: null }));
  const socket: Socket = io(serverUrl(), {
    auth: { v: PROTOCOL_VERSION, ...auth },
    transports: ['websocket', 'polling'],
    reconnectionDelayMax: 4000,
  });

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
      while (socket.connected && store.getState().pending.length) {
        const command = store.getState().pending[0]!;
        let ack: CommandAck;
        try {
          ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(EVENTS.command, command);
        } catch {
          break; // no answer: keep it pending, try again after the next (re)connect
        }
        setPending(store.getState().pending.filter((c) => c.id !== command.id));
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

  socket.on('connect', () => {
    store.setState({ status: 'online', refusal: null });
    void flush();
  });
  socket.on('disconnect', () => store.setState({ status: 'offline' }));
  socket.on('connect_error', (error: Error & { data?: { reason?: ConnectRefusal } }) => {
    const reason = error.data?.reason;
    // A refusal by the server is final (socket.io does not retry it); a network error is retried.
    if (reason) store.setState({ status: 'refused', refusal: reason });
    else store.setState({ status: 'offline' });
  });
  socket.on(EVENTS.view, (view: V) => store.setState({ view }));

  return Object.assign(store, {
    send(input: CommandInput<C>, sendOptions?: { showsRefusal?: boolean }): Promise<CommandAck> {
      const command = { ...input, id: nanoid() } as unknown as C;
      if (sendOptions?.showsRefusal) shownByCaller.add(command.id);
      const pending = store.getState().pending.filter((older) => !options.supersedes?.(command, older));
      setPending([...pending, command]);
      const acknowledged = new Promise<CommandAck>((resolve) => resolvers.set(command.id, resolve));
      void flush();
      return acknowledged;
    },
    close() {
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
