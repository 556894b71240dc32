// The socket.io types Kring's server uses: events both ways and what a socket carries after the handshake.
import type { Server, Socket } from 'socket.io';
import type { Role, View } from '../protocol/index.ts';
import type { ViewChange } from '../protocol/view-patch.ts';

export interface ClientToServerEvents {
  command: (...args: unknown[]) => void;
  time: (...args: unknown[]) => void;
}
export interface ServerToClientEvents {
  view: (view: View) => void;
  'view:patch': (change: ViewChange) => void;
}
/** Between session-server processes (several processes, over the Redis adapter). */
export interface InterServerEvents {
  /** A room was deleted (by its host, or retention): every process drops its copy. */
  roomDeleted: (code: string) => void;
}
export interface SocketData {
  code: string;
  role: Role;
  /** The participant's keyed hash; null for host and beamer, and after the session ended. */
  participant: string | null;
}
export type KringSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type KringServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
