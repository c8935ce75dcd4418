// FR-NET-001: a node's signed Agent Card as an outside A2A client sees it: @a2a-js/sdk's own
// resolver fetches it from a listening node, the SDK's verifier accepts it with the key from the
// node's JWKS, and every tampered copy of it is refused.

import { generateKeyPairSync } from 'node:crypto';
import { type AgentCard, verifyAgentCardSignature } from '@a2a-js/sdk';
import { DefaultAgentCardResolver } from '@a2a-js/sdk/client';
import Fastify, { type FastifyInstance } from 'fastify';
import type { JSONWebKeySet } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  A2A_ENDPOINT_PATH,
  buildAgentCard,
  offeredSkillSchemas,
  SKILL_SCHEMAS_EXTENSION_URI,
} from '../src/network/card/agent-card.js';
import {
  AGENT_CARD_ROUTE,
  agentCardRoutes,
  JWKS_ROUTE,
} from '../src/network/card/agent-card-routes.js';
import {
  type AgentCardKeyLookup,
  nodeJwks,
  signAgentCard,
  verifyNodeAgentCard,
} from '../src/network/card/agent-card-signature.js';
import { identityOf, type NodeIdentity } from '../src/network/identity/node-identity.js';
import { BUILT_IN_SKILLS } from '../src/skills/built-in-skills.js';
import { skillJsonSchemas } from '../src/skills/skill-contracts.js';

/** The node offers every built-in skill but payments: which skills are offered is the caller's choice. */
const OFFERED = BUILT_IN_SKILLS.filter((skill) => skill.name !== 'pay_agent');

const newIdentity = () => identityOf(generateKeyPairSync('ed25519').privateKey);

let server: FastifyInstance | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

/** A node listening on a free loopback port, serving its signed card and its JWKS. */
async function startNode(identity: NodeIdentity): Promise<{ baseUrl: string }> {
  let baseUrl = '';
  server = Fastify({ logger: false });
  await server.register(agentCardRoutes, {
    card: () =>
      signAgentCard(
        buildAgentCard({ identity, baseUrl, skills: OFFERED, version: '0.1.0' }),
        identity,
        `${baseUrl}${JWKS_ROUTE}`,
      ),
    jwks: async () => nodeJwks(identity),
  });
  baseUrl = await server.listen({ host: '127.0.0.1', port: 0 });
  return { baseUrl };
}

/** What a stranger does: fetch the card with the SDK's resolver and the keys from the node's JWKS. */
async function discover(baseUrl: string): Promise<{ card: AgentCard; keyOf: AgentCardKeyLookup }> {
  const card = await new DefaultAgentCardResolver().resolve(baseUrl);
  const jwks = (await (await fetch(`${baseUrl}${JWKS_ROUTE}`)).json()) as JSONWebKeySet;
  const keyOf: AgentCardKeyLookup = async (kid) => {
    const key = jwks.keys.find((candidate) => candidate.kid === kid);
    if (!key) throw new Error(`no key '${kid}' in ${baseUrl}${JWKS_ROUTE}`);
    return key;
  };
  return { card, keyOf };
}

const copy = (card: AgentCard): AgentCard => structuredClone(card);

describe('a node Agent Card, fetched and verified by @a2a-js/sdk', () => {
  it('is served publicly, signed over JCS, and lists the offered skills with their schemas', async () => {
    const identity = await newIdentity();
    const { baseUrl } = await startNode(identity);
    const { card, keyOf } = await discover(baseUrl);

    await expect(verifyAgentCardSignature(keyOf)(card)).resolves.toBeUndefined();
    expect(await verifyNodeAgentCard(card, keyOf)).toBe(true);

    const [signature] = card.signatures;
    const header = JSON.parse(Buffer.from(signature?.protected ?? '', 'base64url').toString());
    expect(header).toEqual({
      alg: 'EdDSA',
      kid: identity.nodeId,
      typ: 'JOSE',
      jku: `${baseUrl}${JWKS_ROUTE}`,
    });
    expect(card.supportedInterfaces).toEqual([
      { url: `${baseUrl}${A2A_ENDPOINT_PATH}`, protocolBinding: 'JSONRPC', protocolVersion: '1.0' },
    ]);
    expect(card.capabilities?.streaming).toBe(false);
    expect(card.defaultInputModes).toEqual(['application/json']);
    expect(card.skills.map((skill) => skill.id)).toEqual(OFFERED.map((skill) => skill.name));
    expect(card.skills.map((skill) => skill.id)).not.toContain('pay_agent');
    for (const skill of OFFERED) {
      const listed = card.skills.find((candidate) => candidate.id === skill.name);
      expect(listed?.description).toBe(skill.description);
      expect(listed?.tags).toContain(skill.specId);
      expect(listed?.examples.map((example) => JSON.parse(example))).toEqual(
        (skill.examples ?? []).map((example) => example.input),
      );
    }
    const schemas = offeredSkillSchemas(card);
    // The card is served in canonical form, so its keys come sorted.
    expect([...schemas.keys()].sort()).toEqual(OFFERED.map((skill) => skill.name).sort());
    for (const skill of OFFERED) expect(schemas.get(skill.name)).toEqual(skillJsonSchemas(skill));

    for (const route of [AGENT_CARD_ROUTE, JWKS_ROUTE]) {
      const response = await fetch(`${baseUrl}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    }
  });

  it('refuses every tampered copy of the card', async () => {
    const identity = await newIdentity();
    const { baseUrl } = await startNode(identity);
    const { card, keyOf } = await discover(baseUrl);
    const impostor = await newIdentity();
    const forged = await signAgentCard(
      copy(card),
      { ...impostor, nodeId: identity.nodeId },
      `${baseUrl}${JWKS_ROUTE}`,
    );

    const tampered: Record<string, (card: AgentCard) => void> = {
      'a changed skill description': (card) => {
        card.skills[0] = { ...card.skills[0], description: 'Sends all funds elsewhere.' } as never;
      },
      'an added skill': (card) => {
        card.skills.push({
          id: 'evil.exfiltrate',
          name: 'evil.exfiltrate',
          description: 'x',
        } as never);
      },
      'a changed interface URL': (card) => {
        card.supportedInterfaces[0] = {
          ...card.supportedInterfaces[0],
          url: 'https://evil.example/a2a',
        } as never;
      },
      'a signature by another key under the same kid': (card) => {
        card.signatures = forged.signatures.slice(-1);
      },
      'no signature': (card) => {
        card.signatures = [];
      },
      'no signatures field': (card) => {
        delete (card as Partial<AgentCard>).signatures;
      },
      'a garbled signature': (card) => {
        const [signature] = card.signatures;
        // The first character: the last one of an Ed25519 signature partly encodes padding bits.
        const garbled = `${signature?.signature.startsWith('A') ? 'B' : 'A'}${signature?.signature.slice(1)}`;
        card.signatures = [{ ...signature, signature: garbled } as never];
      },
      'a garbled protected header': (card) => {
        const [signature] = card.signatures;
        card.signatures = [{ ...signature, protected: `x${signature?.protected}` } as never];
      },
      "a changed skill's input schema": (card) => {
        const params = schemasParams(card);
        const entry = params[OFFERED[0]?.name ?? ''] as { input: string };
        entry.input = JSON.stringify({ ...JSON.parse(entry.input), not: {} });
      },
      // The SDK's canonicalization drops the next three, so its verifier alone accepts them.
      'an added empty skill': (card) => {
        card.skills.push({} as never);
      },
      'an empty value added to the schemas extension': (card) => {
        schemasParams(card)['evil.exfiltrate'] = { input: '', output: '' };
      },
      'a field outside the A2A v1.0 schema': (card) => {
        Object.assign(card, { skillsInputSchema: { 'core.outline': { not: {} } } });
      },
    };

    // The SDK's verifier logs every failed signature with console.debug.
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const refused: string[] = [];
    const acceptedBySdk: string[] = [];
    for (const [name, tamper] of Object.entries(tampered)) {
      const changed = copy(card);
      tamper(changed);
      if (!(await verifyNodeAgentCard(changed, keyOf))) refused.push(name);
      const sdkVerdict = await verifyAgentCardSignature(keyOf)(changed).then(
        () => true,
        () => false,
      );
      if (sdkVerdict) acceptedBySdk.push(name);
    }
    expect(refused).toEqual(Object.keys(tampered));
    expect(acceptedBySdk).toEqual([
      'an added empty skill',
      'an empty value added to the schemas extension',
      'a field outside the A2A v1.0 schema',
    ]);
    // The untouched card still verifies: the refusals are about the tampering.
    expect(await verifyNodeAgentCard(copy(card), keyOf)).toBe(true);
  });
});

function schemasParams(card: AgentCard): Record<string, unknown> {
  const extension = card.capabilities?.extensions.find(
    (candidate) => candidate.uri === SKILL_SCHEMAS_EXTENSION_URI,
  );
  return (extension?.params as { skills: Record<string, unknown> }).skills;
}
