// Commits an approval in one call of chimera_commit_approval (migration 0002): the
// version-guarded task update, the result row, the effect row (a duplicate key is skipped) and the
// trace events. A stale version writes nothing. This is the hot path of the governed loop; one
// round trip with a cached plan is what keeps it near the bare queue's speed.

import { type Kysely, type Selectable, sql } from 'kysely';
import { VersionConflict } from '../../domain/errors.js';
import { nextStatus } from '../../domain/task-state-machine.js';
import type { TaskStatus } from '../../domain/task-status.js';
import type { ApprovalRecord, ApprovalWriter, CommittedApproval } from '../store.js';
import { toTask } from './row-mappers.js';
import type { ChimeraSchema, TasksTable } from './schema.js';

type Row = Selectable<TasksTable> & {
  effect_applied: boolean;
  wakes_planner: boolean;
  effect_id: string | null;
};

export class PostgresApprovalWriter implements ApprovalWriter {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async commit(record: ApprovalRecord): Promise<CommittedApproval> {
    const { task, actions, result, effect } = record;
    const status = actions.reduce<TaskStatus>(
      (current, action) => nextStatus(current, action, task.id),
      task.status,
    );
    const rows = await sql<Row>`
      SELECT (r.task).*, r.effect_applied, r.wakes_planner, r.effect_id
      FROM chimera_commit_approval(
        ${task.id}::uuid, ${task.state_version}::integer, ${status}::text,
        ${actions.length}::integer, ${JSON.stringify(record.output ?? null)}::jsonb,
        ${result ? JSON.stringify(result) : null}::jsonb, ${effect?.kind ?? null}::text,
        ${JSON.stringify(effect?.payload ?? null)}::jsonb, ${JSON.stringify(record.events)}::jsonb,
        ${effect?.external ?? false}::boolean
      ) AS r`.execute(this.db);
    const row = rows.rows[0];
    if (!row) throw new VersionConflict('task', task.id, task.state_version);
    const { effect_applied, wakes_planner, effect_id, ...taskRow } = row;
    return {
      task: toTask(taskRow),
      effect: effect === undefined ? 'none' : effect_applied ? 'applied' : 'duplicate',
      wakesPlanner: wakes_planner,
      effectId: effect_id ?? undefined,
    };
  }
}
