// The CLI's human and JSON output. Everything a person reads on stdout goes through here;
// progress and errors go to stderr so `--json` output stays machine-readable.

/** Writes to the terminal. Tests pass their own streams. */
export interface Printer {
  line(text?: string): void;
  json(value: unknown): void;
  progress(text: string): void;
  error(text: string): void;
}

/** A printer on stdout/stderr. */
export function createPrinter(
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Printer {
  return {
    line: (text = '') => out.write(`${text}\n`),
    json: (value) => out.write(`${JSON.stringify(value, null, 2)}\n`),
    progress: (text) => err.write(`${text}\n`),
    error: (text) => err.write(`${text}\n`),
  };
}
