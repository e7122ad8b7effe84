import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure code, no database, beside the code as *.test.ts)
 * and `integration` (*.int.test.ts: over HTTP against a real PostgreSQL — the
 * embedded one by default, a server when OILA_TEST_DB=server).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One database per run; test files run in parallel against it, each with its own organisation.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
