// What an approval does, whoever gave it (the Judge or a person): the task becomes approved, its
// skill's effect is recorded under the task's idempotency key, and the task is done, all in one
// atomic write, so approval and effect commit together or not at all.

import type { Task } from '../domain/task.js';
import type { TaskAction } from '../domain/task-state-machine.js';
import type { TraceEvent } from '../domain/trace-event.js';
import type { AnySkill } from '../skills/skill.js';
import type { CommittedApproval, ResultRecord, Store } from '../store/store.js';
import { taskEvent } from './trace.js';

/**
 * Approves `task`, applies its effect once, and completes it. `leading` are the steps before
 * approval: ['submit'] for a running task the Judge approves, none for a task a person approves
 * from awaiting_review. `result` is the Judge's result row, written with it.
 */
export function commitApproval(
  store: Store,
  task: Task,
  skill: AnySkill,
  output: unknown,
  options: { leading?: readonly TaskAction[]; result?: ResultRecord; events?: TraceEvent[] } = {},
): Promise<CommittedApproval> {
  const events = [...(options.events ?? []), taskEvent(task, 'task-end', 'done')];
  return store.approvals.commit({
    task,
    actions: [...(options.leading ?? []), 'approve', 'complete'],
    output,
    ...(options.result && { result: options.result }),
    ...(skill.effect && {
      effect: {
        kind: skill.effect.kind,
        payload: skill.effect.payload(output),
        external: skill.effect.external ?? false,
      },
    }),
    events,
  });
}
