// Runs the real `chimera` executable as a child process, as a person would from a shell. Only
// what needs a process of its own uses it (signals, a SIGKILL failpoint, stdio, a closed pipe);
// everything else runs in-process through run-chimera.ts, without ~2 s of start-up per command.

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/chimera.js', import.meta.url));

/** What a finished command printed and how it exited. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Environment for a child: this one, minus DATABASE_URL unless the test sets it, and any free
 * HTTP port, so services started by tests running side by side never collide.
 */
function childEnvironment(environment: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'warn', CHIMERA_HTTP_PORT: '0', ...environment };
}

/** Runs `chimera ...args` to completion. */
export function runCli(
  args: string[],
  environment: Record<string, string | undefined> = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: childEnvironment(environment), timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Starts `chimera ...args` in the background; output accumulates on the returned object. */
export function startCli(
  args: string[],
  environment: Record<string, string | undefined> = {},
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: childEnvironment(environment),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  return { child, output: () => output, exited };
}

/**
 * Runs `chimera ...args` with its stdout closed by the reader before it prints anything, as
 * `chimera status | head -1` closes it after one line; what the command wrote to stderr is kept.
 */
export function runCliIntoClosedPipe(
  args: string[],
  environment: Record<string, string | undefined> = {},
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: childEnvironment(environment),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

/**
 * Polls `check` every 100 ms until it returns true or `timeoutMs` passes. For waiting on another
 * process; in-process, await the thing itself (RunningChimera.waitForOutput).
 */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
