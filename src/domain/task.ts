// The unit of work: one skill run for one agent, with its place in the DAG and its retry budget.

import { z } from 'zod';
import { AgentId } from './agent.js';
import { TASK_STATUSES } from './task-status.js';

/** Task priority; the queue runs high before medium before low. */
export const TaskPriority = z.enum(['high', 'medium', 'low']);
export type TaskPriority = z.infer<typeof TaskPriority>;

/** A stored task. `type` is the skill name; `state_version` guards every write. */
export const Task = z.object({
  id: z.string().uuid(),
  campaign_id: z.string().uuid(),
  /** The run of the campaign (one occurrence of its schedule) the task belongs to. */
  campaign_run_id: z.string().uuid(),
  agent_id: AgentId,
  step_key: z.string(),
  type: z.string(),
  spec_id: z.string(),
  priority: TaskPriority,
  deadline: z.coerce.date().nullable(),
  depends_on: z.array(z.string().uuid()),
  /** True when another task of the campaign depends on this one (fixed at launch). */
  has_dependents: z.boolean(),
  input: z.unknown(),
  output: z.unknown().nullable(),
  feedback: z.array(z.string()),
  status: z.enum(TASK_STATUSES),
  attempt: z.number().int().nonnegative(),
  max_attempts: z.number().int().positive(),
  idempotency_key: z.string(),
  state_version: z.number().int().nonnegative(),
  assigned_worker_id: z.string().nullable(),
  lease_expires_at: z.coerce.date().nullable(),
  run_at: z.coerce.date().nullable(),
  /** When a run_task job was last added for this task; the reaper re-dispatches stale ones. */
  dispatched_at: z.coerce.date().nullable(),
  error_code: z.string().nullable(),
  /** Why the Planner keeps this pending task back (its agent's wallet is short), if it does. */
  hold_reason: z.string().nullable().optional(),
  created_at: z.coerce.date(),
  updated_at: z.coerce.date(),
});
export type Task = z.infer<typeof Task>;
