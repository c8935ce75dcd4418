// Content-loop figures for `npm run bench`: end-to-end time from a Scout's start to its post
// being performed (offline providers, no human in the loop) over 100 posts one at a time and 100
// at once on embedded PGlite,
// and the overhead of one MCP tool call through the hub over the in-memory and stdio transports.

import { fileURLToPath } from 'node:url';
import { openChimera } from '../src/app/chimera-app.js';
import { loadConfig } from '../src/config/config.js';
import { bundledServer } from '../src/mcp/bundled-servers.js';
import { McpHub, type McpServerTarget } from '../src/mcp/mcp-hub.js';
import { MemoryRateLimiter } from '../src/mcp/rate-limiter.js';
import { createLogger } from '../src/observability/logger.js';
import { toAgent } from '../src/personas/persona.js';
import { loadPersonaDirectory } from '../src/personas/soul-file.js';
import { contentLoop } from '../tests/support/content-loop.js';
import { createTestDatabase } from '../tests/support/test-databases.js';
import { percentile } from './bench-measures.js';

const POSTS = Number(process.env.BENCH_POSTS ?? 100);
const CALLS = Number(process.env.BENCH_MCP_CALLS ?? 300);
const BIN = fileURLToPath(new URL('../bin/chimera.js', import.meta.url));
const out = (line = '') => process.stdout.write(`${line}\n`);

async function endToEnd(): Promise<void> {
  const database = await createTestDatabase('pglite');
  const config = loadConfig(
    {},
    { dataDir: database.dataDir, logLevel: 'silent', pollIntervalMs: 50 },
  );
  const app = await openChimera(config, { logger: createLogger('silent'), createDataDir: true });
  try {
    const [ava] = await loadPersonaDirectory(new URL('../examples/personas/', import.meta.url));
    const agentIds: string[] = [];
    for (let index = 0; index < 2 * POSTS; index++) {
      const agent = toAgent(ava!);
      agent.id = `ava-${index}`;
      agent.name = `Ava ${index}`;
      await app.store.agents.upsert(agent);
      agentIds.push(agent.id);
    }
    const template = { steps: contentLoop({ format: 'image' }) };
    const goal = 'Tease the spring capsule drop';
    // POSTS posts one at a time: the latency of a single trend-to-post run, no queueing behind others.
    await app.runtime.start();
    const sequential: string[] = [];
    for (const agentId of agentIds.slice(0, POSTS)) {
      const campaign = await app.planner.launch({
        name: `one ${agentId}`,
        goal,
        agent_ids: [agentId],
        template,
      });
      sequential.push(campaign.id);
      while (!(await performed(campaign.id)))
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await app.runtime.stop();
    const one = await durationsOf(sequential);
    // POSTS more all at once: throughput, with each post queueing behind the others.
    const batch = await app.planner.launch({
      name: 'batch',
      goal,
      agent_ids: agentIds.slice(POSTS),
      template,
    });
    const startedAt = performance.now();
    await app.runtime.runUntilQuiescent();
    const wallMs = performance.now() - startedAt;
    const many = await durationsOf([batch.id]);
    const posts = await app.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sandbox_posts`,
    );
    out(
      `end to end, trend to published post (offline providers, no HITL, PGlite, concurrency ${config.concurrency}); ${posts.rows[0]?.n} posts:`,
    );
    out(
      `  one at a time: ${one.length} posts, p50 ${percentile(one, 0.5).toFixed(0)} ms, p95 ${percentile(one, 0.95).toFixed(0)} ms (goal < 1000 ms p95)`,
    );
    out(
      `  all at once:   ${many.length} posts in ${(wallMs / 1000).toFixed(1)} s (${(many.length / (wallMs / 1000)).toFixed(1)} posts/s); each waits its turn: p95 ${percentile(many, 0.95).toFixed(0)} ms`,
    );

    async function performed(campaignId: string): Promise<boolean> {
      const rows = await app.database.pool.query(
        `SELECT 1 FROM trace_events WHERE campaign_id = $1 AND kind = 'effect-perform' LIMIT 1`,
        [campaignId],
      );
      return (rows.rowCount ?? 0) > 0;
    }

    async function durationsOf(campaignIds: string[]): Promise<number[]> {
      const rows = await app.database.pool.query<{ ms: number }>(
        `SELECT extract(epoch FROM (done.at - start.at)) * 1000 AS ms
         FROM trace_events start
         JOIN tasks scout ON scout.id = start.task_id AND scout.step_key = 'scout'
         JOIN tasks post ON post.campaign_id = scout.campaign_id AND post.agent_id = scout.agent_id
                        AND post.step_key = 'post'
         JOIN trace_events done ON done.task_id = post.id AND done.kind = 'effect-perform'
         WHERE start.kind = 'task-start' AND scout.campaign_id = ANY($1::uuid[])`,
        [campaignIds],
      );
      return rows.rows.map((row) => Number(row.ms));
    }
  } finally {
    await app.close();
    await database.dispose();
  }
}

async function toolCallOverhead(label: string, target: McpServerTarget): Promise<void> {
  const hub = new McpHub({
    servers: { media: target },
    allowLists: { byAgent: {}, default: ['*'] },
    rateLimiter: new MemoryRateLimiter(),
    rateLimit: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
    trace: async () => undefined,
  });
  const call = () =>
    hub.callTool({
      agentId: 'bench',
      specId: 'FR-MCP-001',
      server: 'media',
      tool: 'get_capabilities',
      arguments: {},
    });
  try {
    for (let index = 0; index < 20; index++) await call();
    const samples: number[] = [];
    for (let index = 0; index < CALLS; index++) {
      const startedAt = performance.now();
      await call();
      samples.push(performance.now() - startedAt);
    }
    out(
      `  ${label.padEnd(10)} p50 ${percentile(samples, 0.5).toFixed(3)} ms, p95 ${percentile(samples, 0.95).toFixed(3)} ms per call (${CALLS} calls, hub checks and trace included)`,
    );
  } finally {
    await hub.close();
  }
}

await endToEnd();
out('MCP tool-call overhead (media.get_capabilities, a tool that does no work):');
await toolCallOverhead('in-memory', {
  kind: 'in-process',
  create: () => bundledServer('media').create({ dataDir: '/tmp' }),
});
await toolCallOverhead('stdio', {
  kind: 'stdio',
  command: process.execPath,
  args: [BIN, 'mcp', 'serve', 'media'],
});
