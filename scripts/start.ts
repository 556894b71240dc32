// `npm start`: builds the site when it is missing or older than its sources, then starts the server.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const siteDir = resolve(process.env.KRING_SITE_DIR || join(root, 'dist'));

function newest(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = statSync(join(siteDir, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = Math.max(...['site', 'decks', 'session-server/src/protocol', 'astro.config.mjs'].map((p) => newest(join(root, p))));
if (!process.env.KRING_SITE_DIR && built < sources) {
  console.log('[kring] de site wordt gebouwd…');
  const result = spawnSync('npx', ['astro', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import('../session-server/src/main.ts');
