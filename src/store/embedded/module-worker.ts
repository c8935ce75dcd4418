// Starts a module of src/ as a worker thread, whether Chimera runs from the compiled dist/ or
// from the TypeScript sources through tsx. Node 20 does not carry tsx's loader into a worker, so
// a .ts entry is reached through a one-line bootstrap that registers tsx there first.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Starts `entry` (a .js or .ts module URL) on a thread of its own, handing it `workerData`. */
export function startModuleWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const bootstrap = `import(${JSON.stringify(tsxApiUrl())}).then(({ register }) => {
    register();
    return import(${JSON.stringify(entry.href)});
  });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** The URL of tsx's ESM API (`tsx/esm/api` under the import condition). */
function tsxApiUrl(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const api = manifest.exports['./esm/api'];
  if (!api) throw new Error(`${manifestPath} exports no ./esm/api`);
  return pathToFileURL(join(dirname(manifestPath), api.import.default)).href;
}
