import { generateKeyPairSync } from 'node:crypto';
import { canonicalizeAgentCard } from '@a2a-js/sdk';
import { describe, expect, it, vi } from 'vitest';
import { BUILT_IN_SKILLS } from '../../skills/built-in-skills.js';
import { identityOf } from '../identity/node-identity.js';
import { buildAgentCard } from './agent-card.js';
import { nodeJwks, signAgentCard, verifyNodeAgentCard } from './agent-card-signature.js';

const JWKS_URL = 'https://node.example/.well-known/jwks.json';

async function signedCard() {
  const identity = await identityOf(generateKeyPairSync('ed25519').privateKey);
  const card = buildAgentCard({
    identity,
    baseUrl: 'https://node.example',
    skills: BUILT_IN_SKILLS,
    version: '0.1.0',
  });
  return { identity, card, signed: await signAgentCard(card, identity, JWKS_URL) };
}

describe('agent card signature', () => {
  it('serves the card as exactly the content its signature covers', async () => {
    const { identity, signed } = await signedCard();
    const { signatures, ...content } = JSON.parse(JSON.stringify(signed));
    expect(JSON.parse(canonicalizeAgentCard(signed))).toEqual(content);
    expect(signatures).toHaveLength(1);
    expect(nodeJwks(identity)).toEqual({ keys: [identity.publicJwk] });
    expect(await verifyNodeAgentCard(signed, async () => identity.publicJwk)).toBe(true);
  });

  it('refuses to sign extension params that canonicalization would drop', async () => {
    const { identity, card } = await signedCard();
    card.capabilities?.extensions.push({
      uri: 'https://chimera.dev/a2a/extensions/example',
      description: 'a JSON Schema object with an empty default',
      required: false,
      params: { schema: { type: 'string', default: '' } },
    });
    await expect(signAgentCard(card, identity, JWKS_URL)).rejects.toThrow(
      /canonicalization drops empty values/,
    );
  });

  it('reports a key lookup that fails as a refusal, not an error', async () => {
    const { signed } = await signedCard();
    // The SDK's verifier logs every failed signature with console.debug.
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const unknownKey = async (kid: string) => {
      throw new Error(`no key '${kid}'`);
    };
    expect(await verifyNodeAgentCard(signed, unknownKey)).toBe(false);
    debug.mockRestore();
  });
});
