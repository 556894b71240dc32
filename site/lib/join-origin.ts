// The address phones use to join. On a page opened as http://localhost (the teacher's laptop) that
// address is useless to a phone, so the server is asked for the laptop's network address (or the
// school's public one) and the join link and QR code use that instead.
import { createSignal } from 'solid-js';
import { serverUrl } from './server-url.ts';

const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

export function isLocalPage(): boolean {
  return LOCAL.test(window.location.hostname);
}

/** A signal with the origin to put in join links: this page's, or the network address for a local page. */
export function createJoinOrigin() {
  const [origin, setOrigin] = createSignal(window.location.origin);
  const [fromNetwork, setFromNetwork] = createSignal(false);
  if (isLocalPage()) {
    fetch(`${serverUrl()}/api/join-addresses`)
      .then((r) => (r.ok ? r.json() : { addresses: [] }))
      .then((body: { addresses?: string[] }) => {
        const first = body.addresses?.[0];
        if (first) {
          setOrigin(first.replace(/\/$/, ''));
          setFromNetwork(true);
        }
      })
      .catch(() => {});
  }
  return { origin, fromNetwork };
}
