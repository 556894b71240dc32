// Browser tests: the built site and the real server, driven in the system Chromium (Playwright
// cannot download a browser here). Several contexts at once play host, beamer and phones.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.KRING_E2E_PORT ?? 4387);
const dataDir = mkdtempSync(join(tmpdir(), 'kring-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.KRING_CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node session-server/src/main.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    // The browser tests start more sessions from 127.0.0.1 than one school address may per hour.
    env: { PORT: String(port), HOST: '127.0.0.1', KRING_DATA_DIR: dataDir, KRING_ROOMS_PER_HOUR: '1000' },
  },
});
