// Serves one PGlite instance to many `pg` connections over loopback. PGlite is a single session,
// so the server runs each connection's messages up to a Sync (or a simple Query) as one atomic
// batch, and while a connection holds an open transaction only its batches run. Notifications are
// routed to the connections that LISTENed on their channel. Statement names are made per
// connection (statement-names.ts), and a closed connection's statements are deallocated. It does
// not do TLS, auth or cancel.

import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { prefixStatementName } from './statement-names.js';

const SSL_REQUEST = 80_877_103;
const GSS_REQUEST = 80_877_104;
const CANCEL_REQUEST = 80_877_102;
/** Frontend messages after which the backend answers: a batch ends at one of these. */
const BATCH_END = new Set(['S', 'Q', 'H', 'c', 'f']);

interface Connection {
  /** Prefixed to the connection's statement names. */
  prefix: string;
  /** The statements it prepared (prefixed names), to deallocate when it closes. */
  statements: Set<string>;
  socket: Socket;
  buffer: Buffer;
  started: boolean;
  channels: Set<string>;
  closed: boolean;
}

interface Batch {
  connection: Connection;
  bytes: Buffer;
}

/** Numbers connections across every server of the process, so no two share a prefix. */
let nextConnection = 1;

export class PgliteWireServer {
  private server: Server | undefined;
  private readonly connections = new Set<Connection>();
  private readonly queue: Batch[] = [];
  /** The connection whose transaction is open; only its batches may run. */
  private owner: Connection | undefined;
  private running = false;
  /** Statements of closed connections, deallocated when no transaction is open. */
  private readonly orphaned: string[] = [];

  constructor(private readonly db: PGlite) {}

  /** Listens on 127.0.0.1 at `port` (0 picks a free one); resolves to the port. */
  async start(port = 0): Promise<number> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  /** Closes every connection and stops listening. */
  async stop(): Promise<void> {
    for (const connection of this.connections) connection.socket.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const connection: Connection = {
      prefix: `c${nextConnection++}_`,
      statements: new Set(),
      socket,
      buffer: Buffer.alloc(0),
      started: false,
      channels: new Set(),
      closed: false,
    };
    this.connections.add(connection);
    let pending: Buffer[] = [];
    socket.on('data', (data) => {
      connection.buffer = Buffer.concat([connection.buffer, data]);
      pending = this.frame(connection, pending);
    });
    socket.on('close', () => this.close(connection));
    socket.on('error', () => socket.destroy());
  }

  /** Splits the buffer into messages, queueing a batch at each batch-ending message. */
  private frame(connection: Connection, pending: Buffer[]): Buffer[] {
    for (;;) {
      const { buffer } = connection;
      if (!connection.started) {
        if (buffer.length < 8) return pending;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return pending;
        const code = buffer.readInt32BE(4);
        connection.buffer = buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          connection.socket.write('N');
        } else if (code === CANCEL_REQUEST) {
          connection.socket.destroy();
          return [];
        } else {
          connection.started = true;
          this.enqueue({ connection, bytes: Buffer.from(buffer.subarray(0, length)) });
        }
        continue;
      }
      if (buffer.length < 5) return pending;
      const length = buffer.readInt32BE(1) + 1;
      if (buffer.length < length) return pending;
      let message = buffer.subarray(0, length);
      connection.buffer = buffer.subarray(length);
      const type = String.fromCharCode(message[0] as number);
      const named = prefixStatementName(message, connection.prefix);
      if (named) {
        message = named.message;
        if (type === 'P') connection.statements.add(named.name);
        else if (type === 'C') connection.statements.delete(named.name);
      }
      if (type === 'X') {
        connection.socket.end();
        return [];
      }
      if (type === 'Q' || type === 'P') this.trackListens(connection, message);
      pending.push(Buffer.from(message));
      if (BATCH_END.has(type)) {
        this.enqueue({ connection, bytes: Buffer.concat(pending) });
        pending = [];
      }
    }
  }

  private trackListens(connection: Connection, message: Buffer): void {
    const text = message.toString('utf8', 5);
    if (!/listen/i.test(text)) return;
    for (const match of text.matchAll(/\b(UN)?LISTEN\s+("(?:[^"]|"")+"|[\w$]+|\*)/gi)) {
      const channel = (match[2] as string).replace(/^"|"$/g, '').replace(/""/g, '"');
      if (!match[1]) connection.channels.add(channel);
      else if (channel === '*') connection.channels.clear();
      else connection.channels.delete(channel);
    }
  }

  private enqueue(batch: Batch): void {
    this.queue.push(batch);
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        if (!this.owner && this.orphaned.length > 0) await this.deallocateOrphans();
        const index = this.owner
          ? this.queue.findIndex((batch) => batch.connection === this.owner)
          : 0;
        if (index < 0 || this.queue.length === 0) return;
        const [batch] = this.queue.splice(index, 1) as [Batch];
        if (batch.connection.closed) continue;
        await this.execute(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async execute(batch: Batch): Promise<void> {
    const chunks: Uint8Array[] = [];
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(new Uint8Array(batch.bytes), {
        onRawData: (chunk) => chunks.push(chunk.slice()),
      }),
    );
    const { direct, notifications, status } = splitResponse(Buffer.concat(chunks));
    if (status !== undefined) this.owner = status === 'I' ? undefined : batch.connection;
    if (direct.length > 0 && !batch.connection.closed) batch.connection.socket.write(direct);
    for (const notification of notifications) this.route(notification);
  }

  private route(notification: Buffer): void {
    const channelEnd = notification.indexOf(0, 9);
    const channel = notification.toString('utf8', 9, channelEnd);
    for (const connection of this.connections) {
      if (!connection.closed && connection.channels.has(channel)) {
        connection.socket.write(notification);
      }
    }
  }

  private async deallocateOrphans(): Promise<void> {
    for (const name of this.orphaned.splice(0)) {
      // Fails only for a statement whose Parse failed, so there is nothing to free.
      await this.db.exec(`DEALLOCATE "${name.replaceAll('"', '""')}"`).catch(() => undefined);
    }
  }

  private async close(connection: Connection): Promise<void> {
    connection.closed = true;
    this.connections.delete(connection);
    this.orphaned.push(...connection.statements);
    if (this.owner === connection) {
      // The client vanished mid-transaction: roll it back so the session is free again. (Not in
      // runExclusive: exec takes PGlite's query lock itself, and that lock is not reentrant.)
      await this.db.exec('ROLLBACK').catch(() => undefined);
      this.owner = undefined;
    }
    void this.drain();
  }
}

/** Separates NotificationResponse messages and reads the last ReadyForQuery status. */
function splitResponse(response: Buffer): {
  direct: Buffer;
  notifications: Buffer[];
  status: string | undefined;
} {
  const notifications: Buffer[] = [];
  const kept: Buffer[] = [];
  let status: string | undefined;
  let offset = 0;
  let keptFrom = 0;
  while (offset + 5 <= response.length) {
    const type = String.fromCharCode(response[offset] as number);
    const end = offset + 1 + response.readInt32BE(offset + 1);
    if (type === 'A') {
      kept.push(response.subarray(keptFrom, offset));
      notifications.push(Buffer.from(response.subarray(offset, end)));
      keptFrom = end;
    } else if (type === 'Z') {
      status = String.fromCharCode(response[offset + 5] as number);
    }
    offset = end;
  }
  kept.push(response.subarray(keptFrom));
  return { direct: Buffer.concat(kept), notifications, status };
}
