// Runs one skill for one claimed task and reports what happened, never throwing: the deadline,
// input validation, the time limit, and output validation are checked here. It writes nothing;
// the TaskWorker commits the outcome.

import { ChimeraError, SkillPermanentError } from '../domain/errors.js';
import { fieldProblems } from '../domain/field-problems.js';
import type { Task } from '../domain/task.js';
import type { AnySkill, SkillServices } from '../skills/skill.js';

const DEFAULT_SKILL_TIMEOUT_MS = 30_000;

/** A skill run's outcome: a result for the Judge, or an error that says whether to retry. */
export type SkillRunOutcome =
  | { kind: 'result'; output: unknown; confidence: number }
  | { kind: 'error'; error: ChimeraError };

/** Runs `skill` (undefined when the registry has none for the task's type) on `task`. */
export async function runSkill(
  skill: AnySkill | undefined,
  task: Task,
  options: { now: Date; services: SkillServices; signal?: AbortSignal | undefined },
): Promise<SkillRunOutcome> {
  if (!skill) {
    return failure(`no skill '${task.type}' is registered in this worker`, 'SKILL_UNKNOWN', task);
  }
  if (task.deadline && task.deadline.getTime() < options.now.getTime()) {
    return failure(
      `deadline ${task.deadline.toISOString()} passed`,
      'TASK_DEADLINE_EXCEEDED',
      task,
    );
  }
  const input = skill.inputSchema.safeParse(task.input);
  if (!input.success) {
    const problems = fieldProblems(input.error).join('; ');
    return failure(`invalid input for ${skill.name}: ${problems}`, 'SKILL_INPUT_INVALID', task);
  }
  const timeoutMs = skill.timeoutMs ?? DEFAULT_SKILL_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const run = {
    agentId: task.agent_id,
    specId: skill.specId,
    taskId: task.id,
    campaignId: task.campaign_id,
    attempt: task.attempt,
    signal,
  };
  try {
    const result = await Promise.race([
      skill.run(input.data, {
        taskId: task.id,
        campaignId: task.campaign_id,
        agentId: task.agent_id,
        attempt: task.attempt,
        specId: task.spec_id,
        feedback: task.feedback,
        signal,
        tools: options.services.toolsFor(run),
        model: options.services.modelFor(run),
        memory: options.services.memoryFor(run),
      }),
      rejectOnAbort(signal, timeout, timeoutMs, skill.name),
    ]);
    const output = skill.outputSchema.safeParse(result.output);
    if (!output.success) {
      const problems = fieldProblems(output.error).join('; ');
      return failure(
        `invalid output from ${skill.name}: ${problems}`,
        'SKILL_OUTPUT_INVALID',
        task,
      );
    }
    return { kind: 'result', output: output.data, confidence: result.confidence };
  } catch (error) {
    return { kind: 'error', error: asChimeraError(error, skill.name) };
  }
}

function failure(
  message: string,
  code: 'SKILL_UNKNOWN' | 'TASK_DEADLINE_EXCEEDED' | 'SKILL_INPUT_INVALID' | 'SKILL_OUTPUT_INVALID',
  task: Task,
): SkillRunOutcome {
  return {
    kind: 'error',
    error: new SkillPermanentError(message, {
      code,
      context: { taskId: task.id, skill: task.type },
    }),
  };
}

/** Unknown throws count as transient: a retry is cheap and the attempt budget bounds it. */
function asChimeraError(error: unknown, skill: string): ChimeraError {
  if (error instanceof ChimeraError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ChimeraError('SKILL_TRANSIENT', `${skill} failed: ${message}`, {
    cause: error,
    retryable: true,
    context: { skill },
  });
}

/**
 * Rejects when `signal` aborts: a timeout or the worker shutting down, both retryable, or the
 * reason the worker aborted with (a lost lease).
 */
function rejectOnAbort(
  signal: AbortSignal,
  timeout: AbortSignal,
  timeoutMs: number,
  skill: string,
): Promise<never> {
  return new Promise((_, reject) => {
    const onAbort = () =>
      reject(
        signal.reason instanceof ChimeraError
          ? signal.reason
          : timeout.aborted
            ? new ChimeraError('SKILL_TIMEOUT', `${skill} did not finish within ${timeoutMs} ms`, {
                retryable: true,
                context: { skill },
              })
            : new ChimeraError(
                'SKILL_TRANSIENT',
                `${skill} was stopped: the worker is shutting down`,
                {
                  retryable: true,
                  context: { skill },
                },
              ),
      );
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
