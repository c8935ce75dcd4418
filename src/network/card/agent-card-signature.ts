// Signing and verifying a node's Agent Card the way A2A specifies (a JWS over the card's RFC 8785
// canonical JSON, through @a2a-js/sdk), plus the JWKS document that publishes the node's key.
// Verification also refuses any card content the signature does not cover. Fetching keys is the
// caller's business: it decides which keys it trusts for which node.

import { isDeepStrictEqual } from 'node:util';
import {
  AgentCard,
  canonicalizeAgentCard,
  generateAgentCardSignature,
  verifyAgentCardSignature,
} from '@a2a-js/sdk';
import type { JSONWebKeySet } from 'jose';
import type { NodeIdentity } from '../identity/node-identity.js';

/** Finds the public key a card's signature names by `kid` (and, untrusted, by its `jku`). */
export type AgentCardKeyLookup = Parameters<typeof verifyAgentCardSignature>[0];

/** The JWKS document of a node: its one public key, `kid` = node id. */
export function nodeJwks(identity: NodeIdentity): JSONWebKeySet {
  return { keys: [identity.publicJwk] };
}

/**
 * `card` signed by `identity`, in its canonical form: exactly the content the signature covers
 * (fields holding protobuf defaults, like an empty `tenant`, are left out), plus `signatures`.
 * The protected header is `{ alg: 'EdDSA', kid: <node id>, typ: 'JOSE', jku: jwksUrl }`.
 * Throws when canonicalization would drop something a reader sees (an empty value in an array
 * or inside an extension's params), since the signature would not cover it.
 */
export async function signAgentCard(
  card: AgentCard,
  identity: NodeIdentity,
  jwksUrl: string,
): Promise<AgentCard> {
  const covered = JSON.parse(canonicalizeAgentCard(card)) as AgentCard;
  if (!isDeepStrictEqual(covered, readableContent(card))) {
    throw new Error(
      'agent card: canonicalization drops empty values ("", [], {}, null) from arrays and from capabilities.extensions[].params, so the signature would not cover them; remove them or encode those values as non-empty text',
    );
  }
  const sign = generateAgentCardSignature(identity.privateKey, {
    alg: 'EdDSA',
    kid: identity.nodeId,
    typ: 'JOSE',
    jku: jwksUrl,
  });
  return sign({ ...covered, signatures: card.signatures ?? [] });
}

/**
 * True when `card` (as parsed from the wire, not re-encoded by `AgentCard.fromJSON`) carries a
 * valid signature by the key `retrieveKey` returns for its `kid`, and nothing the signature
 * does not cover; false otherwise, whatever the reason (no signature, an unknown key, a tampered
 * field, a field outside the A2A v1.0 schema, an empty value the canonical form drops).
 * Never throws. `retrieveKey` should throw for a key it does not trust: a `jku` names where the
 * signer says its key is, which proves nothing by itself.
 */
export async function verifyNodeAgentCard(
  card: AgentCard,
  retrieveKey: AgentCardKeyLookup,
): Promise<boolean> {
  try {
    const { signatures: _signatures, ...content } = card;
    // The SDK verifies the canonical form, which drops unknown fields and empty values: a card is
    // accepted only if it already is that form, so every value a reader sees is signed.
    if (!isDeepStrictEqual(JSON.parse(canonicalizeAgentCard(card)), content)) return false;
    await verifyAgentCardSignature(retrieveKey)(card);
    return true;
  } catch {
    return false;
  }
}

/** What a v1.0 reader of `card` sees, without signatures: protobuf defaults and unknown fields gone. */
function readableContent(card: AgentCard): unknown {
  const { signatures: _signatures, ...content } = JSON.parse(
    JSON.stringify(AgentCard.toJSON(AgentCard.fromJSON(card))),
  ) as Record<string, unknown>;
  return content;
}
