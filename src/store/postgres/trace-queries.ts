// Trace and audit queries: append-mostly tables; the trace is pruned by age.

import type { Kysely } from 'kysely';
import type { TraceEvent } from '../../domain/trace-event.js';
import type { AuditRepository, TraceRepository } from '../store.js';
import type { ChimeraSchema } from './schema.js';

export class PostgresTraceRepository implements TraceRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async write(events: readonly TraceEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.db
      .insertInto('trace_events')
      .values(events.map((event) => ({ ...event, detail: JSON.stringify(event.detail) })))
      .execute();
  }

  async listByTask(taskId: string): Promise<Array<TraceEvent & { at: Date }>> {
    const rows = await this.db
      .selectFrom('trace_events')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('id')
      .execute();
    return rows.map(({ id: _id, ...row }) => ({ ...row, kind: row.kind as TraceEvent['kind'] }));
  }

  async prune(before: Date): Promise<{ traceEvents: number; liveEvents: number }> {
    const traces = await this.db
      .deleteFrom('trace_events')
      .where('at', '<', before)
      .executeTakeFirst();
    const live = await this.db.deleteFrom('api_events').where('at', '<', before).executeTakeFirst();
    return {
      traceEvents: Number(traces.numDeletedRows),
      liveEvents: Number(live.numDeletedRows),
    };
  }
}

export class PostgresAuditRepository implements AuditRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async write(entry: {
    actor: string;
    tenant_id?: string | null;
    action: string;
    subject_type: string;
    subject_id: string;
    detail?: Record<string, unknown>;
  }): Promise<void> {
    await this.db
      .insertInto('audit_logs')
      .values({ ...entry, detail: JSON.stringify(entry.detail ?? {}) })
      .execute();
  }
}
