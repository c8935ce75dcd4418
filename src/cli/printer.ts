// The CLI's human and JSON output. Everything a person reads on stdout goes through here;
// progress, errors and log lines go to stderr so `--json` output stays machine-readable. A reader
// that closes the pipe early (`| head -1`) silences the rest of the output, never the command.

import { pipeWriter } from './pipe-writer.js';

/** Writes to the terminal, or to the streams an in-process caller passes. */
export interface Printer {
  /** One line of text on stdout. */
  line(text?: string): void;
  /** `value` as indented JSON on stdout. */
  json(value: unknown): void;
  /** One progress line on stderr. */
  progress(text: string): void;
  /** One error line on stderr. */
  error(text: string): void;
  /** `text` on stdout as is, newline included (commander's help). */
  writeOut(text: string): void;
  /** `text` on stderr as is, newline included (log lines, commander's usage errors). */
  writeErr(text: string): void;
}

/** A printer on `out` and `err`, by default the process's stdout and stderr. */
export function createPrinter(
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Printer {
  const writeOut = pipeWriter(out);
  const writeErr = pipeWriter(err);
  return {
    line: (text = '') => writeOut(`${text}\n`),
    json: (value) => writeOut(`${JSON.stringify(value, null, 2)}\n`),
    progress: (text) => writeErr(`${text}\n`),
    error: (text) => writeErr(`${text}\n`),
    writeOut,
    writeErr,
  };
}
