import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Tests that start several Chimera processes at once: run last, alone, so that they neither
 * starve the other files of the 2 cores nor are starved by them.
 */
const PROCESS_SUITES = ['tests/network.five-nodes.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most suites wait on a database server or a child process, not the CPU: one file more than
    // there are cores keeps both busy (vitest's default, cores − 1, runs one file at a time on 2).
    maxWorkers: Math.max(2, availableParallelism() + 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'chimera',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: PROCESS_SUITES,
          sequence: { groupOrder: 0 },
          // Builds dist/ when stale, for the tests that run the real executable
          // (bin/chimera.js), and the dashboard (web/dist/) for the browser tests; makes the
          // migrated PGlite template every embedded test database is copied from.
          globalSetup: [
            'tests/support/build-dist.global-setup.ts',
            'tests/support/build-web.global-setup.ts',
            'tests/support/pglite-template.global-setup.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: PROCESS_SUITES,
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/support/build-dist.global-setup.ts'],
        },
      },
    ],
  },
});
