// What every command needs: the configuration from the environment and flags, a logger, a printer,
// an opened Chimera that is closed however the command ends, and where to report its exit code.
// It reads nothing from the process itself; `main` fills it from the process or from a test.
// Everything beyond the types is loaded when a command runs, not when the CLI starts (main.ts).

import { userInfo } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import type { ChimeraApp } from '../app/chimera-app.js';
import type { ChimeraReader, ReadServices } from '../app/chimera-reader.js';
import type { ChimeraConfig } from '../config/config.js';
import type { Actor } from '../domain/actor.js';
import type { Logger } from '../observability/logger.js';
import type { ChimeraServices } from '../services/chimera-services.js';
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
export async function configFor(
  context: CliContext,
  overrides: Partial<ChimeraConfig> = {},
): Promise<ChimeraConfig> {
  const { loadConfig } = await import('../config/config.js');
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
  const config = await configFor(context, options.config);
  const { createCliLogger } = await import('./cli-logger.js');
  const logger = createCliLogger(config.logLevel, context.printer);
  // Loaded here, not at start-up: it is most of the CLI's load time, and help, reads, `skills`
  // and `spec check` never need it.
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

/**
 * For commands that only read: opens Chimera for reading (app/chimera-reader.ts: no migrations,
 * MCP hub, model or swarm) and runs `work` through the read services named in `services` (and
 * `tokens`) as the local CLI's actor, found as withServices finds it. The data dir is never
 * created, and a database whose schema is not this code's is refused (`chimera migrate`).
 */
export async function withReadServices<T, K extends keyof ReadServices>(
  context: CliContext,
  options: { services: readonly K[]; tenant?: string },
  work: (
    services: Pick<ReadServices, K | 'tokens'>,
    actor: Actor,
    reader: ChimeraReader<K>,
  ) => Promise<T>,
): Promise<T> {
  const config = await configFor(context);
  const { openChimeraForReading } = await import('../app/chimera-reader.js');
  const reader = await openChimeraForReading(config, options.services);
  try {
    const actor = await reader.localActor({
      user: osUser(),
      tenantId: options.tenant,
      token: context.environment.CHIMERA_TOKEN,
    });
    return await work(reader.operator, actor, reader);
  } finally {
    await reader.close();
  }
}

/** The OS user's name, for the audit log. */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}
