// Runs the `chimera` CLI in this process through `main`, with its own environment and captured
// output, as a person would from a shell but without a child process. The commands that need a
// real process (signals, SIGKILL, stdio MCP) use cli-process.ts instead.

import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** What a finished command printed and how it exited. */
export interface ChimeraResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Variables for one run; undefined leaves a variable out. */
export type ChimeraEnvironment = Record<string, string | undefined>;

/** A `chimera start` running in this process. */
export interface RunningChimera {
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the match once the output matches `pattern`; rejects if the command ends first. */
  waitForOutput(pattern: RegExp): Promise<RegExpExecArray>;
  /** True once the command has ended, stopped or not. */
  hasEnded(): boolean;
  /** Stops it as SIGTERM would, and resolves when it has ended. */
  stop(): Promise<ChimeraResult>;
  /** Resolves when the command has ended, stopped or not. */
  ended: Promise<ChimeraResult>;
}

/**
 * The environment of a run: only `environment`, with logs at warn and the HTTP port picked by
 * the system, so services started by tests running side by side never collide. Nothing comes
 * from this process's environment: a DATABASE_URL or CHIMERA_* set for the test runner does not
 * reach the command unless the test passes it.
 */
function runEnvironment(environment: ChimeraEnvironment): NodeJS.ProcessEnv {
  return { LOG_LEVEL: 'warn', CHIMERA_HTTP_PORT: '0', ...environment };
}

/** Output captured from one run, with a way to wait for a line. */
class CapturedOutput {
  private readonly streams = { stdout: '', stderr: '', both: '' };
  private readonly waiters = new Set<() => void>();

  /** A stream collecting into `name`. */
  stream(name: 'stdout' | 'stderr'): Writable {
    return new Writable({
      decodeStrings: false,
      write: (chunk: string | Buffer, _encoding, done) => {
        this.streams[name] += String(chunk);
        this.streams.both += String(chunk);
        for (const waiter of this.waiters) waiter();
        done();
      },
    });
  }

  result(code: number): ChimeraResult {
    return { code, stdout: this.streams.stdout, stderr: this.streams.stderr };
  }

  both(): string {
    return this.streams.both;
  }

  /** Resolves when `check` is true of the output, checked after every write. */
  until(check: (output: string) => boolean, ended: Promise<unknown>): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (!check(this.streams.both)) return;
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
      waiter();
      ended.then(() => {
        if (!this.waiters.delete(waiter)) return;
        reject(new Error(`chimera ended before the awaited output; it printed:\n${this.both()}`));
      });
    });
  }
}

function invoke(
  args: string[],
  environment: ChimeraEnvironment,
  stopSignal?: AbortSignal,
): { output: CapturedOutput; ended: Promise<ChimeraResult> } {
  const output = new CapturedOutput();
  const ended = main(['node', 'chimera', ...args], {
    environment: runEnvironment(environment),
    // An empty, ended stdin: `mcp serve` would see its client leave at once.
    stdin: Readable.from([]),
    stdout: output.stream('stdout'),
    stderr: output.stream('stderr'),
    ...(stopSignal && { stopSignal }),
  }).then((code) => output.result(code));
  return { output, ended };
}

/** Runs `chimera ...args` to completion in this process. */
export function runChimera(
  args: string[],
  environment: ChimeraEnvironment = {},
): Promise<ChimeraResult> {
  return invoke(args, environment).ended;
}

/** Starts `chimera ...args` (typically `start`) in this process; stop it with `stop()`. */
export function startChimera(args: string[], environment: ChimeraEnvironment = {}): RunningChimera {
  const controller = new AbortController();
  const { output, ended } = invoke(args, environment, controller.signal);
  let hasEnded = false;
  void ended.finally(() => {
    hasEnded = true;
  });
  return {
    output: () => output.both(),
    hasEnded: () => hasEnded,
    async waitForOutput(pattern) {
      await output.until((text) => pattern.test(text), ended);
      return pattern.exec(output.both()) as RegExpExecArray;
    },
    stop() {
      controller.abort();
      return ended;
    },
    ended,
  };
}
