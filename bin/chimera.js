#!/usr/bin/env node
// The `chimera` executable: runs the CLI on this process's arguments, streams and environment,
// and exits with the code it returns. It runs the compiled JavaScript in dist/ (which `npm install`
// and `npm run build` make: see build-dist.js) when dist/ is fresh. When dist/ is missing or older
// than src/, it runs the TypeScript sources through tsx instead: slower, but never stale.
import { distIsFresh } from './build-dist.js';

let main;
if (distIsFresh()) {
  try {
    ({ main } = await import('../dist/cli/main.js'));
  } catch (error) {
    // dist/ was being replaced by a build at this very moment: the sources will do.
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
}
if (!main) {
  if (process.stderr.isTTY) {
    process.stderr.write(
      "chimera: dist/ is missing or older than src/, so the sources run (slower); 'npm run build' compiles them\n",
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
