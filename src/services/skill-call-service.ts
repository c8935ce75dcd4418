// Skills and spends asked for from outside the swarm, through Chimera's MCP server. Only
// operators may ask. Every cost of a skill run, and every spend request, is charged through the
// CFO to the calling token's agent, like any agent's spend. A token that names no agent may run a
// skill that costs nothing, and cannot spend.

import type { ApprovalDecision } from '../commerce/cfo.js';
import type { Actor } from '../domain/actor.js';
import { AuthForbidden, ChimeraError, InputError } from '../domain/errors.js';
import type { SkillServices } from '../skills/skill.js';
import { found, requireRole } from './access-check.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** The run's agent id when the caller has none: no such agent exists, so the CFO refuses. */
const NO_AGENT = 'mcp-client';

export class SkillCallService {
  constructor(
    private readonly deps: ServiceDependencies,
    /** Tools and model whose every cost is charged to the run's agent (the CostGovernor). */
    private readonly governed: SkillServices,
  ) {}

  /** Runs `skillName` once for the caller, as its token's agent; nothing is published. */
  async run(actor: Actor, skillName: string, input: unknown): Promise<unknown> {
    requireRole(actor, 'operator', `running ${skillName}`);
    const agentId = actor.agentId
      ? await this.spendingAgent(actor, `running ${skillName}`)
      : NO_AGENT;
    const skill = this.deps.skills.get(skillName);
    const run = {
      taskId: crypto.randomUUID(),
      campaignId: crypto.randomUUID(),
      attempt: 1,
      agentId,
      specId: skill.specId,
    };
    try {
      const { output } = await skill.run(input, {
        ...run,
        feedback: [],
        signal: AbortSignal.timeout(skill.timeoutMs ?? 30_000),
        tools: this.governed.toolsFor(run),
        model: this.governed.modelFor(run),
        memory: this.governed.memoryFor(run),
      });
      return output;
    } catch (error) {
      // The CFO knows no agent to charge: the call would have cost money.
      if (error instanceof ChimeraError && error.context.agentId === NO_AGENT) {
        throw new AuthForbidden(
          `${skillName} tried to spend money, and this token names no agent to charge; create one with 'chimera token create --agent ID'`,
        );
      }
      throw error;
    }
  }

  /** Puts a spend request to the CFO for the caller's agent (the request must name it). */
  async approveSpend(actor: Actor, request: { agent_id: string }): Promise<ApprovalDecision> {
    const agentId = await this.spendingAgent(actor, 'asking the CFO to approve a spend');
    if (request.agent_id !== agentId) {
      throw new InputError(
        `agent_id: this token spends for agent '${agentId}', not '${request.agent_id}'`,
      );
    }
    return (await this.deps.cfo()).approve(request);
  }

  /** The agent the caller's spending is charged to; refused for a token without one. */
  private async spendingAgent(actor: Actor, action: string): Promise<string> {
    requireRole(actor, 'operator', action);
    if (!actor.agentId) {
      throw new AuthForbidden(
        `${action} spends money, and this token names no agent to charge; create one with 'chimera token create --agent ID'`,
      );
    }
    found(
      await this.deps.store.tenantViews.getAgent(actor.tenantId, actor.agentId),
      'agent',
      actor.agentId,
    );
    return actor.agentId;
  }
}
