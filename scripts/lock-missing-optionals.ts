// Keeps `npm ci` working when the npm registry this machine reaches lacks some platform builds of an
// optional dependency (seen: @astrojs/compiler-binding for macOS, Windows and wasm). `npm install`
// then leaves them out of package-lock.json and `npm ci` refuses the lock as out of sync. This adds
// a lock entry, restricted to its platform, for each missing one, so npm skips it on other machines.
// Run after `npm install` changes the lock: node scripts/lock-missing-optionals.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const lockPath = resolve(import.meta.dirname, '../package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages: Record<string, Record<string, unknown>> = lock.packages;

/** The platform a native build is for, read from its name (e.g. "-darwin-arm64", "-linux-x64-musl"). */
function platformOf(name: string): Record<string, string[]> | null {
  const match = /-(android|darwin|linux|win32|freebsd|wasm32)-?(arm64|x64|ia32|arm|wasi)?(?:-(gnu|musl|msvc|gnueabihf))?$/.exec(name);
  if (!match) return null;
  const [, os, cpu, libc] = match;
  if (os === 'wasm32') return { cpu: ['wasm32'] };
  const platform: Record<string, string[]> = { os: [os!], cpu: [cpu ?? 'x64'] };
  if (libc === 'gnu') platform.libc = ['glibc'];
  if (libc === 'musl') platform.libc = ['musl'];
  return platform;
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  const optional = entry.optionalDependencies as Record<string, string> | undefined;
  if (!optional) continue;
  const base = path.slice(0, path.lastIndexOf('node_modules/') + 'node_modules/'.length) || 'node_modules/';
  for (const [name, version] of Object.entries(optional)) {
    const key = `${base}${name}`;
    const platform = platformOf(name);
    if (packages[key] || packages[`${path}/node_modules/${name}`] || !platform) continue;
    packages[key] = { version, license: entry.license ?? 'MIT', optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`[kring] ${added} ontbrekende platformpakketten aan package-lock.json toegevoegd`);
