#!/usr/bin/env node
// The `chimera` executable: loads the TypeScript sources through tsx, runs the CLI on this
// process's arguments, streams and environment, and exits with the code it returns.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
