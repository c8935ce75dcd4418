// Structured logs through pino. Human output of the CLI goes through its printer, not here.

import pino, { type Logger } from 'pino';

export type { Logger };

/** A logger writing JSON lines to stderr at `level` (default 'info'; 'silent' turns it off). */
export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { service: 'chimera' } }, pino.destination(2));
}
