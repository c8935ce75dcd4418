// What an approval does, whoever gave it (the Judge or a person): the task becomes approved, its
// skill's effect is recorded under the task's idempotency key, and the task is done. Runs inside
// the caller's transaction, so approval and effect commit together or not at all.

import type { Task } from '../domain/task.js';
import type { TraceEvent } from '../domain/trace-event.js';
import type { AnySkill } from '../skills/skill.js';
import type { Store } from '../store/store.js';
import { taskEvent } from './trace.js';

/** Approves `task` (judging or awaiting_review), applies its effect once, and completes it. */
export async function commitApproval(
  store: Store,
  task: Task,
  skill: AnySkill,
  output: unknown,
  events: TraceEvent[],
): Promise<Task> {
  const approved = await store.tasks.transition(task, 'approve', { output });
  if (skill.effect) {
    const outcome = await store.effects.record({
      task_id: task.id,
      kind: skill.effect.kind,
      idempotency_key: task.idempotency_key,
      payload: skill.effect.payload(output),
    });
    events.push(
      taskEvent(approved, 'effect-apply', outcome, { detail: { kind: skill.effect.kind } }),
    );
  }
  const done = await store.tasks.transition(approved, 'complete');
  events.push(taskEvent(done, 'task-end', 'done'));
  return done;
}
