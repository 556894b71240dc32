// The phone's connection to the session server: the socket.io protocol (Engine.IO 4 with Socket.IO
// 5 packets), only what the phone uses, in about a tenth of socket.io-client's bytes — on a slow
// school network that is a second less before a student can vote (issue 11). What it does, like
// socket.io-client with the options host and beamer use (stores/screens.ts):
//  - long-polling first, then an upgrade to WebSocket when that works (after the first event, see
//    UPGRADE_AFTER_MS): a proxy that blocks WebSockets only stops the upgrade and the phone stays on polling;
//  - the handshake sends `auth`; a refusal by the server arrives as 'connect_error' with its `data`
//    and is not retried (the store decides, e.g. after 'busy');
//  - after a network error it reconnects by itself, waiting 1, 2, 4… s (at most `delayMax`, ±50 %);
//  - events with acknowledgements both ways; JSON only (Kring sends no binary).
import type { SessionSocket } from '../../stores/session-store.ts';

type Listener = (...args: unknown[]) => void;
/** Engine.IO's separator between packets in one long-polling body. */
const SEPARATOR = '\x1e';
const DELAY_MIN_MS = 1000;
/**
 * The upgrade to WebSocket waits for the first event after connecting (the phone's view), or this
 * long: over long-polling the server compresses that view, socket.io's WebSocket frames are not
 * compressed, and on a slow school network that is 0.6 kB of the first load (issue 11).
 */
const UPGRADE_AFTER_MS = 3000;

interface Engine {
  send(packet: string): void;
  /** Try the WebSocket now (see UPGRADE_AFTER_MS); once, and only when the server offers it. */
  upgrade(): void;
  /** Quietly, without reporting a close; `farewell` packets are sent first when still possible. */
  stop(farewell?: string[]): void;
}

/** The Engine.IO handshake that a join link's page started before its scripts came
 *  (pages/join/index.astro): one round trip less before a student can vote (issue 11). */
interface EarlyHandshake {
  /** Date.now() when it was sent. */
  at: number;
  body: Promise<string>;
}
/** The server closes a session that has not answered its first ping (25 s, then 20 s): use the
 *  early handshake only well before that. */
const EARLY_HANDSHAKE_MS = 15_000;

/** The early handshake for `polling`, once; null when there is none, or it is for another server or too old. */
function takeEarlyHandshake(polling: string): Promise<string> | null {
  const holder = globalThis as { kringHandshake?: EarlyHandshake & { url: string } };
  const early = holder.kringHandshake;
  delete holder.kringHandshake;
  if (!early || new URL(early.url, location.href).href !== new URL(polling, location.href).href || Date.now() - early.at > EARLY_HANDSHAKE_MS) return null;
  return early.body;
}

/** One Engine.IO connection; reports 'open', each message packet and its close, once. */
function openEngine(base: string, room: string, on: { open(): void; message(data: string): void; close(): void }): Engine {
  // The join code in the URL lets a load balancer send a whole room to one process (deploy/nginx/kring-cluster.conf).
  const query = `EIO=4&room=${encodeURIComponent(room)}`;
  const polling = `${base}/socket.io/?${query}&transport=polling`;
  let early = takeEarlyHandshake(polling);
  const aborter = new AbortController();
  let sid = '';
  let closed = false;
  /** The upgraded transport; until then, long-polling. */
  let socket: WebSocket | null = null;
  let probe: WebSocket | null = null;
  /** The probe answered: polling finishes what it is doing, then the WebSocket takes over. */
  let pausing = false;
  let getting = false;
  let posting = false;
  let queue: string[] = [];
  let pingTimer: ReturnType<typeof setTimeout> | undefined;
  let pingWithin = 0;
  /** The server offers WebSocket and this browser has it: upgrade when asked (or after UPGRADE_AFTER_MS). */
  let canUpgrade = false;
  let upgradeTimer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    if (closed) return;
    stop();
    on.close();
  };
  const stop = (farewell: string[] = []) => {
    if (farewell.length && !closed && sid) {
      if (socket) farewell.forEach((packet) => socket!.send(packet));
      else void fetch(url(), { method: 'POST', body: farewell.join(SEPARATOR), keepalive: true, headers: { 'content-type': 'text/plain;charset=UTF-8' } }).catch(() => {});
    }
    closed = true;
    clearTimeout(pingTimer);
    clearTimeout(upgradeTimer);
    aborter.abort();
    removeEventListener('offline', close);
    (socket ?? probe)?.close();
  };
  // A phone that knows it went offline does not wait for a missing ping (as engine.io-client).
  addEventListener('offline', close);
  const alive = () => {
    clearTimeout(pingTimer);
    pingTimer = setTimeout(close, pingWithin);
  };

  const receive = (packet: string) => {
    const type = packet[0];
    const data = packet.slice(1);
    if (type === '0') {
      const open = JSON.parse(data) as { sid: string; upgrades: string[]; pingInterval: number; pingTimeout: number };
      sid = open.sid;
      pingWithin = open.pingInterval + open.pingTimeout;
      alive();
      canUpgrade = open.upgrades.includes('websocket') && typeof WebSocket === 'function';
      if (canUpgrade) upgradeTimer = setTimeout(upgradeOnce, UPGRADE_AFTER_MS);
      on.open();
    } else if (type === '2') {
      alive();
      send('3');
    } else if (type === '4') {
      on.message(data);
    } else if (type === '1') {
      close();
    }
  };

  const url = () => `${polling}&sid=${encodeURIComponent(sid)}`;
  async function poll() {
    getting = true;
    try {
      // The handshake the page started, if any; when that failed, a fresh one.
      let body = !sid && early ? await early.catch(() => null) : null;
      early = null;
      if (closed) return;
      if (body === null) {
        const response = await fetch(sid ? url() : polling, { cache: 'no-store', signal: aborter.signal });
        if (!response.ok) throw new Error(String(response.status));
        body = await response.text();
      }
      getting = false;
      for (const packet of body.split(SEPARATOR)) if (!closed) receive(packet);
    } catch {
      return close();
    }
    if (closed || socket) return;
    if (pausing) finishUpgrade();
    else void poll();
  }

  async function flush() {
    if (closed || !sid || !queue.length) return;
    if (socket) {
      for (const packet of queue) socket.send(packet);
      queue = [];
      return;
    }
    if (posting || pausing) return;
    const body = queue.join(SEPARATOR);
    queue = [];
    posting = true;
    try {
      const response = await fetch(url(), { method: 'POST', body, cache: 'no-store', signal: aborter.signal, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
      if (!response.ok) throw new Error(String(response.status));
    } catch {
      return close();
    }
    posting = false;
    if (pausing) finishUpgrade();
    else void flush();
  }
  const send = (packet: string) => {
    queue.push(packet);
    void flush();
  };

  function upgradeOnce() {
    if (!canUpgrade || closed) return;
    canUpgrade = false;
    clearTimeout(upgradeTimer);
    upgrade();
  }
  function upgrade() {
    try {
      probe = new WebSocket(`${base.replace(/^http/, 'ws')}/socket.io/?${query}&transport=websocket&sid=${encodeURIComponent(sid)}`);
    } catch {
      return; // no WebSocket here: polling it is
    }
    const candidate = probe;
    candidate.onopen = () => candidate.send('2probe');
    candidate.onmessage = (event: MessageEvent) => {
      if (socket === candidate) return receive(String(event.data));
      if (event.data !== '3probe') return candidate.close();
      pausing = true;
      finishUpgrade();
    };
    candidate.onclose = () => {
      if (socket === candidate) return close();
      // Blocked or broken before the switch: go on polling, and send what waited.
      probe = null;
      if (!pausing) return;
      pausing = false;
      if (!getting && !closed) void poll();
      void flush();
    };
  }
  /** Once no poll or post is under way (the server ends a waiting poll itself), switch. */
  function finishUpgrade() {
    if (!pausing || getting || posting || closed || !probe) return;
    pausing = false;
    socket = probe;
    socket.send('5');
    void flush();
  }

  void poll();
  return { send, stop, upgrade: upgradeOnce };
}

export function lightSocket(base: string, auth: Record<string, unknown>, options: { delayMax: number }): SessionSocket {
  const listeners = new Map<string, Listener[]>();
  const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((listener) => listener(...args));
  const acks = new Map<number, (reply: unknown[] | null) => void>();
  let nextAck = 0;
  let engine: Engine | null = null;
  let connected = false;
  /** Someone wants a connection: reconnect after a network error. */
  let wanted = false;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const dropAcks = () => {
    for (const ack of acks.values()) ack(null);
    acks.clear();
  };
  /** Ends the connection without reconnecting; says 'disconnect' when it was connected. */
  const end = (farewell?: string[]) => {
    wanted = false;
    clearTimeout(retryTimer);
    engine?.stop(farewell);
    engine = null;
    const was = connected;
    connected = false;
    dropAcks();
    if (was) emit('disconnect');
  };

  const message = (data: string) => {
    const [, type, id, json] = /^(\d)(\d*)([\s\S]*)$/.exec(data) ?? [];
    const payload: unknown = json ? JSON.parse(json) : undefined;
    if (type === '0') {
      connected = true;
      attempts = 0;
      emit('connect');
    } else if (type === '4') {
      // The server refused the handshake: final until connect() is called again.
      end();
      const refusal = (payload ?? {}) as { message?: string; data?: unknown };
      emit('connect_error', Object.assign(new Error(refusal.message), { data: refusal.data }));
    } else if (type === '1') {
      end(); // the server closed this socket: socket.io does not reconnect then either
    } else if (type === '2' && Array.isArray(payload)) {
      const [event, ...args] = payload as [string, ...unknown[]];
      if (id) args.push((...reply: unknown[]) => engine?.send(`43${id}${JSON.stringify(reply)}`));
      emit(event, ...args);
      engine?.upgrade(); // the first event (the view) came over long-polling: now the WebSocket
    } else if (type === '3' && id) {
      acks.get(Number(id))?.(Array.isArray(payload) ? payload : []);
      acks.delete(Number(id));
    }
  };

  const open = () => {
    const current: Engine = openEngine(base, String(auth.room ?? ''), {
      open: () => current.send(`40${JSON.stringify(auth)}`),
      message,
      close: () => {
        if (engine !== current) return;
        engine = null;
        const was = connected;
        connected = false;
        dropAcks();
        emit(was ? 'disconnect' : 'connect_error', was ? 'transport close' : new Error('no connection'));
        if (!wanted) return;
        const delay = Math.min(options.delayMax, DELAY_MIN_MS * 2 ** attempts++);
        retryTimer = setTimeout(open, delay * (0.5 + Math.random()));
      },
    });
    engine = current;
  };

  return {
    get connected() {
      return connected;
    },
    on(event: string, listener: (...args: never[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as Listener]);
    },
    timeout: (ms: number) => ({
      emitWithAck: (event: string, ...args: unknown[]) =>
        new Promise((resolve, reject) => {
          if (!connected || !engine) return reject(new Error('not connected'));
          const id = nextAck++;
          const timer = setTimeout(() => {
            acks.delete(id);
            reject(new Error('timeout'));
          }, ms);
          acks.set(id, (reply) => {
            clearTimeout(timer);
            if (reply) resolve(reply[0]);
            else reject(new Error('disconnected'));
          });
          engine.send(`42${id}${JSON.stringify([event, ...args])}`);
        }),
    }),
    connect() {
      if (engine || connected) return;
      wanted = true;
      clearTimeout(retryTimer);
      open();
    },
    close() {
      // Said goodbye (Socket.IO's disconnect, Engine.IO's close), the server counts this phone as
      // gone at once, not after a missed ping.
      end(['41', '1']);
    },
  };
}
