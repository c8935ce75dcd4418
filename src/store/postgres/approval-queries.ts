// Commits an approval as ONE statement: the version-guarded task update, the result row, the
// effect row (ON CONFLICT DO NOTHING) and the trace events, chained as data-modifying CTEs. Every
// insert reads FROM the update, so a stale version writes nothing at all. This is the hot path of
// the governed loop; one round trip instead of seven is what keeps it near the bare queue's speed.

import { type Kysely, type Selectable, sql } from 'kysely';
import { VersionConflict } from '../../domain/errors.js';
import { nextStatus } from '../../domain/task-state-machine.js';
import type { TaskStatus } from '../../domain/task-status.js';
import type { ApprovalRecord, ApprovalWriter, CommittedApproval } from '../store.js';
import { toTask } from './row-mappers.js';
import type { ChimeraSchema, TasksTable } from './schema.js';

type Row = Selectable<TasksTable> & { wakes_planner: boolean; effects_applied: number };

export class PostgresApprovalWriter implements ApprovalWriter {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async commit(record: ApprovalRecord): Promise<CommittedApproval> {
    const { task, actions, result, effect } = record;
    const status = actions.reduce<TaskStatus>(
      (current, action) => nextStatus(current, action, task.id),
      task.status,
    );
    const events = JSON.stringify(record.events);
    const noResult = result === undefined;
    const noEffect = effect === undefined;
    const rows = await sql<Row>`
      WITH updated AS (
        UPDATE tasks
        SET status = ${status}, output = ${JSON.stringify(record.output)}::jsonb,
            state_version = state_version + ${actions.length}, updated_at = now()
        WHERE id = ${task.id} AND state_version = ${task.state_version}
        RETURNING *
      ), result_row AS (
        INSERT INTO task_results (task_id, attempt, output, confidence, verdict, verdict_confidence,
                                  reasons, judged_at, duration_ms)
        SELECT id, ${result?.attempt ?? 0}, output, ${result?.confidence ?? 0}, 'approve',
               ${result?.confidence ?? 0}, ${JSON.stringify(result?.reasons ?? [])}::jsonb,
               ${result?.judged_at ?? null}::timestamptz, ${result?.duration_ms ?? 0}
        FROM updated WHERE NOT ${noResult}
      ), effect_row AS (
        INSERT INTO effects (task_id, kind, idempotency_key, payload)
        SELECT id, ${effect?.kind ?? ''}, idempotency_key, ${JSON.stringify(effect?.payload ?? null)}::jsonb
        FROM updated WHERE NOT ${noEffect}
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id
      ), trace_rows AS (
        INSERT INTO trace_events (kind, spec_id, campaign_id, task_id, agent_id, attempt,
                                  duration_ms, outcome, detail)
        SELECT e.kind, e.spec_id, e.campaign_id, e.task_id, e.agent_id, e.attempt, e.duration_ms,
               e.outcome, e.detail
        FROM jsonb_to_recordset(${events}::jsonb) AS e(kind text, spec_id text, campaign_id uuid,
               task_id uuid, agent_id text, attempt integer, duration_ms double precision,
               outcome text, detail jsonb)
        WHERE EXISTS (SELECT 1 FROM updated)
        UNION ALL
        SELECT 'effect-apply', u.spec_id, u.campaign_id, u.id, u.agent_id, u.attempt, NULL,
               CASE WHEN EXISTS (SELECT 1 FROM effect_row) THEN 'applied' ELSE 'duplicate' END,
               jsonb_build_object('kind', ${effect?.kind ?? ''}::text)
        FROM updated u WHERE NOT ${noEffect}
      )
      SELECT u.*,
             (SELECT count(*)::int FROM effect_row) AS effects_applied,
             (u.has_dependents
              OR NOT EXISTS (SELECT 1 FROM tasks t
                             WHERE t.campaign_id = u.campaign_id AND t.id <> u.id
                               AND t.status NOT IN ('done', 'failed', 'cancelled'))) AS wakes_planner
      FROM updated u`.execute(this.db);
    const row = rows.rows[0];
    if (!row) throw new VersionConflict('task', task.id, task.state_version);
    const { wakes_planner, effects_applied, ...taskRow } = row;
    return {
      task: toTask(taskRow),
      effect: noEffect ? 'none' : effects_applied > 0 ? 'applied' : 'duplicate',
      wakesPlanner: wakes_planner,
    };
  }
}
