// Where a rejected step's content came from: the Artist and the Publisher carry the Director's
// text, so a rejection of that text (a repeat, a directive breach, a claim a reviewer refused)
// is fixed by re-opening the Director, not by running the Artist again on the same brief.

import { linesWithin } from '../domain/content-coverage.js';
import { reasonSource } from '../domain/judge-routing.js';
import type { Task } from '../domain/task.js';
import type { SkillRegistry } from '../skills/skill-registry.js';
import { outputView } from './output-view.js';

/** Reasons that are about the step's own work, which re-running the step itself can fix. */
const OWN_WORK_SOURCES = new Set(['schema', 'confidence']);

/**
 * For a task rejected for its content: the upstream steps of the same agent that carry that
 * content, from the one that wrote it (first) down to the rejected task's own dependency (last).
 * Undefined when the task wrote its content itself, was rejected for its own work or an error,
 * or when re-running a step on the way would repeat an effect.
 */
export function contentProducerPath(
  task: Task,
  byId: ReadonlyMap<string, Task>,
  skills: SkillRegistry,
): string[] | undefined {
  if (task.status !== 'rejected' || task.error_code !== null) return undefined;
  if (task.feedback.every((reason) => OWN_WORK_SOURCES.has(reasonSource(reason)))) return undefined;
  const rejected = viewOf(skills, task);
  if (!rejected) return undefined;
  const path: Task[] = [];
  for (let current = task; ; ) {
    const parent = current.depends_on
      .map((id) => byId.get(id))
      .find((candidate): candidate is Task => {
        if (candidate?.agent_id !== task.agent_id || candidate.status !== 'done') return false;
        const view = viewOf(skills, candidate);
        return view !== undefined && linesWithin(rejected, view);
      });
    if (!parent) break;
    if (skills.get(parent.type).effect) return undefined;
    path.unshift(parent);
    current = parent;
  }
  return path.length > 0 ? path.map((step) => step.id) : undefined;
}

function viewOf(skills: SkillRegistry, task: Task) {
  return skills.has(task.type) ? outputView(skills.get(task.type), task.output) : undefined;
}
