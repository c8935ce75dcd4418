// What every command needs: the configuration from environment and flags, a logger, a printer,
// and an opened Chimera that is closed however the command ends.

import { type ChimeraApp, openChimera } from '../app/chimera-app.js';
import { type ChimeraConfig, loadConfig } from '../config/config.js';
import { createLogger, type Logger } from '../observability/logger.js';
import type { Printer } from './printer.js';

/** Flags every command accepts. */
export interface GlobalFlags {
  dataDir?: string;
  databaseUrl?: string;
  logLevel?: string;
}

/** The per-invocation context. */
export interface CliContext {
  printer: Printer;
  flags: () => GlobalFlags;
}

/** Reads configuration for a command. */
export function configFor(
  context: CliContext,
  overrides: Partial<ChimeraConfig> = {},
): ChimeraConfig {
  const flags = context.flags();
  return loadConfig(process.env, {
    dataDir: flags.dataDir,
    databaseUrl: flags.databaseUrl,
    logLevel: flags.logLevel,
    ...overrides,
  });
}

/**
 * Opens Chimera, runs `work`, and closes it. Read-only commands pass `createDataDir: false`, so a
 * mistyped --data-dir is reported instead of silently creating an empty one.
 */
export async function withApp<T>(
  context: CliContext,
  options: { createDataDir: boolean; config?: Partial<ChimeraConfig> },
  work: (app: ChimeraApp, logger: Logger) => Promise<T>,
): Promise<T> {
  const config = configFor(context, options.config);
  const logger = createLogger(config.logLevel);
  const app = await openChimera(config, { logger, createDataDir: options.createDataDir });
  try {
    return await work(app, logger);
  } finally {
    await app.close();
  }
}
