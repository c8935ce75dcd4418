import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Builds dist/ when stale, for the tests that run the real executable (bin/chimera.js), and
    // the dashboard (web/dist/) for the browser tests; makes the migrated PGlite template every
    // embedded test database is copied from.
    globalSetup: [
      'tests/support/build-dist.global-setup.ts',
      'tests/support/build-web.global-setup.ts',
      'tests/support/pglite-template.global-setup.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most suites wait on a database server or a child process, not the CPU: one file more than
    // there are cores keeps both busy (vitest's default, cores − 1, runs one file at a time on 2).
    maxWorkers: Math.max(2, availableParallelism() + 1),
  },
});
