// Issue 13's acceptance on real processes: five `chimera start` nodes on loopback, each a process
// of its own with its own embedded database, joined through a hyperdht testnet (this process's).
// They discover each other within one heartbeat; an agent on node A hires node B's Scout through
// all four phases over the HTTP API; both ledgers verify and agree on the amount; a node killed
// with SIGKILL drops out of the others' lists within 90 s. It waits on the wall clock, as five
// processes must: each wait is bounded by the protocol's own times.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createTestnet, { type Testnet } from 'hyperdht/testnet.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from './support/cli-process.js';

const NODES = 5;
/** One heartbeat interval: every node must list the others within it. */
const HEARTBEAT_MS = 60_000;
const TTL_MS = 90_000;

interface NodeProcess {
  dataDir: string;
  url: string;
  token: string;
  nodeId: string;
  process: ReturnType<typeof startCli>;
}

const SOUL = `---
id: ava
name: Ava
niche: sustainable streetwear
voice_traits: [playful]
directives: [Disclose that posts are automated]
platforms: [instagram]
character_reference_id: ava-ref-v1
---
## Backstory
Ava scouts what is next in streetwear.
## Voice/Tone
Playful.
## Core Beliefs & Values
Buy less, wear longer.
## Directives
Disclose automation.
`;

async function until<T>(
  what: string,
  limitMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('five nodes on loopback', () => {
  let testnet: Testnet;
  const nodes: NodeProcess[] = [];
  /** Every process started, to stop even when start-up fails half way. */
  const processes: Array<{ process: ReturnType<typeof startCli>; dataDir: string }> = [];

  const api = async (node: NodeProcess, path: string, init: RequestInit = {}) => {
    const response = await fetch(`${node.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${node.token}`,
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
      },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const peersOf = async (node: NodeProcess) =>
    ((await api(node, '/api/v1/network/peers')).body.peers as Array<{
      node_id: string;
      expires_at: string;
      issued_at: string;
    }>) ?? [];

  beforeAll(async () => {
    testnet = await createTestnet(3);
    const bootstrap = testnet.bootstrap.map(({ host, port }) => `${host}:${port}`).join(',');
    const started = await Promise.all(
      Array.from({ length: NODES }, async () => {
        const dataDir = await mkdtemp(join(tmpdir(), 'chimera-node-'));
        const process = startCli(['start', '--no-seed'], {
          CHIMERA_DATA_DIR: dataDir,
          CHIMERA_DHT_BOOTSTRAP: bootstrap,
          CHIMERA_CONCURRENCY: '1',
        });
        processes.push({ process, dataDir });
        const url = await until('the node listens', 120_000, async () => {
          const match = /mcp endpoint \(Streamable HTTP\): (http:\/\/[^/\s]+)\/mcp/.exec(
            process.output(),
          );
          return match?.[1];
        });
        // Written as the node prints its login link, after it listens.
        const token = await until(
          'the operator token',
          30_000,
          async () => (await readFile(join(dataDir, 'operator-token'), 'utf8')).trim() || undefined,
        );
        return { dataDir, url, token, process, nodeId: '' };
      }),
    );
    for (const node of started) {
      const card = (await (await fetch(`${node.url}/.well-known/agent-card.json`)).json()) as {
        signatures: Array<{ protected: string }>;
      };
      const header = JSON.parse(
        Buffer.from(card.signatures[0]?.protected ?? '', 'base64url').toString(),
      );
      nodes.push({ ...node, nodeId: header.kid });
    }
  }, 180_000);

  afterAll(async () => {
    for (const { process, dataDir } of processes) {
      if (process.child.exitCode === null && process.child.signalCode === null) {
        process.child.kill('SIGTERM');
      }
      await process.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
    await testnet?.destroy();
  }, 60_000);

  it(
    'discover each other within one heartbeat',
    async () => {
      const all = nodes.map((node) => node.nodeId).sort();
      const since = Date.now();
      for (const node of nodes) {
        await until(
          `node ${node.nodeId} lists all five`,
          HEARTBEAT_MS - (Date.now() - since),
          async () => {
            const listed = (await peersOf(node)).map((peer) => peer.node_id).sort();
            return listed.length === NODES && JSON.stringify(listed) === JSON.stringify(all)
              ? listed
              : undefined;
          },
        );
      }
    },
    HEARTBEAT_MS + 10_000,
  );

  it("lets an agent on A hire B's Scout, and both ledgers verify and agree", async () => {
    const [a, b] = nodes as [NodeProcess, NodeProcess];
    const created = await api(a, '/api/v1/agents', {
      method: 'POST',
      body: JSON.stringify({ soul: SOUL }),
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    const hire = await api(a, '/api/v1/network/hires', {
      method: 'POST',
      body: JSON.stringify({
        agent_id: 'ava',
        skill: 'scout.analyze',
        input: { niche: 'sustainable streetwear', goal: 'Tease the spring capsule drop' },
        provider_url: b.url,
      }),
    });
    expect(hire.status, JSON.stringify(hire.body)).toBe(200);
    expect(hire.body).toMatchObject({
      status: 'settled',
      receipt: { payTo: b.nodeId, amount: '25' },
    });
    const transaction = (hire.body.receipt as { transaction: string }).transaction;

    // A's ledger, as its operators read it.
    const verified = await api(a, '/api/v1/ledger/verify', { method: 'POST' });
    expect(verified.body).toMatchObject({ ok: true });
    const ledger = (await api(a, '/api/v1/ledger')).body.entries as Array<Record<string, unknown>>;
    expect(ledger.filter((entry) => entry.tx_id === transaction)).toMatchObject([
      { request_type: 'a2a_settlement', amount: '25', currency: 'USD' },
    ]);
    // B's ledger records the same transaction and amount (its entry names the paying node), and
    // verifies.
    const bLedger = await api(b, '/api/v1/ledger');
    const bEntries = bLedger.body.entries as Array<Record<string, unknown>>;
    expect(bEntries.filter((entry) => entry.tx_id === transaction)).toMatchObject([
      {
        request_type: 'a2a_settlement',
        amount: '25',
        currency: 'USD',
        agent_id: `node:${a.nodeId}`,
      },
    ]);
    expect((await api(b, '/api/v1/ledger/verify', { method: 'POST' })).body).toMatchObject({
      ok: true,
    });
  }, 60_000);

  it(
    'drops a killed node from the others within 90 s',
    async () => {
      const killed = nodes.at(-1) as NodeProcess;
      const watcher = nodes[0] as NodeProcess;
      killed.process.child.kill('SIGKILL');
      const killedAt = Date.now();
      await killed.process.exited;
      const last = (await peersOf(watcher)).find((peer) => peer.node_id === killed.nodeId);
      // Its last heartbeat was issued before the kill: it expires within 90 s of it.
      expect(Date.parse(last?.expires_at ?? '')).toBeLessThanOrEqual(killedAt + TTL_MS);
      await until('the killed node is gone', TTL_MS + 5_000 - (Date.now() - killedAt), async () =>
        (await peersOf(watcher)).some((peer) => peer.node_id === killed.nodeId) ? undefined : true,
      );
      expect(Date.now() - killedAt).toBeLessThanOrEqual(TTL_MS + 5_000);
    },
    TTL_MS + 20_000,
  );
});
