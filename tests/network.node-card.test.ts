// FR-NET-001: a running Chimera serves its node's signed A2A agent card without a token:
// @a2a-js/sdk's own resolver reads it, the card verifies with the key the node's JWKS publishes,
// its interface is the node's URL, and it offers the skills without effects
// (CHIMERA_NETWORK_OFFER narrows them).
// The node key is created once in the data dir and kept.

import { DefaultAgentCardResolver } from '@a2a-js/sdk/client';
import type { JWK } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { startHttpServer } from '../src/api/http-server.js';
import { startNetworkPresence } from '../src/app/network-presence.js';
import { verifyNodeAgentCard } from '../src/network/card/agent-card-signature.js';
import { offeredSkills } from '../src/network/card/offered-skills.js';
import { createLogger } from '../src/observability/logger.js';
import { useTestApp } from './support/test-app.js';

describe('the node agent card', () => {
  const suite = useTestApp('pglite');

  it('is served signed, offers the skills without effects, and names the node', async () => {
    const server = await startHttpServer(suite.app, { host: '127.0.0.1', port: 0 });
    try {
      const card = await new DefaultAgentCardResolver().resolve(server.url);
      const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as {
        keys: Array<Record<string, unknown>>;
      };
      const identity = await suite.app.nodeIdentity();
      expect(jwks.keys).toEqual([identity.publicJwk]);
      const lookup = async (kid: string) => {
        const jwk = jwks.keys.find((key) => key.kid === kid);
        if (!jwk) throw new Error(`no key ${kid}`);
        return jwk as JWK;
      };
      expect(await verifyNodeAgentCard(card, lookup)).toBe(true);
      expect(card.supportedInterfaces?.[0]?.url).toBe(`${server.url}/a2a`);
      const offered = card.skills.map((skill) => skill.id);
      expect(offered).toContain('scout.analyze');
      expect(offered).not.toContain('publish');
      expect(offered).not.toContain('pay_agent');
      // A tampered copy is refused (the SDK logs each refused signature at debug level).
      vi.spyOn(console, 'debug').mockImplementation(() => undefined);
      const tampered = { ...card, name: 'Someone else' };
      expect(await verifyNodeAgentCard(tampered, lookup)).toBe(false);
      // The key is kept in the data dir: the identity does not change.
      expect((await suite.app.nodeIdentity()).nodeId).toBe(identity.nodeId);
    } finally {
      vi.restoreAllMocks();
      await server.close();
    }
  });

  it('beats into the deployment registry, offering its skills at its URL (FR-NET-002)', async () => {
    const stop = await startNetworkPresence(
      suite.app,
      'http://127.0.0.1:7499',
      createLogger('silent'),
    );
    try {
      const identity = await suite.app.nodeIdentity();
      const [peer] = await suite.app.store.network.listLive(new Date(), {
        capability: 'scout.analyze',
      });
      expect(peer).toMatchObject({
        node_id: identity.nodeId,
        endpoint: 'http://127.0.0.1:7499',
        status: 'ready',
        capabilities: suite.app.offeredSkills.map((skill) => skill.name).sort(),
      });
    } finally {
      await stop();
    }
  });

  it('offers exactly the skills CHIMERA_NETWORK_OFFER names, and refuses an unknown one', () => {
    expect(
      offeredSkills(suite.app.skills, 'director.create_brief, scout.analyze').map(
        (skill) => skill.name,
      ),
    ).toEqual(
      suite.app.skills
        .list()
        .map((skill) => skill.name)
        .filter((name) => name === 'scout.analyze' || name === 'director.create_brief'),
    );
    expect(() => offeredSkills(suite.app.skills, 'scout.analyze,telepathy')).toThrow(
      /CHIMERA_NETWORK_OFFER names no skill 'telepathy'/,
    );
  });
});
