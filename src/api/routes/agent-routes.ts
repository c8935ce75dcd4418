// /api/v1/agents: list, show, create from a SOUL.md body, freeze and unfreeze.

import { z } from 'zod';
import { AgentId } from '../../domain/agent.js';
import { MemoryCollection } from '../../domain/memory.js';
import { MAX_MEMORIES } from '../../services/agent-service.js';
import { defineRoute } from '../route-spec.js';
import { AgentWire, MemoryWire, StrategyWire } from '../wire-schemas.js';
import { exampleAgent, exampleMemory, exampleStrategy } from './route-examples.js';

const AgentParams = z.object({ id: AgentId });
const SOUL_EXAMPLE = `---
id: noor
name: Noor
niche: wellness
voice_traits: [warm, evidence-first]
platforms: [instagram]
---
## Backstory
...
`;

export const agentRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/agents',
    operationId: 'listAgents',
    summary: 'List the agents of your tenant',
    tag: 'agents',
    role: 'viewer',
    response: z.object({ agents: z.array(AgentWire) }),
    example: { response: { agents: [exampleAgent] } },
    handler: async ({ services, actor }) => ({ agents: await services.agents.list(actor) }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/agents/:id',
    operationId: 'showAgent',
    summary: 'Show one agent',
    tag: 'agents',
    role: 'viewer',
    params: AgentParams,
    response: AgentWire,
    example: { response: exampleAgent },
    handler: ({ services, actor, params }) => services.agents.show(actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/agents/:id/strategy',
    operationId: 'showAgentStrategy',
    summary:
      "What the agent's strategy has learnt: per format, topic cluster, hook style and posting hour, the posts made with it and their mean engagement rate",
    tag: 'agents',
    role: 'viewer',
    params: AgentParams,
    response: StrategyWire,
    example: { response: exampleStrategy },
    handler: ({ services, actor, params }) => services.agents.strategy(actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/agents/:id/memories',
    operationId: 'searchAgentMemories',
    summary:
      "The agent's memories nearest in meaning to a query: its posts and conversations (agent_memory), trend history (content_trend) or skills",
    tag: 'agents',
    role: 'viewer',
    params: AgentParams,
    query: z.object({
      query: z.string().trim().min(1).max(1_000),
      collection: MemoryCollection.default('agent_memory'),
      k: z.coerce.number().int().min(1).max(MAX_MEMORIES).default(5),
    }),
    response: z.object({ memories: z.array(MemoryWire) }),
    example: {
      query: { query: 'which running shoes', collection: 'agent_memory', k: 5 },
      response: { memories: [exampleMemory] },
    },
    handler: async ({ services, actor, params, query }) => ({
      memories: await services.agents.memories(actor, params.id, query),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/agents',
    operationId: 'createAgent',
    summary:
      'Create an agent from a SOUL.md body, or update its persona (errors name the frontmatter field or section)',
    tag: 'agents',
    role: 'operator',
    body: z.object({ soul: z.string().min(1).max(100_000).describe('the SOUL.md text') }),
    response: AgentWire,
    status: 201,
    example: { body: { soul: SOUL_EXAMPLE }, response: exampleAgent },
    handler: ({ services, actor, body }) => services.agents.createFromSoul(actor, body.soul),
  }),
  ...(['freeze', 'unfreeze'] as const).map((action) =>
    defineRoute({
      method: 'POST',
      path: `/api/v1/agents/:id/${action}`,
      operationId: `${action}Agent`,
      summary:
        action === 'freeze'
          ? 'Freeze an agent: its spending and new work stop at once'
          : 'Let a frozen agent spend and work again',
      tag: 'agents',
      role: 'operator',
      params: AgentParams,
      response: AgentWire,
      example: {
        response: { ...exampleAgent, status: action === 'freeze' ? 'frozen' : 'active' },
      },
      handler: ({ services, actor, params }) =>
        services.agents.setFrozen(actor, params.id, action === 'freeze'),
    }),
  ),
];
