// What every command needs: the configuration from the environment and flags, a logger, a printer,
// an opened Chimera that is closed however the command ends, and where to report its exit code.
// It reads nothing from the process itself; `main` fills it from the process or from a test.

import { userInfo } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import type { ChimeraApp } from '../app/chimera-app.js';
import { type ChimeraConfig, loadConfig } from '../config/config.js';
import type { Actor } from '../domain/actor.js';
import type { Logger } from '../observability/logger.js';
import type { ChimeraServices } from '../services/chimera-services.js';
import { createCliLogger } from './cli-logger.js';
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
  /** Variables the configuration is read from (process.env for the executable). */
  environment: NodeJS.ProcessEnv;
  /** The protocol streams of `mcp serve`. */
  stdin: Readable;
  stdout: Writable;
  /** Aborted to stop `chimera start`; undefined means SIGINT and SIGTERM stop it. */
  stopSignal: AbortSignal | undefined;
  /**
   * The exit code when the command returns without throwing. A command that finds a problem it
   * has already printed (a broken ledger, a failing contract) sets it to 1. Default 0. Commands
   * never set `process.exitCode`: in-process, that would leak into the caller.
   */
  exitCode: number;
}

/** Reads configuration for a command. */
export function configFor(
  context: CliContext,
  overrides: Partial<ChimeraConfig> = {},
): ChimeraConfig {
  const flags = context.flags();
  return loadConfig(context.environment, {
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
  const logger = createCliLogger(config.logLevel, context.printer);
  // Loaded here, not at start-up: it is most of the CLI's load time, and help, `skills` and
  // `spec check` never need it.
  const { openChimera } = await import('../app/chimera-app.js');
  const app = await openChimera(config, { logger, createDataDir: options.createDataDir });
  try {
    return await work(app, logger);
  } finally {
    await app.close();
  }
}

/**
 * Opens Chimera and runs `work` through the service layer as the local CLI's actor: the OS user,
 * with the role and tenant of CHIMERA_TOKEN or the data dir's operator token when there is one,
 * else an operator of `tenant` (default 'default').
 */
export function withServices<T>(
  context: CliContext,
  options: { createDataDir: boolean; tenant?: string; config?: Partial<ChimeraConfig> },
  work: (services: ChimeraServices, actor: Actor, app: ChimeraApp) => Promise<T>,
): Promise<T> {
  return withApp(context, options, async (app) => {
    const actor = await app.localActor({
      user: osUser(),
      tenantId: options.tenant,
      token: context.environment.CHIMERA_TOKEN,
    });
    return work(app.operator, actor, app);
  });
}

/** The OS user's name, for the audit log. */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}
