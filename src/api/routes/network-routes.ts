// /api/v1/network/peers: the live peers of the agent network within this deployment. The
// registry is deployment-wide (every tenant sees the same peers); a token is still required.
// /api/v1/network/hires: an agent of the caller's tenant hires another node's skill.

import { z } from 'zod';
import { AgentId } from '../../domain/agent.js';
import { Capability } from '../../domain/network/heartbeat.js';
import { defineRoute } from '../route-spec.js';
import { HireWire, PeerWire } from '../wire-schemas.js';
import { exampleHire, examplePeer } from './route-examples.js';

export const networkRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/network/peers',
    operationId: 'listNetworkPeers',
    summary:
      'The live peers of the agent network (a heartbeat within the last 90 s), with their capabilities, status and reputation; highest reputation first',
    tag: 'network',
    role: 'viewer',
    query: z.object({
      capability: Capability.optional().describe('only peers offering this skill'),
    }),
    response: z.object({ peers: z.array(PeerWire) }),
    example: {
      query: { capability: 'scout.analyze' },
      response: { peers: [examplePeer] },
    },
    handler: async ({ services, actor, query }) => ({
      peers: await services.network.peers(actor, { capability: query.capability }),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/network/hires',
    operationId: 'hireFromNetwork',
    summary:
      "Has an agent hire another node's skill through the four-phase handshake: from provider_url, or from the live peers offering it, highest reputation first; the CFO approves the payment like any of the agent's spends",
    tag: 'network',
    role: 'operator',
    body: z.object({
      agent_id: AgentId,
      skill: Capability,
      input: z.record(z.string(), z.unknown()).default({}),
      provider_url: z
        .url({ protocol: /^https?$/ })
        .optional()
        .describe("the provider node's base URL"),
    }),
    response: HireWire,
    example: {
      body: {
        agent_id: 'ava',
        skill: 'scout.analyze',
        input: { niche: 'sustainable streetwear', goal: 'Tease the spring capsule drop' },
      },
      response: exampleHire,
    },
    handler: ({ services, actor, body }) => services.network.hire(actor, body),
  }),
];
