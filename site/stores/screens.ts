// The host's and beamer's stores, each a session store with its own auth, over socket.io-client.
// The phone's store is in islands/phone/phone-store.ts, over a lighter socket.
import { io } from 'socket.io-client';
import type { BeamerView, HostCommand, HostView } from '@protocol';
import { ViewFollower } from '@protocol/view-patch';
import { createSessionStore, type OpenSocket } from './session-store.ts';

export type HostStore = ReturnType<typeof createHostStore>;

export const openSocketIo: OpenSocket = (url, auth) =>
  io(url, {
    auth,
    // The join code in the URL lets a load balancer send a whole room to one process (deploy/nginx/kring-cluster.conf).
    query: { room: String(auth.room ?? '') },
    // Long-polling first, then an upgrade to WebSocket when it works. A school proxy that blocks
    // WebSockets then only stops the upgrade and the screen stays on polling; with WebSocket first,
    // socket.io would not fall back by itself.
    transports: ['polling', 'websocket'],
    reconnectionDelayMax: 4000,
  });

export function createHostStore(room: string, key: string) {
  return createSessionStore<HostView, HostCommand>({ role: 'host', room, key }, openSocketIo, { viewFollower: new ViewFollower() });
}

export function createBeamerStore(room: string, key: string) {
  return createSessionStore<BeamerView, never>({ role: 'beamer', room, key }, openSocketIo, { viewFollower: new ViewFollower() });
}
