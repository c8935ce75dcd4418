// Task queries. A transition is one UPDATE guarded by the state_version the writer read; zero
// rows updated means somebody else moved first, reported as VersionConflict.

import { type Kysely, type Selectable, sql } from 'kysely';
import { VersionConflict } from '../../domain/errors.js';
import type { TaskDraft } from '../../domain/plan.js';
import type { Task } from '../../domain/task.js';
import { nextStatus, type TaskAction } from '../../domain/task-state-machine.js';
import type { TaskStatus } from '../../domain/task-status.js';
import type { TaskPatch, TaskRepository } from '../store.js';
import { toTask } from './row-mappers.js';
import type { ChimeraSchema, TasksTable } from './schema.js';

export class PostgresTaskRepository implements TaskRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async insertMany(campaignId: string, drafts: readonly TaskDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    await this.db
      .insertInto('tasks')
      .values(
        drafts.map((draft) => ({
          ...draft,
          campaign_id: campaignId,
          input: JSON.stringify(draft.input),
          feedback: '[]',
          status: 'pending',
        })),
      )
      .execute();
  }

  async get(id: string): Promise<Task | undefined> {
    const row = await this.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toTask(row);
  }

  async listByCampaign(campaignId: string, filter: { openRuns?: boolean } = {}): Promise<Task[]> {
    let query = this.db.selectFrom('tasks').selectAll().where('campaign_id', '=', campaignId);
    if (filter.openRuns) {
      query = query.where('campaign_run_id', 'in', (runs) =>
        runs
          .selectFrom('campaign_runs')
          .select('id')
          .where('campaign_id', '=', campaignId)
          .where('status', '=', 'running'),
      );
    }
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map(toTask);
  }

  async setHoldReason(taskId: string, reason: string | null): Promise<void> {
    await this.db
      .updateTable('tasks')
      .set({ hold_reason: reason })
      .where('id', '=', taskId)
      .execute();
  }

  async campaignsWithHeldTasks(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('tasks')
      .innerJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
      .select('tasks.campaign_id')
      .distinct()
      .where('tasks.hold_reason', 'is not', null)
      .where('tasks.status', '=', 'pending')
      .where('campaigns.status', '=', 'active')
      .execute();
    return rows.map((row) => row.campaign_id);
  }

  async transition(
    task: Task,
    action: TaskAction | readonly TaskAction[],
    patch: TaskPatch = {},
  ): Promise<Task> {
    const actions: readonly TaskAction[] = typeof action === 'string' ? [action] : action;
    const status = actions.reduce<TaskStatus>(
      (current, step) => nextStatus(current, step, task.id),
      task.status,
    );
    const { input, output, feedback, ...plain } = patch;
    const row = await this.db
      .updateTable('tasks')
      .set((eb) => ({
        ...plain,
        ...(input !== undefined && { input: JSON.stringify(input) }),
        ...(output !== undefined && { output: JSON.stringify(output) }),
        ...(feedback !== undefined && { feedback: JSON.stringify(feedback) }),
        status,
        // Entering 'queued' always goes with a dispatch; the reaper watches this stamp.
        ...(status === 'queued' && { dispatched_at: new Date() }),
        state_version: eb('state_version', '+', actions.length),
        updated_at: new Date(),
      }))
      .where('id', '=', task.id)
      .where('state_version', '=', task.state_version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new VersionConflict('task', task.id, task.state_version);
    return toTask(row);
  }

  async claim(
    taskId: string,
    claim: { workerId: string; leaseExpiresAt: Date },
  ): Promise<Task | undefined> {
    const running = nextStatus('queued', 'claim', taskId);
    // One round trip on the hot path: the claim and its trace event commit together.
    const result = await sql<Selectable<TasksTable>>`
      SELECT * FROM chimera_claim_task(
        ${taskId}::uuid, ${running}::text, ${claim.workerId}::text,
        ${claim.leaseExpiresAt}::timestamptz
      )`.execute(this.db);
    const row = result.rows[0];
    return row && toTask(row);
  }

  async renewLease(
    task: Pick<Task, 'id' | 'attempt'>,
    lease: { workerId: string; leaseExpiresAt: Date },
  ): Promise<boolean> {
    const renewed = await this.db
      .updateTable('tasks')
      .set({ lease_expires_at: lease.leaseExpiresAt })
      .where('id', '=', task.id)
      .where('attempt', '=', task.attempt)
      .where('status', '=', 'running')
      .where('assigned_worker_id', '=', lease.workerId)
      .executeTakeFirst();
    return renewed.numUpdatedRows > 0n;
  }

  async claimExpiredLeases(now: Date, limit: number): Promise<Task[]> {
    const rows = await this.db
      .selectFrom('tasks')
      .selectAll()
      .where('status', '=', 'running')
      .where('lease_expires_at', '<', now)
      .orderBy('lease_expires_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    return rows.map(toTask);
  }

  async claimStaleDispatches(dueBefore: Date, now: Date, limit: number): Promise<Task[]> {
    const stale = this.db
      .selectFrom('tasks')
      .select('id')
      .where('status', '=', 'queued')
      .where('dispatched_at', '<', dueBefore)
      .where((eb) => eb.or([eb('run_at', 'is', null), eb('run_at', '<', dueBefore)]))
      .orderBy('dispatched_at')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    // Touching dispatched_at is bookkeeping, not a state change: state_version stays.
    const rows = await this.db
      .updateTable('tasks')
      .set({ dispatched_at: now })
      .where('id', 'in', stale)
      .returningAll()
      .execute();
    return rows.map(toTask);
  }

  async campaignsAwaitingPlanner(before: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('tasks as task')
      .innerJoin('campaigns as campaign', 'campaign.id', 'task.campaign_id')
      .select('task.campaign_id')
      .distinct()
      .where('campaign.status', '=', 'active')
      .where('task.updated_at', '<', before)
      .where((eb) =>
        eb.or([
          eb('task.status', '=', 'rejected'),
          eb.not(
            eb.exists(
              eb
                .selectFrom('tasks as open')
                .select('open.id')
                .whereRef('open.campaign_id', '=', 'task.campaign_id')
                .where('open.status', 'not in', ['done', 'failed', 'cancelled']),
            ),
          ),
          eb.and([
            eb('task.status', '=', 'pending'),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('tasks as dependency')
                  .select('dependency.id')
                  .where('dependency.id', '=', sql<string>`ANY(task.depends_on)`)
                  .where('dependency.status', 'not in', ['approved', 'done']),
              ),
            ),
          ]),
        ]),
      )
      .limit(limit)
      .execute();
    return rows.map((row) => row.campaign_id);
  }

  async listByStatus(status: TaskStatus, limit: number): Promise<Task[]> {
    const rows = await this.db
      .selectFrom('tasks')
      .selectAll()
      .where('status', '=', status)
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toTask);
  }

  async countByStatus(
    campaignIds?: readonly string[],
  ): Promise<Partial<Record<TaskStatus, number>>> {
    let query = this.db
      .selectFrom('tasks')
      .select(['status', sql<number>`count(*)::int`.as('count')])
      .groupBy('status');
    if (campaignIds) {
      if (campaignIds.length === 0) return {};
      query = query.where('campaign_id', 'in', campaignIds);
    }
    const rows = await query.execute();
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  }
}
