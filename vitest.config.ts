// Unit tests (pure model and schemas) and integration tests (a real server process, real
// socket.io clients, a real SQLite file). Benchmarks live in tests/bench and run on their own.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@protocol$/, replacement: fileURLToPath(new URL('./session-server/src/protocol/index.ts', import.meta.url)) },
      { find: /^@protocol\/(.+)$/, replacement: fileURLToPath(new URL('./session-server/src/protocol/', import.meta.url)) + '$1.ts' },
    ],
  },
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Each file starts its own server processes on free ports; keep the 2-core machine calm.
          fileParallelism: false,
        },
      },
    ],
  },
});
