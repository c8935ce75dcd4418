// The node's discovery documents over HTTP: GET /.well-known/agent-card.json (the signed A2A
// Agent Card) and GET /.well-known/jwks.json (the key that signs it). Both are public, with no
// token: a stranger must be able to read them to discover and verify the node before it can talk
// to it. A fastify plugin; it builds and signs nothing itself (agent-card*.ts do).

import type { AgentCard } from '@a2a-js/sdk';
import type { FastifyInstance } from 'fastify';
import type { JSONWebKeySet } from 'jose';

/** Where the Agent Card is served (A2A's well-known path). */
export const AGENT_CARD_ROUTE = '/.well-known/agent-card.json';

/** Where the node's JWKS is served; the card's signature names it as its `jku`. */
export const JWKS_ROUTE = '/.well-known/jwks.json';

/** The documents the routes serve. Each is produced once, on its first request, then reused. */
export interface AgentCardRoutesOptions {
  /** The signed Agent Card (`signAgentCard`). */
  card: () => Promise<AgentCard>;
  /** The JWKS holding the card's signing key (`nodeJwks`). */
  jwks: () => Promise<JSONWebKeySet>;
}

/** Discovery documents change only when the node restarts: caches may keep them five minutes. */
const CACHE_CONTROL = 'public, max-age=300';

/** Registers the two discovery routes. Use with `fastify.register(agentCardRoutes, options)`. */
export async function agentCardRoutes(
  fastify: FastifyInstance,
  options: AgentCardRoutesOptions,
): Promise<void> {
  const card = reusedResult(options.card);
  const jwks = reusedResult(options.jwks);
  fastify.get(AGENT_CARD_ROUTE, async (_request, reply) =>
    reply.header('cache-control', CACHE_CONTROL).send(await card()),
  );
  fastify.get(JWKS_ROUTE, async (_request, reply) =>
    reply
      .type('application/jwk-set+json')
      .header('cache-control', CACHE_CONTROL)
      .send(await jwks()),
  );
}

/** `produce`, called once and its result reused; a failure is not kept, so the next call retries. */
function reusedResult<Value>(produce: () => Promise<Value>): () => Promise<Value> {
  let result: Promise<Value> | undefined;
  return () => {
    result ??= produce().catch((error: unknown) => {
      result = undefined;
      throw error;
    });
    return result;
  };
}
