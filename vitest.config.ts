import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Tests that start several Chimera processes and then mostly wait on the wall clock (the five
 * nodes wait out a 90 s heartbeat lifetime). They start first, so that their waiting overlaps
 * with the other files' work instead of adding to the run at its end.
 */
const PROCESS_SUITES = ['tests/network.five-nodes.test.ts'];

/** Vitest's order (slowest or largest files first), with PROCESS_SUITES ahead of all. */
class ProcessSuitesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isProcessSuite = (file: TestSpecification) =>
      PROCESS_SUITES.some((suite) => file.moduleId.endsWith(`/${suite}`));
    return [...sorted.filter(isProcessSuite), ...sorted.filter((file) => !isProcessSuite(file))];
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A worker runs its files one after another in one process, sharing loaded modules (PGlite,
    // ONNX Runtime, the app): importing them afresh for each of 160 files cost about a fifth of a
    // full run (1,225 s against 1,006 s on 2 cores). Every test makes its own state (database,
    // data dir, ports), so nothing a file needs is left behind by another.
    isolate: false,
    // Most suites wait on a database server or a child process, not the CPU: one file more than
    // there are cores keeps both busy (vitest's default, cores − 1, runs one file at a time on 2).
    maxWorkers: Math.max(2, availableParallelism() + 1),
    sequence: { sequencer: ProcessSuitesFirst },
    // Builds dist/ when stale, for the tests that run the real executable (bin/chimera.js), and
    // the dashboard (web/dist/) for the browser tests; makes the migrated PGlite template every
    // embedded test database is copied from.
    globalSetup: [
      'tests/support/build-dist.global-setup.ts',
      'tests/support/build-web.global-setup.ts',
      'tests/support/pglite-template.global-setup.ts',
    ],
  },
});
