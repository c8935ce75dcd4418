// /api/v1/fleet (agents by state, queue depth, reviews waiting), the tenant-wide kill switch,
// and /api/v1/posts with their engagement.

import { z } from 'zod';
import { AgentId } from '../../domain/agent.js';
import { defineRoute } from '../route-spec.js';
import { FleetWire, PostWire } from '../wire-schemas.js';
import { examplePost } from './route-examples.js';

const FrozenAgents = z.object({ agents: z.array(z.string()).describe('the agents it changed') });

export const fleetRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/fleet',
    operationId: 'showFleet',
    summary:
      'Every agent with its state, work in flight and spend today; queue depth; reviews waiting',
    tag: 'fleet',
    role: 'viewer',
    response: FleetWire,
    example: {
      response: {
        agents: [
          {
            id: 'noor',
            name: 'Noor',
            state: 'planning',
            tasks_in_flight: 2,
            spent_today: '1.25',
            daily_cap: '50',
            last_post_at: null,
          },
        ],
        by_state: { frozen: 0, judging: 0, working: 0, planning: 1, sleeping: 0 },
        queue_depth: 1,
        reviews_waiting: 1,
      },
    },
    handler: ({ services, actor }) => services.fleet.status(actor),
  }),
  ...(['freeze', 'unfreeze'] as const).map((action) =>
    defineRoute({
      method: 'POST',
      path: `/api/v1/fleet/${action}`,
      operationId: `${action}Fleet`,
      summary:
        action === 'freeze'
          ? 'Kill switch: freeze every agent of your tenant at once'
          : 'Unfreeze every frozen agent of your tenant',
      tag: 'fleet',
      role: 'operator',
      response: FrozenAgents,
      example: { response: { agents: ['ava', 'noor'] } },
      handler: ({ services, actor }) => services.fleet.setFrozen(actor, action === 'freeze'),
    }),
  ),
  defineRoute({
    method: 'GET',
    path: '/api/v1/posts',
    operationId: 'listPosts',
    summary:
      'Published posts, newest first, with their lineage: the trend, the brief, and every engagement read',
    tag: 'posts',
    role: 'viewer',
    query: z.object({
      agent_id: AgentId.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    response: z.object({ posts: z.array(PostWire) }),
    example: { response: { posts: [examplePost] } },
    handler: async ({ services, actor, query }) => ({
      posts: await services.posts.list(actor, { agentId: query.agent_id, limit: query.limit }),
    }),
  }),
];
