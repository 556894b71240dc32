// Real socket.io clients for a running server: create a room, connect a host, a beamer and phones.
import { io, type Socket } from 'socket.io-client';
import { nanoid } from 'nanoid';
import {
  PROTOCOL_VERSION,
  type BeamerView,
  type CommandAck,
  type CreateRoomResponse,
  type HostView,
  type ParticipantView,
  type View,
} from '@protocol';
import { withOwnChange } from '@protocol/own-changes';
import { ViewFollower, type ViewChange } from '@protocol/view-patch';

export async function createRoom(url: string, body: Record<string, unknown> = {}): Promise<CreateRoomResponse> {
  const res = await fetch(`${url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deckId: 'focusgroep', ...body }),
  });
  if (res.status !== 201) throw new Error(`create room: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateRoomResponse;
}

export interface TestClient<V extends View> {
  socket: Socket;
  /** The newest view received. */
  view(): V;
  /** Resolves with the first view (received now or later) that matches. */
  waitFor(predicate: (view: V) => boolean, timeoutMs?: number): Promise<V>;
  send(command: Record<string, unknown>): Promise<CommandAck>;
  /** Called with every view as the client holds it: whole views, and after each patch. */
  onView(listener: (view: V) => void): void;
  close(): void;
}

/** The transports a test client uses: WebSocket only, long-polling only (a school proxy that blocks
 *  WebSockets), or what a browser does (polling first, then upgrade). */
export type Transports = ('websocket' | 'polling')[];

/** By default a test client connects as the site's client does: long-polling first (what a phone
 *  keeps behind a proxy that blocks WebSockets), then the upgrade to WebSocket. */
export function connect<V extends View>(url: string, auth: Record<string, unknown>, transports: Transports = ['polling', 'websocket']): Promise<TestClient<V>> {
  const socket = io(url, { auth: { v: PROTOCOL_VERSION, ...auth }, transports, forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 300 });
  let latest: V | undefined;
  const waiters = new Set<{ predicate: (v: V) => boolean; resolve: (v: V) => void }>();
  const listeners: ((view: V) => void)[] = [];
  const receive = (view: V) => {
    latest = view;
    for (const listener of listeners) listener(view);
    for (const w of waiters) {
      if (w.predicate(view)) {
        waiters.delete(w);
        w.resolve(view);
      }
    }
  };
  // Host and beamer get patches after their first view, as the screens do (site/stores/session-store.ts).
  const follower = new ViewFollower<V>();
  socket.on('view', (view: V & { seq?: number }) => receive(follower.whole(view)));
  socket.on('connect', () => follower.connected());
  socket.on('view:patch', (change: ViewChange) => {
    const next = follower.patch(latest ?? null, change);
    if (next === 'reconnect') {
      socket.disconnect();
      socket.connect();
    } else if (next !== 'skip') receive(next);
  });
  const client: TestClient<V> = {
    socket,
    view: () => {
      if (!latest) throw new Error('no view yet');
      return latest;
    },
    waitFor(predicate, timeoutMs = 5000) {
      if (latest && predicate(latest)) return Promise.resolve(latest);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`no matching view within ${timeoutMs} ms; last: ${JSON.stringify(latest)?.slice(0, 400)}`));
        }, timeoutMs);
      });
    },
    // As the phone does (site/islands/phone/phone-store.ts): an accepted answer or new post-it
    // comes with no view, its acknowledgement says what was stored.
    async send(command) {
      const ack = (await socket.timeout(5000).emitWithAck('command', { id: nanoid(), ...command })) as CommandAck;
      const view = latest && latest.role === 'participant' ? withOwnChange(latest, command as { type: string; cardId?: string }, ack) : null;
      if (view) receive(view as V);
      return ack;
    },
    onView: (listener) => void listeners.push(listener),
    close: () => void socket.close(),
  };
  return new Promise((resolve, reject) => {
    const refused = (error: Error & { data?: unknown }) => {
      // A refused client must not linger (socket.io would keep its connection open).
      socket.close();
      reject(Object.assign(error, { data: (error as { data?: unknown }).data }));
    };
    socket.once('connect_error', refused);
    // Once connected, later connect_errors are failed reconnect attempts that socket.io retries.
    socket.once('view', () => {
      socket.off('connect_error', refused);
      resolve(client);
    });
  });
}

export const connectHost = (url: string, room: CreateRoomResponse, transports?: Transports) =>
  connect<HostView>(url, { role: 'host', room: room.code, key: room.hostKey }, transports);
export const connectBeamer = (url: string, room: CreateRoomResponse, transports?: Transports) =>
  connect<BeamerView>(url, { role: 'beamer', room: room.code, key: room.beamerKey }, transports);
export const connectPhone = (url: string, room: CreateRoomResponse, token = nanoid(), transports?: Transports) =>
  connect<ParticipantView>(url, { role: 'participant', room: room.code, token }, transports);
