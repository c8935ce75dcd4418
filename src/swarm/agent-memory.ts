// Agents' memory in the running swarm. A skill run recalls through `forRun`: only its own agent's
// memories, within the agent's tenant, and each recall is traced with the ids and similarities it
// returned (never the query's words). Writing back happens after the fact, through 'remember'
// jobs queued in the transaction that records what is worth remembering (a reply performed, a
// post's high engagement, a Scout's trends; see rememberLater in dispatch.ts): nothing is
// remembered of work that did not commit, and a job run twice remembers once, because a memory's
// id derives from what it is about. The same job notes the interaction in ephemeral memory.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_TENANT } from '../domain/actor.js';
import { AgentId } from '../domain/agent.js';
import { NotFound } from '../domain/errors.js';
import { MemoryCollection, type RecalledMemory } from '../domain/memory.js';
import type { TraceEvent } from '../domain/trace-event.js';
import {
  type EphemeralMemory,
  type Interaction,
  InteractionKind,
} from '../memory/ephemeral/ephemeral-memory.js';
import type { MemoryScope, SemanticMemory } from '../memory/semantic/semantic-memory.js';
import type { RecallOptions, SkillMemory, SkillRun } from '../skills/skill.js';
import type { SkillRegistry } from '../skills/skill-registry.js';
import type { MemoryMatch, Store } from '../store/store.js';

/** What a 'remember' job asks: a long-term memory, an interaction of the last hour, or both. */
export const RememberRequest = z.object({
  agent_id: AgentId,
  memory: z
    .object({
      /** Derived from what it is about (memoryId), so that it is remembered once. */
      id: z.string().uuid(),
      collection: MemoryCollection,
      text: z.string().min(1),
      metadata: z.record(z.string(), z.unknown()).default({}),
    })
    .optional(),
  interaction: z
    .object({
      at: z.coerce.date(),
      kind: InteractionKind,
      counterpart: z.string().min(1).max(200).optional(),
      text: z.string(),
      task_id: z.string().uuid().optional(),
      post_id: z.string().min(1).max(200).optional(),
    })
    .optional(),
});
export type RememberRequest = z.input<typeof RememberRequest>;

/** The id of the memory about `key` (e.g. 'reply:<idempotency key>'): a UUID-shaped digest. */
export function memoryId(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Where the swarm's memories live. */
export interface AgentMemoryOptions {
  store: Store;
  semantic: SemanticMemory;
  ephemeral: EphemeralMemory;
  /** The skills whose descriptions fill an agent's 'skills' collection. */
  skills: SkillRegistry;
}

export class AgentMemory {
  constructor(private readonly options: AgentMemoryOptions) {}

  /** The memory a skill run sees: its agent's, every recall traced under the run's task. */
  forRun(run: SkillRun): SkillMemory {
    return {
      recall: async (query, options = {}) => {
        const collection = options.collection ?? 'agent_memory';
        const startedAt = performance.now();
        const matches = await this.recall(await this.scopeOf(run.agentId), query, options);
        await this.options.store.traces.write([
          recallEvent(run, collection, matches, performance.now() - startedAt),
        ]);
        return matches;
      },
    };
  }

  /**
   * For an operator: the agent's memories of `collection` nearest in meaning to `query`. The
   * 'skills' collection is filled with the registered skills' descriptions first, once per skill
   * and description.
   */
  async search(
    agentId: string,
    query: string,
    options: RecallOptions = {},
  ): Promise<RecalledMemory[]> {
    const scope = await this.scopeOf(agentId);
    if (options.collection === 'skills') await this.learnSkills(scope);
    return this.recall(scope, query, options);
  }

  /** The agent's interactions of the last hour, newest first. */
  async recent(agentId: string, limit?: number): Promise<Interaction[]> {
    return this.options.ephemeral.recent(
      await this.scopeOf(agentId),
      limit === undefined ? {} : { limit },
    );
  }

  /** Performs a 'remember' job. */
  async remember(payload: unknown): Promise<void> {
    const request = RememberRequest.parse(payload);
    const scope = await this.scopeOf(request.agent_id);
    const { memory, interaction } = request;
    if (memory) {
      await this.options.semantic.remember(scope, memory.collection, memory.text, memory.metadata, {
        id: memory.id,
      });
    }
    if (interaction) {
      await this.options.ephemeral.remember(scope, {
        at: interaction.at,
        kind: interaction.kind,
        text: interaction.text,
        ...(interaction.counterpart && { counterpart: interaction.counterpart }),
        ...(interaction.task_id && { task_id: interaction.task_id }),
        ...(interaction.post_id && { post_id: interaction.post_id }),
      });
    }
  }

  private async recall(
    scope: MemoryScope,
    query: string,
    options: RecallOptions,
  ): Promise<RecalledMemory[]> {
    const matches = await this.options.semantic.recall(
      scope,
      options.collection ?? 'agent_memory',
      query,
      { k: options.k ?? 5, counterpart: options.counterpart },
    );
    return matches.map(recalled);
  }

  /** Remembers each registered skill's description in the agent's 'skills' collection. */
  private async learnSkills(scope: MemoryScope): Promise<void> {
    const skills = this.options.skills.list().map((skill) => ({
      skill,
      id: memoryId(`skill:${scope.agentId}:${skill.name}:${skill.description}`),
    }));
    const known = new Set(
      await this.options.store.memories.existing(skills.map((each) => each.id)),
    );
    for (const { skill, id } of skills) {
      if (known.has(id)) continue;
      await this.options.semantic.remember(
        scope,
        'skills',
        `${skill.name}: ${skill.description}`,
        { kind: 'skill', skill: skill.name, spec_id: skill.specId },
        { id },
      );
    }
  }

  private async scopeOf(agentId: string): Promise<MemoryScope> {
    const agent = await this.options.store.agents.get(agentId);
    if (!agent) throw new NotFound('agent', agentId);
    return { tenantId: agent.tenant_id ?? DEFAULT_TENANT, agentId };
  }
}

function recalled(match: MemoryMatch): RecalledMemory {
  return {
    id: match.id,
    collection: match.collection,
    text: match.text,
    metadata: match.metadata,
    similarity: match.similarity,
    remembered_at: match.created_at,
  };
}

/** The trace of a recall: which memories, how similar; not the query, which may quote people. */
function recallEvent(
  run: SkillRun,
  collection: string,
  matches: readonly RecalledMemory[],
  durationMs: number,
): TraceEvent {
  return {
    kind: 'memory-recall',
    spec_id: run.specId,
    campaign_id: run.campaignId,
    task_id: run.taskId,
    agent_id: run.agentId,
    attempt: run.attempt,
    duration_ms: durationMs,
    outcome: matches.length > 0 ? 'recalled' : 'none',
    detail: {
      collection,
      memories: matches.map((match) => ({
        id: match.id,
        similarity: Number(match.similarity.toFixed(4)),
      })),
    },
  };
}
