// What a caller of `main` may replace: the environment and the process's streams and signals.
// The executable passes nothing; tests pass their own, so a command never touches the test process.

import type { Readable, Writable } from 'node:stream';

/** Options of one CLI invocation. Every member defaults to the real process's own. */
export interface CliOptions {
  /**
   * Variables the configuration is read from, in place of `process.env` (CHIMERA_*, DATABASE_URL,
   * LOG_LEVEL, the model API keys). Other code still reads `process.env` for what is not
   * configuration (PATH, CHIMERA_FAILPOINT).
   * @defaultValue process.env
   */
  environment?: NodeJS.ProcessEnv;
  /** Read by `mcp serve`, which speaks the protocol on stdin and stdout. @defaultValue process.stdin */
  stdin?: Readable;
  /** Human and JSON output, and the MCP protocol of `mcp serve`. @defaultValue process.stdout */
  stdout?: Writable;
  /** Errors, progress and log lines. @defaultValue process.stderr */
  stderr?: Writable;
  /**
   * Stops `chimera start` gracefully when aborted, as the first SIGINT or SIGTERM would.
   * @defaultValue undefined: `start` listens for SIGINT and SIGTERM instead
   */
  stopSignal?: AbortSignal;
}
