// The live event feed over PostgreSQL: rows of api_events (written by the triggers of migration
// 0009) read by tenant after an id, and one LISTEN connection per process on 'chimera_events'
// that tells every local subscriber when a tenant has new rows, whichever process wrote them.

import type pg from 'pg';
import type { ApiEvent, EventFeed } from '../store.js';

const CHANNEL = 'chimera_events';
/** How long to wait before listening again after the LISTEN connection broke. */
const RECONNECT_MS = 1_000;

export class PostgresEventFeed implements EventFeed {
  private readonly listeners = new Set<(tenantId: string) => void>();
  private client: pg.PoolClient | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async since(tenantId: string, afterId: number, limit: number): Promise<ApiEvent[]> {
    const { rows } = await this.pool.query(
      `SELECT id, kind, subject_id, data, at FROM api_events
        WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [tenantId, afterId, limit],
    );
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  async latestId(tenantId: string): Promise<number> {
    const { rows } = await this.pool.query(
      'SELECT coalesce(max(id), 0) AS id FROM api_events WHERE tenant_id = $1',
      [tenantId],
    );
    return Number(rows[0].id);
  }

  async subscribe(listener: (tenantId: string) => void): Promise<() => void> {
    this.listeners.add(listener);
    await this.listen();
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    const client = this.client;
    this.client = undefined;
    if (client) {
      await client.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
      client.removeAllListeners('notification');
      client.removeAllListeners('error');
      client.release();
    }
  }

  private listen(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = await this.pool.connect();
      client.on('notification', (message) => {
        const tenantId = message.payload?.split(':')[0];
        if (!tenantId) return;
        for (const listener of this.listeners) listener(tenantId);
      });
      client.on('error', (error) => {
        this.onError(error);
        client.release(true);
        this.client = undefined;
        if (!this.closed) setTimeout(() => void this.listen().catch(this.onError), RECONNECT_MS);
      });
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }
}
