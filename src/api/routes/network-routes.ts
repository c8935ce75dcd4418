// /api/v1/network/peers: the live peers of the agent network within this deployment. The
// registry is deployment-wide (every tenant sees the same peers); a token is still required.

import { z } from 'zod';
import { Capability } from '../../domain/network/heartbeat.js';
import { defineRoute } from '../route-spec.js';
import { PeerWire } from '../wire-schemas.js';
import { examplePeer } from './route-examples.js';

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
];
