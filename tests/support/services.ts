// Tests against services beside Kring (PostgreSQL now, Redis later): they run when the service
// answers, are skipped with a message when it does not, and fail under CI=true, where a missing
// service means the environment is broken rather than that a developer runs without it.
import { connect } from 'node:net';

/** The PostgreSQL database the tests use; each test file works in a schema of its own in it. */
export const TEST_DATABASE_URL = process.env.KRING_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** True when something accepts connections at the service's address. */
function reachable(url: string, defaultPort: number, timeoutMs = 2000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const DEFAULT_PORTS = { postgres: 5432, redis: 6379 } as const;

/**
 * Whether the service's tests can run: true when it answers. When it does not, this says so and
 * returns false (use with `describe.skipIf(!available)`), or throws under CI=true.
 */
export async function requireService(name: keyof typeof DEFAULT_PORTS, url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  if (await reachable(url, DEFAULT_PORTS[name])) return true;
  const where = `${hostname}:${port || DEFAULT_PORTS[name]}`;
  if (process.env.CI === 'true') throw new Error(`${name} is required under CI=true but does not answer at ${where}`);
  console.warn(`[skip] ${name} does not answer at ${where}: its tests are skipped (under CI=true they fail).`);
  return false;
}

/** A name for a PostgreSQL schema no other test uses. */
export const uniqueSchema = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
