// Performs external effects after their approval committed: loads the recorded effect, lets the
// performer for its kind act through MCP, and marks it performed with the answer, once. A crash
// in between leaves it recorded; the next attempt's performer reconciles by the effect's key
// before acting again, so the outside world sees the effect exactly once.

import { ChimeraError } from '../../domain/errors.js';
import type { Task } from '../../domain/task.js';
import type { SkillServices, SkillTools } from '../../skills/skill.js';
import type { Store, StoredEffect } from '../../store/store.js';
import { wakePlanner } from '../dispatch.js';
import { taskEvent } from '../trace.js';

/** Acts out one kind of external effect. */
export interface EffectPerformer {
  readonly kind: string;
  /** The spec the performer implements, stamped on its tool calls and trace. */
  readonly specId: string;
  /**
   * Performs `effect` and returns the outside world's answer. `attempt` is 1 the first time;
   * from 2 on, the performer must first ask whether an earlier attempt already acted.
   */
  perform(
    effect: StoredEffect,
    tools: SkillTools,
    attempt: number,
  ): Promise<Record<string, unknown>>;
  /**
   * Records the answer in Chimera's own tables, in the transaction that marks it performed;
   * `at` is when it was performed.
   */
  record?(
    store: Store,
    effect: StoredEffect,
    task: Task,
    answer: Record<string, unknown>,
    at: Date,
  ): Promise<void>;
}

export class EffectExecutor {
  private readonly performers: Map<string, EffectPerformer>;

  constructor(
    private readonly options: {
      store: Store;
      services: SkillServices;
      performers: readonly EffectPerformer[];
      /** @defaultValue () => new Date() */
      now?: () => Date;
    },
  ) {
    this.performers = new Map(options.performers.map((performer) => [performer.kind, performer]));
  }

  /** Performs effect `effectId` unless it already was. */
  async perform(effectId: string): Promise<void> {
    const { store } = this.options;
    const effect = await store.effects.get(effectId);
    if (!effect || effect.status === 'performed') return;
    const performer = this.performers.get(effect.kind);
    if (!performer) {
      throw new ChimeraError(
        'SKILL_UNKNOWN',
        `no performer for effect kind '${effect.kind}'; known: ${[...this.performers.keys()].join(', ')}`,
      );
    }
    const task = (await store.tasks.get(effect.task_id)) as Task;
    const attempt = await store.effects.countAttempt(effectId);
    const tools = this.options.services.toolsFor({
      agentId: task.agent_id,
      specId: performer.specId,
      taskId: task.id,
      campaignId: task.campaign_id,
      attempt,
    });
    const startedAt = performance.now();
    const answer = await performer.perform(effect, tools, attempt);
    await store.transaction(async (tx) => {
      if (!(await tx.effects.markPerformed(effectId, answer))) return;
      await performer.record?.(tx, effect, task, answer, this.options.now?.() ?? new Date());
      // Dependents of the task were waiting for this effect to happen.
      if (task.has_dependents) await wakePlanner(tx, task.campaign_id);
      await tx.traces.write([
        taskEvent(task, 'effect-perform', answer.reconciled ? 'reconciled' : 'performed', {
          specId: performer.specId,
          durationMs: performance.now() - startedAt,
          detail: { effect: effectId, kind: effect.kind, attempt },
        }),
      ]);
    });
  }
}
