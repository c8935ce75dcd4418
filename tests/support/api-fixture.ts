// Two tenants on one Chimera for API tests: 'default' with agent ava, a campaign, a pending
// review and tokens of every role (the operator's acts as ava), and 'rival' with its own agent
// and operator token. Built through the services, as an operator would.

import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { buildHttpServer } from '../../src/api/http-server.js';
import type { ChimeraApp } from '../../src/app/chimera-app.js';
import type { Actor, Role } from '../../src/domain/actor.js';
import { campaignOf, singleStep } from './test-app.js';

/** What the fixture made. */
export interface ApiFixture {
  http: FastifyInstance;
  /** Bearer secrets of tenant 'default', by role; the operator's acts as agent ava. */
  tokens: Record<Role, string>;
  /** The operator token of tenant 'rival'. */
  rivalToken: string;
  tokenIds: Record<Role, string>;
  /** A token of 'default' no test authenticates with, for the revoke route to revoke. */
  spareTokenId: string;
  campaignId: string;
  /** A task awaiting review, and its review. */
  reviewedTaskId: string;
  reviewId: string;
  /** A queued-or-done task of the campaign (for the worker contracts). */
  taskId: string;
}

/** A CLI-like actor: operator of `tenantId`. */
export function localOperator(tenantId: string): Actor {
  return { kind: 'cli', id: 'test', tenantId, role: 'operator', agentId: null };
}

/** A SOUL.md for `id`: the shipped example of Ava, renamed. */
async function soul(id: string): Promise<string> {
  const text = await readFile(
    new URL('../../examples/personas/ava/SOUL.md', import.meta.url),
    'utf8',
  );
  return text.replace(/^id: ava$/m, `id: ${id}`);
}

/** Builds the two tenants on `app` (which already has agent ava in 'default'). */
export async function buildApiFixture(app: ChimeraApp): Promise<ApiFixture> {
  const services = app.operator;
  const local = localOperator('default');
  await services.agents.createFromSoul(local, await soul('ava'));
  const tokens = {} as Record<Role, string>;
  const tokenIds = {} as Record<Role, string>;
  for (const role of ['viewer', 'reviewer', 'operator'] as const) {
    const created = await services.tokens.create(local, {
      role,
      ...(role === 'operator' && { agentId: 'ava' }),
    });
    tokens[role] = created.secret;
    tokenIds[role] = created.token.id;
  }
  const spareTokenId = (await services.tokens.create(local, { role: 'viewer', name: 'spare' }))
    .token.id;
  const rival = await app.localActor({ user: 'test', tenantId: 'rival' });
  await services.agents.createFromSoul(rival, await soul('rex'));
  const rivalToken = (await services.tokens.create(rival, { role: 'operator', agentId: 'rex' }))
    .secret;

  const { campaign } = await services.campaigns.create(
    local,
    campaignOf([...singleStep('core.noop', { confidence: 0.8 }, { max_attempts: 1 })]),
  );
  await app.runtime.runUntilQuiescent();
  const [review] = await services.reviews.list(local, { status: 'pending', limit: 10 });
  if (!review) throw new Error('the fixture expected a pending review');
  const queued = await services.campaigns.create(
    local,
    campaignOf(singleStep('core.noop', { confidence: 0.95 })),
  );
  const [task] = await services.tasks.list(local, {
    campaignId: queued.campaign.id,
    limit: 10,
  });
  return {
    http: await buildHttpServer(app),
    tokens,
    tokenIds,
    spareTokenId,
    rivalToken,
    campaignId: campaign.id,
    reviewedTaskId: review.task.id,
    reviewId: review.review.id,
    taskId: task?.id ?? '',
  };
}
