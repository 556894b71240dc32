// Starts the real session server as a child process on a free port with a temporary data folder,
// so tests can also kill -9 it and start it again on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/** A placeholder site for integration tests that do not need the real build. */
function stubSite(dir: string): string {
  const site = join(dir, 'site');
  mkdirSync(join(site, 'join'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Kring</title>');
  writeFileSync(join(site, 'join', 'index.html'), '<!doctype html><title>Doe mee</title>');
  return site;
}

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server printed, to check that logs hold nothing identifying. */
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts a new process on the same port and data folder. */
  restart(): Promise<ServerProcess>;
  cleanup(): Promise<void>;
}

export async function startServer(options: { dataDir?: string; port?: number; env?: Record<string, string>; siteDir?: string } = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kring-test-'));
  const port = options.port ?? (await freePort());
  const siteDir = options.siteDir ?? stubSite(dataDir);
  let output = '';
  const child = spawn(process.execPath, [join(root, 'session-server/src/main.ts')], {
    cwd: root,
    // Test files start more sessions from 127.0.0.1 than one address may per hour; a test of that
    // limit sets its own number.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KRING_DATA_DIR: dataDir, KRING_SITE_DIR: siteDir, KRING_ROOMS_PER_HOUR: '1000', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((ok, fail) => {
    // Generous: on a busy 2-core machine a cold start (TypeScript stripping, decks, SQLite) can take half a minute.
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes('klaar op')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}):\n${output}`));
    });
  });
  const self: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    child,
    output: () => output,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode) return;
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill(signal);
      await exited;
    },
    restart: () => startServer({ ...options, dataDir, port, siteDir }),
    async cleanup() {
      await self.kill();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}
