// Embedded PostgreSQL: PGlite persisted in the data dir, served on a loopback port by
// PgliteWireServer so that the one `pg` code path serves both embedded and server deployments.
// Both run on a thread of their own (database-thread.ts), so queries do not take turns with HTTP.
// A second Chimera process on the same data dir attaches to the running one's port instead of
// opening the files (PGlite allows one opener). It does not make PGlite durable: see README.

import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { ChimeraError, ConfigError } from '../../domain/errors.js';
import type { DatabaseThreadData, DatabaseThreadMessage } from './database-thread.js';
import { startModuleWorker } from './module-worker.js';

/** A handle on the embedded database: its URL, and how to stop serving it. */
export interface EmbeddedPostgres {
  /** postgres:// URL of the loopback socket. */
  url: string;
  /** True when this process owns the PGlite files; false when it attached to another process. */
  owner: boolean;
  close(): Promise<void>;
}

/** Options for opening the embedded database. */
export interface EmbeddedOptions {
  /** Folder holding the PGlite files and the server lock. */
  dataDir: string;
  /** Create the data dir when it does not exist (its parent must exist). Default false. */
  create: boolean;
}

interface ServerLock {
  pid: number;
  port: number;
}

/** Opens (or attaches to) the embedded database in `dataDir`. */
export async function openEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  await ensureDataDir(dataDir, options.create);
  const lockPath = join(dataDir, 'server.lock.json');
  const existing = await readLock(lockPath);
  if (existing && isAlive(existing.pid) && existing.pid !== process.pid) {
    return { url: urlFor(existing.port), owner: false, close: async () => undefined };
  }
  if (existing) await rm(lockPath, { force: true });
  const handle = await open(lockPath, 'wx').catch((error: NodeJS.ErrnoException) => {
    throw new ChimeraError(
      'CONFIG_DATA_DIR_IN_USE',
      `data dir ${dataDir} is being opened by another process; wait for it or use another --data-dir`,
      { cause: error },
    );
  });
  try {
    const thread = await startDatabaseThread(join(dataDir, 'pgdata'));
    await handle.writeFile(
      JSON.stringify({ pid: process.pid, port: thread.port } satisfies ServerLock),
    );
    await handle.close();
    return {
      url: urlFor(thread.port),
      owner: true,
      close: async () => {
        await thread.stop();
        await rm(lockPath, { force: true });
      },
    };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(lockPath, { force: true });
    throw error;
  }
}

/** The database thread once it listens: its port, and how to stop it. */
interface DatabaseThread {
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts database-thread.ts on `pgdata`; resolves once it listens. The thread failing or exiting
 * later, other than by `stop`, is thrown on this thread: without it the process cannot go on.
 */
async function startDatabaseThread(pgdata: string): Promise<DatabaseThread> {
  const entry = new URL(
    `./database-thread${extname(fileURLToPath(import.meta.url))}`,
    import.meta.url,
  );
  const worker = startModuleWorker(entry, { pgdata } satisfies DatabaseThreadData);
  let stopping = false;
  const listening = new Promise<number>((resolve, reject) => {
    const onExit = (code: number) =>
      reject(new Error(`the embedded database thread exited (code ${code}) before it listened`));
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.once('message', (message: DatabaseThreadMessage) => {
      worker.off('error', reject);
      worker.off('exit', onExit);
      if (message.type === 'listening') resolve(message.port);
      else reject(new Error(`the embedded database did not open: ${describe(message)}`));
    });
  });
  const port = await listening.catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  worker.on('error', (error) => {
    throw new Error(`the embedded database thread failed: ${error.message}`, { cause: error });
  });
  worker.on('exit', (code) => {
    if (!stopping) throw new Error(`the embedded database thread exited (code ${code})`);
  });
  return { port, stop: () => stopDatabaseThread(worker, () => (stopping = true)) };
}

/** Asks the thread to close PGlite, then ends it. */
async function stopDatabaseThread(worker: Worker, markStopping: () => void): Promise<void> {
  markStopping();
  const ended = new Promise<undefined>((resolve) => worker.once('exit', () => resolve(undefined)));
  const answer = new Promise<DatabaseThreadMessage>((resolve) => worker.once('message', resolve));
  worker.postMessage({ type: 'stop' });
  const message = await Promise.race([answer, ended]);
  await worker.terminate();
  if (message?.type !== 'stopped') {
    const reason = message ? describe(message) : 'the thread ended first';
    throw new Error(`the embedded database did not close cleanly: ${reason}`);
  }
}

function describe(message: DatabaseThreadMessage): string {
  return message.type === 'failed' ? message.message : `unexpected '${message.type}' message`;
}

async function ensureDataDir(dataDir: string, create: boolean): Promise<void> {
  const info = await stat(dataDir).catch(() => undefined);
  if (info?.isDirectory()) return;
  if (info) throw new ConfigError('CONFIG_INVALID', `data dir ${dataDir} is a file, not a folder`);
  if (!create) {
    throw new ConfigError(
      'CONFIG_DATA_DIR_MISSING',
      `data dir ${dataDir} does not exist; run 'chimera migrate --data-dir ${dataDir}' or pass the right --data-dir`,
    );
  }
  const parent = await stat(dirname(dataDir)).catch(() => undefined);
  if (!parent?.isDirectory()) {
    throw new ConfigError(
      'CONFIG_DATA_DIR_MISSING',
      `cannot create data dir ${dataDir}: its parent folder ${dirname(dataDir)} does not exist`,
    );
  }
  await mkdir(dataDir);
}

async function readLock(lockPath: string): Promise<ServerLock | undefined> {
  const text = await readFile(lockPath, 'utf8').catch(() => undefined);
  if (!text) return undefined;
  try {
    const lock = JSON.parse(text) as ServerLock;
    return Number.isInteger(lock.pid) && Number.isInteger(lock.port) ? lock : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function urlFor(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}
