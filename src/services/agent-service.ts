// Agents: list, show, show the learning strategy and search the memory (viewer), create or update
// from a SOUL.md body, freeze and unfreeze (operator). An agent belongs to the tenant that created
// it; its id is unique across tenants.

import type { Actor } from '../domain/actor.js';
import { actorLabel } from '../domain/actor.js';
import type { Agent } from '../domain/agent.js';
import { InputError } from '../domain/errors.js';
import { MemoryCollection, type RecalledMemory } from '../domain/memory.js';
import { toAgent } from '../personas/persona.js';
import { parseSoulFile } from '../personas/soul-file.js';
import { setAgentFrozen } from '../swarm/agent-freeze.js';
import { strategySummary } from '../swarm/agent-strategy.js';
import { found, requireRole } from './access-check.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** One value of a strategy choice, as people read it. */
export interface StrategyArmView<V> {
  value: V;
  /** Posts made with it that have been rewarded. */
  posts: number;
  /** The strategy's estimate of its engagement rate (its prior guess before any post). */
  mean_engagement_rate: number;
}

/** What an agent's strategy has learnt, per dimension of its choices. */
export interface StrategyView {
  agent_id: string;
  /** Posts that have rewarded the strategy. */
  posts: number;
  format: StrategyArmView<string>[];
  topic: StrategyArmView<string>[];
  hook: StrategyArmView<string>[];
  hour: StrategyArmView<number>[];
}

/** The most memories one search returns. */
export const MAX_MEMORIES = 50;

export class AgentService {
  constructor(private readonly deps: ServiceDependencies) {}

  list(actor: Actor): Promise<Agent[]> {
    return this.deps.store.tenantViews.listAgents(actor.tenantId);
  }

  async show(actor: Actor, id: string): Promise<Agent> {
    return found(await this.deps.store.tenantViews.getAgent(actor.tenantId, id), 'agent', id);
  }

  /** The agent's memories of `collection` nearest in meaning to `query`, most similar first. */
  async memories(
    actor: Actor,
    id: string,
    search: { query: string; collection: string; k: number },
  ): Promise<RecalledMemory[]> {
    await this.show(actor, id);
    const collection = MemoryCollection.safeParse(search.collection);
    if (!collection.success) {
      throw new InputError(
        `collection: '${search.collection}' is not one; use ${MemoryCollection.options.join(', ')}`,
        { context: { field: 'collection' } },
      );
    }
    if (!Number.isInteger(search.k) || search.k < 1 || search.k > MAX_MEMORIES) {
      throw new InputError(`k: give a whole number from 1 to ${MAX_MEMORIES} (got ${search.k})`, {
        context: { field: 'k' },
      });
    }
    return this.deps.memory.search(id, search.query, { collection: collection.data, k: search.k });
  }

  /** What the agent's strategy has learnt: per choice, posts and mean engagement rate. */
  async strategy(actor: Actor, id: string): Promise<StrategyView> {
    await this.show(actor, id);
    const summary = await strategySummary(this.deps.store, id);
    const arms = <V>(each: ReadonlyArray<{ value: V; pulls: number; posteriorMean: number }>) =>
      each.map(({ value, pulls, posteriorMean }) => ({
        value,
        posts: pulls,
        mean_engagement_rate: posteriorMean,
      }));
    return {
      agent_id: id,
      posts: summary.format.reduce((sum, arm) => sum + arm.pulls, 0),
      format: arms(summary.format),
      topic: arms(summary.topic),
      hook: arms(summary.hook),
      hour: arms(summary.hour),
    };
  }

  /**
   * Creates the agent a SOUL.md text describes, or updates its persona (its frozen or active
   * status is kept). Errors name `source` and the frontmatter field or body section at fault.
   */
  createFromSoul(actor: Actor, soulMarkdown: string, source = 'soul'): Promise<Agent> {
    requireRole(actor, 'operator', 'creating an agent');
    return this.save(actor, toAgent(parseSoulFile(soulMarkdown, source)));
  }

  /** Creates or updates `agent` in the caller's tenant, keeping an existing agent's status. */
  async save(actor: Actor, agent: Agent): Promise<Agent> {
    requireRole(actor, 'operator', 'creating an agent');
    return this.deps.store.transaction(async (tx) => {
      const before = await tx.agents.get(agent.id);
      if (before && before.tenant_id !== actor.tenantId) {
        throw new InputError(`id: agent id '${agent.id}' is taken; choose another id`);
      }
      const saved = { ...agent, tenant_id: actor.tenantId, status: before?.status ?? agent.status };
      await tx.agents.upsert(saved);
      await tx.audit.write({
        actor: actorLabel(actor),
        tenant_id: actor.tenantId,
        action: before ? 'agent.update' : 'agent.create',
        subject_type: 'agent',
        subject_id: agent.id,
        detail: {
          before: before ? { name: before.name, niche: before.niche, status: before.status } : null,
          after: { name: saved.name, niche: saved.niche, status: saved.status },
        },
      });
      return found(await tx.agents.get(agent.id), 'agent', agent.id);
    });
  }

  /** Freezes (or unfreezes) an agent: its spending and new work stop at once. */
  async setFrozen(actor: Actor, id: string, frozen: boolean): Promise<Agent> {
    requireRole(actor, 'operator', frozen ? 'freezing an agent' : 'unfreezing an agent');
    await this.show(actor, id);
    await setAgentFrozen(this.deps.store, id, frozen, actorLabel(actor), actor.tenantId);
    return this.show(actor, id);
  }
}
