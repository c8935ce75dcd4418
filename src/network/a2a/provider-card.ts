// How a hiring node learns whom it is about to pay: it fetches the provider's Agent Card with
// @a2a-js/sdk's resolver and the provider's JWKS, and believes the card only if its signature
// verifies under a key whose thumbprint is the signer's node id (and that is the key the node is
// registered with, if it is). The node id and key then check the provider's quotes and receipts.

import type { AgentCard } from '@a2a-js/sdk';
import { DefaultAgentCardResolver } from '@a2a-js/sdk/client';
import { calculateJwkThumbprint, type JSONWebKeySet, type JWK } from 'jose';
import { ChimeraError } from '../../domain/errors.js';
import { JWKS_ROUTE } from '../card/agent-card-routes.js';
import { verifyNodeAgentCard } from '../card/agent-card-signature.js';

/** How long reading a provider's card or keys may take. */
const CARD_TIMEOUT_MS = 10_000;

/** A provider, as its verified card says. */
export interface VerifiedProvider {
  card: AgentCard;
  nodeId: string;
  publicJwk: JWK;
}

/**
 * The verified card of the node at `baseUrl`. Throws NETWORK_PROVIDER_UNTRUSTED when it does not
 * verify. `registeredKey` is the key the registry holds for a node id, if any.
 */
export async function readProviderCard(
  baseUrl: string,
  registeredKey: (nodeId: string) => Promise<Record<string, unknown> | undefined>,
): Promise<VerifiedProvider> {
  let card: AgentCard;
  let jwks: JSONWebKeySet;
  // A provider that does not answer is given up on, not waited for.
  const fetchImpl: typeof fetch = (input, init) =>
    fetch(input, { ...init, signal: AbortSignal.timeout(CARD_TIMEOUT_MS) });
  try {
    card = await new DefaultAgentCardResolver({ fetchImpl }).resolve(baseUrl);
    jwks = (await (await fetchImpl(new URL(JWKS_ROUTE, baseUrl))).json()) as JSONWebKeySet;
  } catch (error) {
    throw new ChimeraError(
      'NETWORK_UNREACHABLE',
      `provider_url: no Agent Card and keys could be read at ${baseUrl}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error, retryable: true, context: { field: 'provider_url' } },
    );
  }
  let signer: { nodeId: string; publicJwk: JWK } | undefined;
  const trusted = await verifyNodeAgentCard(card, async (kid) => {
    const key = jwks.keys.find((candidate) => candidate.kid === kid);
    if (!key || (await calculateJwkThumbprint(key, 'sha256')) !== kid) {
      throw new Error(`no key of thumbprint ${kid} in the JWKS`);
    }
    const registered = await registeredKey(kid);
    if (registered && (await calculateJwkThumbprint(registered as JWK, 'sha256')) !== kid) {
      throw new Error(`node ${kid} is registered with another key`);
    }
    signer = { nodeId: kid, publicJwk: key };
    return key;
  });
  if (!trusted || !signer) {
    throw new ChimeraError(
      'NETWORK_PROVIDER_UNTRUSTED',
      `provider_url: the Agent Card at ${baseUrl} does not verify under its node's key; not hiring it`,
      { context: { field: 'provider_url' } },
    );
  }
  return { card, ...signer };
}
