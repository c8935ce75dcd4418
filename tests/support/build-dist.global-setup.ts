// Vitest globalSetup: brings dist/ up to date before any test runs, and again before each rerun in
// watch mode. Tests that start the real `chimera` (cli-process.ts, the runtime smoke, the SIGKILL
// and stdio MCP tests) run bin/chimera.js, which runs dist/ when it is fresh; building here makes
// them run the current sources at dist/'s speed. A dist/ that goes stale during the run anyway (a
// source edited meanwhile) is not used: bin/chimera.js then runs the sources through tsx.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const BUILDER = fileURLToPath(new URL('../../bin/build-dist.js', import.meta.url));

function buildIfStale(): void {
  // A child process: the builder is plain JavaScript outside the type-checked sources.
  execFileSync(process.execPath, [BUILDER, '--if-stale'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export default function setup(project: TestProject): void {
  buildIfStale();
  project.onTestsRerun(() => buildIfStale());
}
