// The connection in words (the dot is decoration), so nobody has to read a colour.
import type { ConnectionStatus as Status } from '../stores/session-store.ts';

const WORDS: Record<Status, string> = {
  connecting: 'Verbinden…',
  online: 'Online',
  offline: 'Verbinding weg, wordt hersteld…',
  refused: 'Geen verbinding',
};

export function ConnectionStatus(props: { status: Status }) {
  return (
    <span class={`connection connection--${props.status}`} role="status">
      {WORDS[props.status]}
    </span>
  );
}
