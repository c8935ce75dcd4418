// /api/v1/tokens (operators manage their tenant's tokens) and /api/v1/session (who am I, and the
// CSRF token a browser session's mutations send).

import { z } from 'zod';
import { Role } from '../../domain/actor.js';
import { AgentId } from '../../domain/agent.js';
import { defineRoute } from '../route-spec.js';
import { TokenWire } from '../wire-schemas.js';
import { EXAMPLE_TOKEN_ID, exampleToken } from './route-examples.js';

export const tokenRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/tokens',
    operationId: 'listTokens',
    summary: "List your tenant's tokens (never their secrets)",
    tag: 'access',
    role: 'operator',
    response: z.object({ tokens: z.array(TokenWire) }),
    example: { response: { tokens: [exampleToken] } },
    handler: async ({ services, actor }) => ({ tokens: await services.tokens.list(actor) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/tokens',
    operationId: 'createToken',
    summary: 'Create a token in your tenant; its secret is in this answer only',
    tag: 'access',
    role: 'operator',
    body: z.object({
      role: Role,
      agent_id: AgentId.optional(),
      name: z.string().max(200).optional(),
      expires_in_days: z.number().positive().max(3650).optional(),
    }),
    response: z.object({ token: TokenWire, secret: z.string() }),
    status: 201,
    example: {
      body: { role: 'reviewer', name: 'night-shift reviewer', expires_in_days: 30 },
      response: { token: exampleToken, secret: 'chm_…' },
    },
    handler: ({ services, actor, body }) =>
      services.tokens.create(actor, {
        role: body.role,
        agentId: body.agent_id,
        name: body.name,
        expiresInDays: body.expires_in_days,
      }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/tokens/:id/revoke',
    operationId: 'revokeToken',
    summary: 'Revoke a token: it and the browser sessions opened with it stop working at once',
    tag: 'access',
    role: 'operator',
    params: z.object({ id: z.string().uuid() }),
    response: TokenWire,
    example: { response: { ...exampleToken, revoked_at: '2026-11-29T10:00:00.000Z' } },
    handler: ({ services, actor, params }) => services.tokens.revoke(actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/session',
    operationId: 'showSession',
    summary: 'Who you are: tenant, role and agent; with a browser session, its CSRF token',
    tag: 'access',
    role: 'viewer',
    response: z.object({
      kind: z.enum(['token', 'session', 'cli']),
      id: z.string(),
      tenant_id: z.string(),
      role: Role,
      agent_id: z.string().nullable(),
      csrf_token: z.string().nullable(),
    }),
    example: {
      response: {
        kind: 'session',
        id: EXAMPLE_TOKEN_ID,
        tenant_id: 'default',
        role: 'reviewer',
        agent_id: null,
        csrf_token: 'csrf_…',
      },
    },
    handler: async ({ actor, csrfToken }) => ({
      kind: actor.kind,
      id: actor.id,
      tenant_id: actor.tenantId,
      role: actor.role,
      agent_id: actor.agentId,
      csrf_token: csrfToken,
    }),
  }),
];
