// The embedded database's own thread: opens PGlite on the data dir and serves it on a loopback
// port with PgliteWireServer, as a PostgreSQL server would from a process of its own. PGlite runs
// every query on the thread that opened it; here that is not the thread answering HTTP, so the
// two use both cores. PGlite loads pgvector, so migration 0012 finds the `vector` extension
// available (a data dir made without it opens the same). Started by embedded-postgres.ts, which
// it talks to by messages: in: `stop`; out: `listening` (with the port), `stopped`, or `failed`.

import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PgliteWireServer } from './pglite-wire-server.js';

/** What the thread is started with. */
export interface DatabaseThreadData {
  /** Folder of the PGlite files. */
  pgdata: string;
}

/** What the thread tells the thread that started it. */
export type DatabaseThreadMessage =
  | { type: 'listening'; port: number }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };

const port = parentPort;
if (!port)
  throw new Error('database-thread.ts runs as a worker thread; embedded-postgres.ts starts it');
const tell = (message: DatabaseThreadMessage) => port.postMessage(message);

try {
  const { pgdata } = workerData as DatabaseThreadData;
  const db = await PGlite.create(pgdata, { extensions: { vector } });
  const server = new PgliteWireServer(db);
  port.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') void stop(server, db);
  });
  tell({ type: 'listening', port: await server.start() });
} catch (error) {
  fail(error);
}

async function stop(server: PgliteWireServer, db: PGlite): Promise<void> {
  try {
    await server.stop();
    await db.close();
    tell({ type: 'stopped' });
    port?.close();
  } catch (error) {
    fail(error);
  }
}

function fail(error: unknown): void {
  tell({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  port?.close();
}
