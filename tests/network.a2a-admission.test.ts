// Issue 13 §3–4, the refusals of a node's /a2a endpoint, each tried: a forged signature, a
// tampered request, a replayed nonce, a stale or future timestamp, a request for another node,
// a tampered Agent Card (the hirer refuses to hire), a continuation without an accepted quote
// (402 with x402's PAYMENT-REQUIRED), the 101st request a minute from one address (429), a
// saturated node (429) and a sleeping one (503), both with Retry-After. Then an outside client,
// @a2a-js/sdk's own, fetches and verifies the card and completes a task.

import { generateKeyPairSync } from 'node:crypto';
import { Message, Task } from '@a2a-js/sdk';
import {
  ClientFactory,
  ClientFactoryOptions,
  DefaultAgentCardResolver,
  JsonRpcTransportFactory,
} from '@a2a-js/sdk/client';
import Fastify from 'fastify';
import type { JSONWebKeySet, JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningHttpServer, startHttpServer } from '../src/api/http-server.js';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { SIGNATURE_HEADER } from '../src/domain/network/signed-envelope.js';
import { wireState } from '../src/network/a2a/a2a-wire.js';
import { signRequest } from '../src/network/a2a/request-signature.js';
import { signingFetch } from '../src/network/a2a/signing-fetch.js';
import { verifyNodeAgentCard } from '../src/network/card/agent-card-signature.js';
import { identityOf, type NodeIdentity } from '../src/network/identity/node-identity.js';
import { runChimera } from './support/run-chimera.js';
import { addAgent, openTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

const SCOUT_REQUEST = {
  kind: 'chimera.hire.request',
  skill: 'scout.analyze',
  input: { niche: 'sustainable streetwear', goal: 'Tease the spring capsule drop' },
};

const newIdentity = () => identityOf(generateKeyPairSync('ed25519').privateKey);

/** A JSON-RPC SendMessage body carrying `data`, continuing `taskId` if given. */
function sendMessage(data: Record<string, unknown>, taskId?: string) {
  return {
    jsonrpc: '2.0',
    id: crypto.randomUUID(),
    method: 'SendMessage',
    params: {
      message: {
        messageId: crypto.randomUUID(),
        ...(taskId && { taskId }),
        role: 'ROLE_USER',
        parts: [{ data, mediaType: 'application/json' }],
      },
    },
  };
}

describe('the /a2a endpoint', () => {
  let database: TestDatabase;
  let app: ChimeraApp;
  let server: RunningHttpServer;
  let node: NodeIdentity;
  let hirer: NodeIdentity;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    app = await openTestApp(database);
    server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
    node = await app.nodeIdentity();
    hirer = await newIdentity();
  }, 120_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.close();
    await app?.close();
    await database?.dispose();
  });

  /** POSTs `body` to /a2a with `envelope` (as given, or none) in the signature header. */
  async function post(body: unknown, envelope?: unknown) {
    const response = await fetch(`${server.url}/a2a`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(envelope !== undefined && {
          [SIGNATURE_HEADER]: Buffer.from(JSON.stringify(envelope)).toString('base64url'),
        }),
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown> & {
        error?: { code: number; message: string; data?: Record<string, unknown> };
        result?: Record<string, unknown>;
      },
    };
  }

  /** `body` signed by `signer` for `audience` (this node) as of `at`. */
  const signed = (
    body: ReturnType<typeof sendMessage>,
    signer = hirer,
    at = new Date(),
    audience = node.nodeId,
  ) => signRequest(signer, { method: body.method, params: body.params }, audience, at);

  it('refuses forged, tampered, replayed, stale, future and misaddressed requests with 401', async () => {
    const body = sendMessage(SCOUT_REQUEST);
    const impostor = await newIdentity();
    const genuine = await signed(body);
    const cases: Record<string, unknown> = {
      unsigned: undefined,
      // Made with another key, but naming the hirer as its signer.
      'a forged signature': await signed(body, {
        ...impostor,
        nodeId: hirer.nodeId,
        publicJwk: hirer.publicJwk,
      }),
      // Another node's genuine signature on the hirer's envelope.
      'another node’s signature': {
        ...genuine,
        signature: (await signed(body, impostor)).signature,
      },
      // The impostor's own signature, carrying the hirer's key.
      'a key that is not the signer’s': {
        ...(await signed(body, impostor)),
        public_jwk: genuine.public_jwk,
      },
      'a stale timestamp (31 s old)': await signed(body, hirer, new Date(Date.now() - 31_000)),
      'a timestamp 31 s ahead': await signed(body, hirer, new Date(Date.now() + 31_000)),
      'a request for another node': await signed(body, hirer, new Date(), impostor.nodeId),
    };
    const reasons: Record<string, unknown> = {};
    for (const [name, envelope] of Object.entries(cases)) {
      const answer = await post(body, envelope);
      expect(answer.status, name).toBe(401);
      expect(answer.body.error?.code, name).toBe(-32041);
      reasons[name] = answer.body.error?.data?.reason;
    }
    expect(reasons).toEqual({
      unsigned: 'unsigned',
      'a forged signature': 'bad-signature',
      'another node’s signature': 'wrong-signer',
      'a key that is not the signer’s': 'node-id-mismatch',
      'a stale timestamp (31 s old)': 'stale',
      'a timestamp 31 s ahead': 'future',
      'a request for another node': 'wrong-audience',
    });

    // A request changed after it was signed.
    const tampered = structuredClone(body);
    tampered.params.message.parts[0] = {
      data: { ...SCOUT_REQUEST, skill: 'director.create_brief' },
      mediaType: 'application/json',
    };
    const changed = await post(tampered, await signed(body));
    expect([changed.status, changed.body.error?.data?.reason]).toEqual([401, 'bad-signature']);

    // The genuine request passes once; the same request again is a replay.
    const first = await post(body, genuine);
    expect(first.status).toBe(200);
    expect(first.body.result).toBeDefined();
    const again = await post(body, genuine);
    expect([again.status, again.body.error?.data?.reason]).toEqual([401, 'replayed']);
  });

  it('answers 402 with the quote to accept when a hire continues without accepting it', async () => {
    const opening = sendMessage(SCOUT_REQUEST);
    const opened = await post(opening, await signed(opening));
    const task = Task.fromJSON((opened.body.result as { task: unknown }).task);
    expect(wireState(task)).toBe('TASK_STATE_INPUT_REQUIRED');

    const wrongQuote = sendMessage(
      { kind: 'chimera.hire.accept', quote_id: crypto.randomUUID(), amount: '1', escrow_ref: 'x' },
      task.id,
    );
    const refused = await post(wrongQuote, await signed(wrongQuote));
    expect(refused.status).toBe(402);
    expect(refused.body.error?.code).toBe(-32040);
    const required = JSON.parse(
      Buffer.from(refused.headers.get('payment-required') ?? '', 'base64').toString('utf8'),
    );
    expect(required).toMatchObject({
      x402Version: 2,
      accepts: [
        {
          scheme: 'exact',
          network: 'chimera:ledger',
          amount: '25',
          asset: 'USD',
          payTo: node.nodeId,
        },
      ],
    });
    // Nothing ran: the provider's record still waits for the quote's acceptance.
    expect(await app.store.handshakes.get('provider', task.id)).toMatchObject({
      phase: 'negotiation',
    });
  });

  it('refuses to hire a node whose card was tampered with on the way', async () => {
    await addAgent(app, 'ava');
    const card = await new DefaultAgentCardResolver().resolve(server.url);
    const jwks = (await (
      await fetch(`${server.url}/.well-known/jwks.json`)
    ).json()) as JSONWebKeySet;
    const relay = Fastify();
    relay.get('/.well-known/agent-card.json', async () => ({ ...card, name: 'A node you trust' }));
    relay.get('/.well-known/jwks.json', async () => jwks);
    const relayUrl = await relay.listen({ host: '127.0.0.1', port: 0 });
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    try {
      const hire = (await app.market.hirer()).hire({
        tenantId: 'default',
        agentId: 'ava',
        providerUrl: relayUrl,
        skill: 'scout.analyze',
        input: SCOUT_REQUEST.input,
      });
      await expect(hire).rejects.toMatchObject({ code: 'NETWORK_PROVIDER_UNTRUSTED' });
      expect(await app.store.cfo.listLedger()).toEqual([]);
    } finally {
      await relay.close();
    }
  });

  it('lets an outside @a2a-js/sdk client verify the card and complete a task', async () => {
    const card = await new DefaultAgentCardResolver().resolve(server.url);
    const jwks = (await (
      await fetch(`${server.url}/.well-known/jwks.json`)
    ).json()) as JSONWebKeySet;
    const keyOf = async (kid: string) => jwks.keys.find((key) => key.kid === kid) as JWK;
    expect(await verifyNodeAgentCard(card, keyOf)).toBe(true);
    const client = await new ClientFactory(
      ClientFactoryOptions.createFrom(ClientFactoryOptions.default, {
        transports: [new JsonRpcTransportFactory({ fetchImpl: signingFetch(hirer, node.nodeId) })],
      }),
    ).createFromAgentCard(card);
    const send = (data: Record<string, unknown>, taskId?: string) =>
      client.sendMessage({
        tenant: '',
        message: Message.fromJSON(sendMessage(data, taskId).params.message),
        configuration: undefined,
        metadata: undefined,
      }) as Promise<Task>;

    const quoted = await send(SCOUT_REQUEST);
    expect(wireState(quoted)).toBe('TASK_STATE_INPUT_REQUIRED');
    const quoteData = quoted.artifacts[0]?.parts[0]?.content;
    const { quote } = (quoteData?.$case === 'data' ? quoteData.value : {}) as {
      quote: { quote_id: string; amount: string };
    };
    const done = await send(
      {
        kind: 'chimera.hire.accept',
        quote_id: quote.quote_id,
        amount: quote.amount,
        escrow_ref: 'outside-client',
      },
      quoted.id,
    );
    expect(wireState(done)).toBe('TASK_STATE_COMPLETED');
    expect(done.artifacts.map((artifact) => artifact.artifactId).sort()).toEqual([
      'quote',
      'receipt',
      'result',
    ]);
    const fetched = await client.getTask({ tenant: '', id: quoted.id, historyLength: 0 });
    expect(wireState(fetched)).toBe('TASK_STATE_COMPLETED');
  });

  it('answers 429 while saturated and 503 while asleep, with Retry-After', async () => {
    const body = sendMessage(SCOUT_REQUEST);
    app.market.provider.running = app.config.networkCapacity;
    try {
      const busy = await post(body, await signed(body));
      expect([busy.status, busy.headers.get('retry-after'), busy.body.error?.code]).toEqual([
        429,
        '5',
        -32029,
      ]);
    } finally {
      app.market.provider.running = 0;
    }
    const operator = await app.localActor({ user: 'maintainer' });
    expect(await app.operator.network.setSleeping(operator, true)).toEqual({
      node_id: node.nodeId,
      sleeping: true,
      changed: true,
    });
    try {
      const asleep = await post(body, await signed(body));
      expect([asleep.status, asleep.headers.get('retry-after'), asleep.body.error?.code]).toEqual([
        503,
        '300',
        -32030,
      ]);
    } finally {
      await app.operator.network.setSleeping(operator, false);
    }
    const awake = await post(body, await signed(body));
    expect(awake.status).toBe(200);
  });

  it('answers the 101st request a minute from one address with 429', async () => {
    // A fresh server, so that the requests of the tests above do not count.
    const fresh = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
    try {
      const statuses: number[] = [];
      for (let request = 1; request <= 101; request++) {
        const response = await fetch(`${fresh.url}/a2a`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(sendMessage(SCOUT_REQUEST)),
        });
        statuses.push(response.status);
        if (request === 101) {
          expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
          expect(((await response.json()) as { error: { code: number } }).error.code).toBe(-32029);
        }
      }
      expect(statuses.slice(0, 100).every((status) => status === 401)).toBe(true);
      expect(statuses[100]).toBe(429);
    } finally {
      await fresh.close();
    }
  });
});

describe('chimera network sleep / wake', () => {
  it('puts the node to sleep and wakes it, saying when nothing changed, audited', async () => {
    const database = await createTestDatabase('pglite');
    try {
      const app = await openTestApp(database);
      const nodeId = (await app.nodeIdentity()).nodeId;
      await app.close();
      const environment = { CHIMERA_DATA_DIR: database.dataDir };
      const lines: string[] = [];
      for (const command of ['sleep', 'sleep', 'wake']) {
        const result = await runChimera(['network', command], environment);
        expect(result.stderr).toBe('');
        lines.push(result.stdout.trim());
      }
      const prefix = nodeId.slice(0, 12);
      expect(lines).toEqual([
        `node ${prefix} is asleep`,
        `node ${prefix} is asleep (it already was)`,
        `node ${prefix} is awake`,
      ]);
      const reopened = await openTestApp(database);
      try {
        expect(await reopened.store.network.sleepingSince(nodeId)).toBeUndefined();
        const actions = await reopened.database.pool.query<{ action: string }>(
          "SELECT action FROM audit_logs WHERE subject_type = 'node' ORDER BY id",
        );
        expect(actions.rows.map((row) => row.action)).toEqual(['network.sleep', 'network.wake']);
      } finally {
        await reopened.close();
      }
    } finally {
      await database.dispose();
    }
  }, 120_000);
});
