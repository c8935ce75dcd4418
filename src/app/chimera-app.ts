// The composition root: reads nothing itself, wires the configured adapters into a running
// Chimera. The CLI (and later the HTTP server) build exactly one of these.

import { hostname } from 'node:os';
import type { LanguageModel } from 'ai';
import { Cfo, expireReservations } from '../commerce/cfo.js';
import { cfoKeyPath, loadCfoKey } from '../commerce/cfo-key.js';
import { CostGovernor } from '../commerce/cost-governor.js';
import { BUNDLED_TOOL_PRICES, type ToolPrices } from '../commerce/tool-prices.js';
import { type ChimeraConfig, mediaDirOf } from '../config/config.js';
import type { Actor } from '../domain/actor.js';
import { ChimeraError } from '../domain/errors.js';
import { hubWalletBalances } from '../mcp/hub-wallet-balances.js';
import { loadMcpConfig, NO_MCP_CONFIG } from '../mcp/mcp-config-file.js';
import { McpHub } from '../mcp/mcp-hub.js';
import { MemoryRateLimiter, type RateLimiter } from '../mcp/rate-limiter.js';
import { RedisRateLimiter } from '../mcp/redis-rate-limiter.js';
import { hubTools } from '../mcp/skill-tools.js';
import { openEphemeralMemory } from '../memory/ephemeral/open-ephemeral-memory.js';
import { openEmbedder } from '../memory/semantic/open-embedder.js';
import { SemanticMemory } from '../memory/semantic/semantic-memory.js';
import { createLanguageModel } from '../models/language-model-factory.js';
import { OFFLINE_WRITERS } from '../models/offline/offline-writers.js';
import { isOfflineModel, SecondOpinions } from '../models/second-opinion.js';
import { offeredSkills } from '../network/card/offered-skills.js';
import {
  loadNodeIdentity,
  type NodeIdentity,
  nodeKeyPath,
} from '../network/identity/node-identity.js';
import type { Logger } from '../observability/logger.js';
import { GraphileJobQueue } from '../queue/graphile-job-queue.js';
import { type ChimeraServices, createServices } from '../services/chimera-services.js';
import { BUILT_IN_SKILLS } from '../skills/built-in-skills.js';
import type { AnySkill, SkillRun, SkillServices } from '../skills/skill.js';
import { SkillRegistry } from '../skills/skill-registry.js';
import { loadSpecCatalog } from '../specs/spec-catalog.js';
import { type Database, openDatabase } from '../store/database.js';
import { migrate } from '../store/migrator.js';
import { PostgresEventFeed } from '../store/postgres/event-feed.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import type { Store } from '../store/store.js';
import { AgentMemory } from '../swarm/agent-memory.js';
import { contentPolicies, ownRepeatsPolicy } from '../swarm/content-policies.js';
import { wakeHeldCampaigns } from '../swarm/dispatch.js';
import { EffectExecutor } from '../swarm/effects/effect-executor.js';
import { paymentPerformer } from '../swarm/effects/payment-performer.js';
import { publishPerformer } from '../swarm/effects/publish-performer.js';
import { replyPerformer } from '../swarm/effects/reply-performer.js';
import { EngagementReader, engagementReadsOf } from '../swarm/engagement-reader.js';
import { GoalPlanner } from '../swarm/goal-planner.js';
import { Judge, type JudgePolicy } from '../swarm/judge.js';
import { LeaseReaper } from '../swarm/lease-reaper.js';
import { Planner } from '../swarm/planner.js';
import { ReviewDesk } from '../swarm/review-desk.js';
import { SwarmRuntime } from '../swarm/runtime.js';
import { TaskWorker } from '../swarm/task-worker.js';
import { backendWallets } from './backend-wallets.js';
import { hubServers } from './hub-servers.js';
import { resolveLocalActor } from './local-actor.js';
import { type NetworkMarket, openNetworkMarket } from './network-market.js';
import { ensureOperatorToken } from './operator-token-file.js';
import { pruneTraces } from './trace-retention.js';

const SPECS_DIR = new URL('../../specs/', import.meta.url);

/** A wired Chimera. `close` stops the runtime and releases the database. */
export interface ChimeraApp {
  config: ChimeraConfig;
  logger: Logger;
  /** The application services the CLI, the HTTP API and the MCP server call. */
  operator: ChimeraServices;
  database: Database;
  store: Store;
  skills: SkillRegistry;
  planner: Planner;
  reviews: ReviewDesk;
  runtime: SwarmRuntime;
  /** The MCP hub every skill reaches the outside through. */
  hub: McpHub;
  /** Tools, model and memory lent to agents' skill runs; every cost is charged to the run's agent. */
  services: SkillServices;
  /** Agents' long-term and last-hour memory. */
  memory: AgentMemory;
  /** This node's identity in the agent network (its key is created on first use). */
  nodeIdentity(): Promise<NodeIdentity>;
  /** The skills this node offers other agents (CHIMERA_NETWORK_OFFER). */
  offeredSkills: AnySkill[];
  /** The node's trade with other nodes: the provider behind /a2a, and its agents' hirer. */
  market: NetworkMarket;
  /** The CFO, with its signing key loaded (created on first use by commands that write). */
  cfo(): Promise<Cfo>;
  /**
   * The local CLI's actor: `user` with the tenant, role and agent of `token` (CHIMERA_TOKEN) or
   * of the data dir's operator token when there is one; else an operator of `tenantId`
   * (default 'default'), created when new.
   */
  localActor(options: {
    user: string;
    tenantId?: string | undefined;
    token?: string | undefined;
  }): Promise<Actor>;
  /** Deletes trace and live-feed events older than `days`, across tenants (housekeeping), audited. */
  pruneTraces(days: number, actor: string): Promise<{ traceEvents: number; liveEvents: number }>;
  /** The data dir's operator token (created on first use): what `npm start`'s login link uses. */
  operatorToken(): Promise<{ id: string; secret: string }>;
  close(): Promise<void>;
}

/** How to open Chimera beyond the configuration. */
export interface OpenOptions {
  logger: Logger;
  /** Create the embedded data dir when missing (commands that run the system). */
  createDataDir: boolean;
  /** Skills beyond the built-in ones. */
  skills?: readonly AnySkill[];
  /** Judge policy hooks. */
  policies?: readonly JudgePolicy[];
  /** Prices of tools beyond the bundled servers' (or replacing them), by 'server.tool'. */
  toolPrices?: ToolPrices;
  /** The Planner's and services' clock (when schedules fall due). Tests move one by hand. */
  now?: () => Date;
  /** The text model, instead of the one CHIMERA_MODEL names (tests give the AI SDK's mock). */
  model?: LanguageModel;
}

/** Opens the database, brings its schema up to date, and wires the swarm. */
export async function openChimera(
  config: ChimeraConfig,
  options: OpenOptions,
): Promise<ChimeraApp> {
  const mcpConfig = config.mcpConfig ? await loadMcpConfig(config.mcpConfig) : NO_MCP_CONFIG;
  const mcpServers = hubServers(mcpConfig, config.mcpConfig ?? 'the defaults');
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    createDataDir: options.createDataDir,
    maxConnections: Math.max(10, config.concurrency + 4),
  });
  try {
    await migrate(database.pool);
    const store = PostgresStore.fromPool(database.pool, (db) => new GraphileJobQueue(db));
    const skills = new SkillRegistry([...BUILT_IN_SKILLS, ...(options.skills ?? [])]);
    const catalog = await loadSpecCatalog(SPECS_DIR);
    for (const skill of skills.list()) {
      if (!catalog.has(skill.specId)) {
        throw new ChimeraError(
          'SPEC_UNKNOWN_ID',
          `skill '${skill.name}' names spec id '${skill.specId}', which specs/ does not define`,
        );
      }
    }
    let cfo: Promise<Cfo> | undefined;
    const openCfo = () => {
      cfo ??= loadCfoKey(cfoKeyPath(config), options.createDataDir).then(
        (key) => new Cfo({ store, key }),
      );
      return cfo;
    };
    const backoff = { baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs };
    // One budget across every process when Redis is configured; per process otherwise.
    const rateLimiter: RateLimiter = config.redisUrl
      ? new RedisRateLimiter(config.redisUrl)
      : new MemoryRateLimiter();
    const hub = new McpHub({
      servers: mcpServers.targets({
        pool: database.pool,
        dataDir: config.dataDir,
        feedsManifest: config.feeds,
        walletConfig: config,
      }),
      allowLists: mcpServers.allowLists,
      rateLimiter,
      trace: (events) => store.traces.write(events),
    });
    const planner = new Planner({
      store,
      skills,
      specIds: catalog.ids,
      balances: hubWalletBalances(hub),
      trendDrift: {
        minVelocity: config.trendMinVelocity,
        maxAgeMs: config.trendMaxAgeMs,
        maxReplans: config.trendMaxReplans,
      },
      ...(options.now && { now: options.now }),
    });
    const model = options.model ?? createLanguageModel(config, OFFLINE_WRITERS);
    const ephemeral = openEphemeralMemory({
      ...(config.redisUrl && { redisUrl: config.redisUrl }),
      ...(options.now && { now: options.now }),
    });
    const memory = new AgentMemory({
      store,
      semantic: new SemanticMemory(store.memories, openEmbedder(config)),
      ephemeral,
      skills,
    });
    const governed = new CostGovernor({
      store,
      cfo: openCfo,
      toolPrices: { ...BUNDLED_TOOL_PRICES, ...options.toolPrices },
      modelName: config.model,
    }).govern({ toolsFor: hubTools(hub), model, memoryFor: (run) => memory.forRun(run) });
    // A hosted model gives the Judge a second opinion on sensitive topics, charged to the agent.
    const secondOpinion = isOfflineModel(model)
      ? undefined
      : { opinions: new SecondOpinions(), modelFor: (run: SkillRun) => governed.modelFor(run) };
    const judge = new Judge({
      thresholds: { approveAt: config.approveAt, escalateAt: config.escalateAt },
      policies: [
        ...contentPolicies(secondOpinion),
        ownRepeatsPolicy(store.content),
        ...(options.policies ?? []),
      ],
    });
    const worker = new TaskWorker({
      store,
      skills,
      judge,
      services: governed,
      workerId: `${hostname()}:${process.pid}`,
      leaseMs: config.leaseMs,
      backoff,
      onRenewalError: (error) =>
        options.logger.warn({ err: error }, 'lease renewal failed; retrying at the next tick'),
    });
    const engagement = new EngagementReader({
      store,
      services: governed,
      reads: engagementReadsOf(config.engagementReads),
      memorableRate: config.memorableRate,
      ...(options.now && { now: options.now }),
    });
    let nodeIdentity: Promise<NodeIdentity> | undefined;
    const openNodeIdentity = () => {
      nodeIdentity ??= loadNodeIdentity(nodeKeyPath(config), options.createDataDir).catch(
        (error: unknown) => {
          nodeIdentity = undefined;
          throw error;
        },
      );
      return nodeIdentity;
    };
    const offered = offeredSkills(skills, config.networkOffer);
    const market = openNetworkMarket({
      store,
      identity: openNodeIdentity,
      cfo: openCfo,
      judge,
      services: governed,
      offered,
      priceCents: config.networkPriceCents,
      capacity: config.networkCapacity,
      slaMs: config.networkSlaMs,
      ...(options.now && { now: options.now }),
    });
    const runtime = new SwarmRuntime({
      pool: database.pool,
      store,
      planner,
      worker,
      effects: new EffectExecutor({
        store,
        services: governed,
        performers: [publishPerformer, replyPerformer, paymentPerformer],
        ...(options.now && { now: options.now }),
      }),
      memory,
      reaper: new LeaseReaper({
        store,
        leaseMs: config.leaseMs,
        backoff,
        sweeps: [
          () => expireReservations(store),
          () => wakeHeldCampaigns(store),
          () => planner.startDueRuns(),
          () => engagement.readDue(),
          () => market.sweep(),
        ],
      }),
      logger: options.logger,
      concurrency: config.concurrency,
      pollIntervalMs: config.pollIntervalMs,
      reapIntervalMs: Math.max(250, Math.min(5_000, Math.floor(config.leaseMs / 2))),
    });
    const reviewDesk = new ReviewDesk({ store, skills, cfo: openCfo });
    const events = new PostgresEventFeed(database.pool, (error) =>
      options.logger.warn({ err: error }, 'event feed connection lost; listening again'),
    );
    const operator = createServices(
      {
        store,
        skills,
        planner,
        goalPlanner: new GoalPlanner({ model, skills, check: (raw) => planner.check(raw) }),
        memory,
        reviewDesk,
        judge,
        judgeThresholds: judge.thresholds,
        worker,
        cfo: openCfo,
        cfoPublicKey: () => loadCfoKey(cfoKeyPath(config), false),
        wallets: backendWallets(config, database.pool),
        events,
        mediaDir: mediaDirOf(config.dataDir),
        nodeId: async () => (await openNodeIdentity()).nodeId,
        hirer: () => market.hirer(),
        ...(options.now && { now: options.now }),
      },
      governed,
    );
    let operatorToken: Promise<{ id: string; secret: string }> | undefined;
    const openOperatorToken = () => {
      operatorToken ??= ensureOperatorToken(store, config.dataDir);
      return operatorToken;
    };
    return {
      config,
      logger: options.logger,
      operator,
      database,
      store,
      skills,
      planner,
      reviews: reviewDesk,
      runtime,
      hub,
      services: governed,
      memory,
      nodeIdentity: openNodeIdentity,
      offeredSkills: offered,
      market,
      cfo: openCfo,
      localActor: (actorOptions) =>
        resolveLocalActor(
          { store, tokens: operator.tokens, dataDir: config.dataDir },
          actorOptions,
        ),
      operatorToken: openOperatorToken,
      pruneTraces: (days, actor) => pruneTraces(store, days, actor),
      close: async () => {
        await runtime.stop();
        await events.close();
        await hub.close();
        await rateLimiter.close?.();
        await ephemeral.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
