// Vitest globalSetup: builds the dashboard (web/dist/, which the HTTP server serves at /) with
// Vite when it is missing or older than any file it is built from, as `npm run build` would, so
// the browser tests never run a stale one. Again before each rerun in watch mode.

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(ROOT, 'web');

const DIST = join(WEB, 'dist');

function newestInput(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const input of ['src', 'index.html', 'vite.config.ts']) visit(join(WEB, input));
  return newest;
}

/** Builds web/dist/ unless it is newer than every source of it. */
function buildIfStale(): void {
  const built = statSync(join(DIST, 'index.html'), { throwIfNoEntry: false });
  if (!built || built.mtimeMs < newestInput()) {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
  }
}

export default function setup(project: TestProject): void {
  buildIfStale();
  project.onTestsRerun(() => buildIfStale());
}
