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
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCli } from './support/cli-process.js';

const NODES = 5;
/** The failpoint each node starts with, by its place: C dies after settling, D while executing. */
const FAILPOINTS = [
  undefined,
  undefined,
  'hire-after-settle',
  'hire-provider-executing',
  undefined,
];
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

/** What `probe` finds (not undefined), retried until found or `limitMs` has passed. */
function until<T>(what: string, limitMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await probe().catch(() => undefined);
      if (value === undefined) throw new Error(`${what}: not within ${limitMs} ms`);
      return value;
    },
    { timeout: Math.max(0, limitMs), interval: 500 },
  );
}

describe('five nodes on loopback', () => {
  let testnet: Testnet;
  let bootstrap: string;
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
    bootstrap = testnet.bootstrap.map(({ host, port }) => `${host}:${port}`).join(',');
    const started = await Promise.all(
      FAILPOINTS.map(async (failpoint) =>
        startNode(await mkdtemp(join(tmpdir(), 'chimera-node-')), failpoint),
      ),
    );
    nodes.push(...started);
  }, 180_000);

  /** Starts `chimera start` on `dataDir`, with `failpoint` armed if given; once it listens. */
  async function startNode(dataDir: string, failpoint?: string): Promise<NodeProcess> {
    const process = startCli(['start', '--no-seed'], {
      CHIMERA_DATA_DIR: dataDir,
      CHIMERA_DHT_BOOTSTRAP: bootstrap,
      CHIMERA_CONCURRENCY: '1',
      // Runs are timed on the wall clock: a loaded test machine would breach the 2 s default and
      // see a hire refunded, so the nodes promise more.
      CHIMERA_NETWORK_SLA_MS: '5000',
      ...(failpoint && { CHIMERA_FAILPOINT: failpoint }),
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
    const card = (await (await fetch(`${url}/.well-known/agent-card.json`)).json()) as {
      signatures: Array<{ protected: string }>;
    };
    const header = JSON.parse(
      Buffer.from(card.signatures[0]?.protected ?? '', 'base64url').toString(),
    );
    return { dataDir, url, token, process, nodeId: header.kid };
  }

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

  /** Node `node`'s agent 'ava' hires scout.analyze from `provider`, over `node`'s API. */
  const hireScout = (node: NodeProcess, provider: NodeProcess) =>
    api(node, '/api/v1/network/hires', {
      method: 'POST',
      body: JSON.stringify({
        agent_id: 'ava',
        skill: 'scout.analyze',
        input: { niche: 'sustainable streetwear', goal: 'Tease the spring capsule drop' },
        provider_url: provider.url,
      }),
    });
  const budgetOf = async (node: NodeProcess) =>
    (
      (await api(node, '/api/v1/budgets?agent_id=ava')).body.budgets as Array<{
        spent: string;
        reserved: string;
      }>
    )[0];
  const settlementsOf = async (node: NodeProcess) =>
    ((await api(node, '/api/v1/ledger')).body.entries as Array<Record<string, unknown>>).filter(
      (entry) => entry.request_type === 'a2a_settlement',
    );

  it(
    'refunds, once, a hire whose provider was killed while executing it; the provider drops out within 90 s',
    async () => {
      const [a, , , d] = nodes as [NodeProcess, NodeProcess, NodeProcess, NodeProcess];
      const before = await budgetOf(a);
      // D's failpoint kills it as it starts running the skill.
      const hire = await hireScout(a, d);
      const killedAt = Date.now();
      expect(hire.status, JSON.stringify(hire.body)).toBe(424);
      expect(await d.process.exited).toBe(-1);
      // A's runtime finishes the open hire past twice its SLA: D cannot answer, so it refunds.
      await until('the escrow is refunded', 30_000, async () => {
        const budget = await budgetOf(a);
        return budget?.reserved === before?.reserved ? budget : undefined;
      });
      expect(await budgetOf(a)).toEqual(before);
      expect(await settlementsOf(a)).toHaveLength(1);

      const last = (await peersOf(a)).find((peer) => peer.node_id === d.nodeId);
      // Its last heartbeat was issued before the kill: it expires within 90 s of it.
      expect(Date.parse(last?.expires_at ?? '')).toBeLessThanOrEqual(killedAt + TTL_MS);
      await until('the killed node is gone', TTL_MS + 5_000 - (Date.now() - killedAt), async () =>
        (await peersOf(a)).some((peer) => peer.node_id === d.nodeId) ? undefined : true,
      );
      expect(Date.now() - killedAt).toBeLessThanOrEqual(TTL_MS + 5_000);
    },
    TTL_MS + 60_000,
  );

  it('pays once when the hirer was killed right after settling, and restarted', async () => {
    const [, b, c] = nodes as [NodeProcess, NodeProcess, NodeProcess];
    expect(
      (await api(c, '/api/v1/agents', { method: 'POST', body: JSON.stringify({ soul: SOUL }) }))
        .status,
    ).toBeLessThan(300);
    // C's failpoint kills it between settling its escrow and closing its record.
    await expect(hireScout(c, b)).rejects.toThrow();
    expect(await c.process.exited).toBe(-1);
    const restarted = await startNode(c.dataDir);
    nodes[2] = restarted;
    // Its runtime's sweep finds the record with the receipt and settles it: the escrow was
    // settled already, so nothing is paid again.
    const lock = JSON.parse(await readFile(join(c.dataDir, 'server.lock.json'), 'utf8')) as {
      port: number;
    };
    const client = new pg.Client({
      connectionString: `postgres://postgres@127.0.0.1:${lock.port}/postgres`,
    });
    await client.connect();
    try {
      await until('the hire is closed', 30_000, async () => {
        const row = await client.query<{ phase: string }>(
          "SELECT phase FROM network_handshakes WHERE role = 'hirer'",
        );
        return row.rows[0]?.phase === 'settled' ? true : undefined;
      });
    } finally {
      await client.end();
    }
    const settlements = await settlementsOf(restarted);
    expect(settlements).toMatchObject([{ amount: '25', currency: 'USD' }]);
    // Spent and reserved as on A, whose agent paid for one hire and had one refunded.
    expect(await budgetOf(restarted)).toEqual(await budgetOf(nodes[0] as NodeProcess));
    const onB = (await settlementsOf(b)).filter((entry) => entry.tx_id === settlements[0]?.tx_id);
    expect(onB).toHaveLength(1);
  }, 120_000);
});
