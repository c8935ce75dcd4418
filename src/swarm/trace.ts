// Builds trace events for a task, so every writer stamps spec_id, campaign, agent and attempt
// the same way.

import type { Task } from '../domain/task.js';
import type { TraceEvent, TraceKind } from '../domain/trace-event.js';

/** A trace event about `task`. */
export function taskEvent(
  task: Task,
  kind: TraceKind,
  outcome: string,
  extra: { durationMs?: number; detail?: Record<string, unknown>; specId?: string } = {},
): TraceEvent {
  return {
    kind,
    spec_id: extra.specId ?? task.spec_id,
    campaign_id: task.campaign_id,
    task_id: task.id,
    agent_id: task.agent_id,
    attempt: task.attempt,
    duration_ms: extra.durationMs ?? null,
    outcome,
    detail: extra.detail ?? {},
  };
}
