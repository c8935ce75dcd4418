// The CLI's logger: the JSON lines of observability/logger.ts, written through the printer's
// stderr, so an in-process run captures them and a closed pipe does not crash the command.

import pino from 'pino';
import type { Logger } from '../observability/logger.js';
import type { Printer } from './printer.js';

/** A logger at `level` ('silent' turns it off) writing one JSON line per entry to `printer`. */
export function createCliLogger(level: string, printer: Printer): Logger {
  return pino({ level, base: { service: 'chimera' } }, { write: (line) => printer.writeErr(line) });
}
