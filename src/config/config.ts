// Chimera's configuration: environment variables, overridable by CLI flags, checked by zod.
// Bad values fail at start-up with the variable's name and what to write instead.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../domain/errors.js';
import { SYNC_SLA_MS } from '../domain/network/handshake.js';

/** A decimal number, from a number or a string such as "0.9" or "500"; blanks and hex refused. */
const decimal = (schema: z.ZodNumber) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? /^\s*-?\d+(\.\d+)?\s*$/.test(value)
          ? Number(value)
          : Number.NaN
        : value,
    schema,
  );

/** The setting holding each hosted provider's API key, which it cannot run without. */
const HOSTED_MODEL_KEYS: Record<string, 'openaiApiKey' | 'anthropicApiKey'> = {
  openai: 'openaiApiKey',
  anthropic: 'anthropicApiKey',
};

const Config = z
  .object({
    /** PostgreSQL server URL; unset means the embedded PGlite in dataDir. */
    databaseUrl: z.string().min(1).optional(),
    /** Redis URL for rate limits and fan-out (used from the content milestone on). */
    redisUrl: z.string().min(1).optional(),
    /** Folder of the embedded database and local files. */
    dataDir: z.string().min(1).default('./.chimera'),
    /** Jobs a process runs at once. */
    concurrency: decimal(z.number().int().min(1).max(256)).default(8),
    /** Visibility timeout of a claimed task, in ms. */
    leaseMs: decimal(z.number().int().min(100)).default(60_000),
    /** Queue poll fallback, in ms (LISTEN/NOTIFY wakes workers sooner). */
    pollIntervalMs: decimal(z.number().int().min(10)).default(1_000),
    /** First retry delay before jitter, in ms. */
    backoffBaseMs: decimal(z.number().int().min(1)).default(500),
    /** Longest retry delay, in ms. */
    backoffMaxMs: decimal(z.number().int().min(1)).default(60_000),
    /** Judge: approve at or above this confidence. */
    approveAt: decimal(z.number().min(0).max(1)).default(0.9),
    /** Judge: escalate at or above this confidence (below approveAt). */
    escalateAt: decimal(z.number().min(0).max(1)).default(0.7),
    /** When a published post's engagement is read, after publication: '1h,6h,24h,72h'. */
    engagementReads: z
      .string()
      .regex(
        /^\s*[1-9]\d{0,5}[smhd](\s*,\s*[1-9]\d{0,5}[smhd])*\s*$/,
        "list delays after publication such as '1h,6h,24h,72h' (units s, m, h, d)",
      )
      .default('1h,6h,24h,72h'),
    /** A post's trend has decayed below this rising velocity: the Planner re-plans (FR-PLAN-008). */
    trendMinVelocity: decimal(z.number().min(0)).default(0.5),
    /** A post's trend last seen longer ago than this, in ms, is stale: the Planner re-plans. */
    trendMaxAgeMs: decimal(z.number().int().min(1)).default(86_400_000),
    /** Re-plans for a stale trend per content item, before it is published as it is. */
    trendMaxReplans: decimal(z.number().int().min(0)).default(2),
    /** Trace events older than this many days are pruned. */
    traceRetentionDays: decimal(z.number().int().min(1)).default(90),
    /** Text model: 'offline', or '<provider>:<model>' with provider openai, anthropic or openai-compatible. */
    model: z.string().min(1).default('offline'),
    /** Base URL of an OpenAI-compatible endpoint (Ollama, vLLM), for model 'openai-compatible:…'. */
    modelBaseUrl: z.string().url().optional(),
    /** API key of model provider 'openai'. A secret: never log the config. */
    openaiApiKey: z.string().min(1).optional(),
    /** API key of model provider 'anthropic'. A secret. */
    anthropicApiKey: z.string().min(1).optional(),
    /** API key of an OpenAI-compatible endpoint, when it asks for one (Ollama does not). A secret. */
    modelApiKey: z.string().min(1).optional(),
    /**
     * Embedding model of semantic memory: 'offline' (the shipped sentence encoder), or
     * '<provider>:<model>' with provider openai or openai-compatible (CHIMERA_MODEL_BASE_URL).
     */
    embeddingModel: z.string().min(1).default('offline'),
    /** Length of the hosted embedding model's vectors, e.g. 1536 for text-embedding-3-small. */
    embeddingDimensions: decimal(z.number().int().min(1).max(16_000)).optional(),
    /** Engagement rate (0..1), at a post's reward read, from which the post is remembered. */
    memorableRate: decimal(z.number().min(0).max(1)).default(0.05),
    /** The CFO's Ed25519 private key (PEM); default `<data dir>/cfo-ed25519.pem`. */
    cfoKeyFile: z.string().min(1).optional(),
    /** Feed manifest (JSON) of the bundled trends server; default: the shipped snapshots. */
    feeds: z.string().min(1).optional(),
    /** Backend of the bundled wallet server: 'local' (the database; default) or 'agentkit' (Coinbase). */
    wallet: z.enum(['local', 'agentkit']).optional(),
    /** The wallet master seed (32 bytes) every agent's wallet key derives from; default `<data dir>/wallet-seed`. */
    walletSeedFile: z.string().min(1).optional(),
    /** CDP API key name, for wallet 'agentkit'. */
    cdpApiKeyName: z.string().min(1).optional(),
    /** CDP API key private key (PEM), for wallet 'agentkit'. A secret: never log the config. */
    cdpApiKeyPrivateKey: z.string().min(1).optional(),
    /** AgentKit network id, for wallet 'agentkit'; unset means base-sepolia. */
    cdpNetworkId: z.string().min(1).optional(),
    /** The node's Ed25519 key (PEM) in the agent network; default `<data dir>/node-ed25519.pem`. */
    nodeKeyFile: z.string().min(1).optional(),
    /** The URL other nodes reach this one at (its agent card names it); default the listening address. */
    publicUrl: z.string().url().optional(),
    /** Skills this node offers other agents, comma-separated; default every skill without an effect. */
    networkOffer: z
      .string()
      .regex(
        /^\s*[\w.-]+(\s*,\s*[\w.-]+)*\s*$/,
        'list skill names, e.g. scout.analyze,director.create_brief',
      )
      .optional(),
    /** The price, in whole US cents, this node quotes for one run of an offered skill. */
    networkPriceCents: decimal(z.number().int().min(0).max(1_000_000)).default(25),
    /** Hires this node runs at once; over 95 % of it, /a2a answers 429. */
    networkCapacity: decimal(z.number().int().min(1).max(1_000)).default(4),
    /**
     * The SLA, in milliseconds, this node's quotes promise for a run of an offered skill: a run
     * that takes longer is refunded, not paid.
     */
    networkSlaMs: decimal(z.number().int().min(100).max(600_000)).default(SYNC_SLA_MS),
    /**
     * hyperdht nodes ('host:port', comma-separated) through which `chimera start` joins the
     * agent network across organisations; unset, discovery stays within the deployment.
     */
    dhtBootstrap: z
      .string()
      .regex(
        /^\s*[^\s,:]+:\d+(\s*,\s*[^\s,:]+:\d+)*\s*$/,
        "list 'host:port' nodes, comma-separated",
      )
      .optional(),
    /** The network's name on the DHT: nodes find each other when they share it. */
    dhtNetwork: z.string().min(1).max(200).default('chimera-network/v1'),
    /** Interface the HTTP server (MCP endpoint, health) listens on. */
    httpHost: z.string().min(1).default('127.0.0.1'),
    /** Port of the HTTP server; 0 picks a free one. */
    httpPort: decimal(z.number().int().min(0).max(65_535)).default(7420),
    /** Requests per minute each API token (or browser session, or address) may send. */
    apiRateLimit: decimal(z.number().int().min(1)).default(1_200),
    /** MCP configuration file (external servers, tool allow-lists); default `./.mcp.json` if present. */
    mcpConfig: z.string().min(1).optional(),
    logLevel: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('warn'),
  })
  .refine((config) => config.escalateAt <= config.approveAt, {
    message: 'CHIMERA_JUDGE_ESCALATE_AT must not exceed CHIMERA_JUDGE_APPROVE_AT',
    path: ['escalateAt'],
  })
  .refine((config) => config.backoffBaseMs <= config.backoffMaxMs, {
    message: 'CHIMERA_BACKOFF_BASE_MS must not exceed CHIMERA_BACKOFF_MAX_MS',
    path: ['backoffBaseMs'],
  })
  .refine((config) => config.embeddingModel === 'offline' || config.embeddingDimensions, {
    message: 'a hosted CHIMERA_EMBEDDING_MODEL needs its vector length, e.g. 1536',
    path: ['embeddingDimensions'],
  })
  // A hosted model without its key would only show as failed tasks: stop start-up instead.
  .superRefine((config, context) => {
    for (const setting of ['model', 'embeddingModel'] as const) {
      const provider = config[setting].split(':')[0] ?? '';
      const keyField = HOSTED_MODEL_KEYS[provider];
      if (keyField && !config[keyField]) {
        const variable = ENVIRONMENT_VARIABLES[setting];
        context.addIssue({
          code: 'custom',
          path: [keyField],
          message: `${variable} '${config[setting]}' needs this API key; set it, or use ${variable}=offline`,
        });
      }
    }
  });

/** The MCP configuration file read when CHIMERA_MCP_CONFIG is unset and it exists. */
const DEFAULT_MCP_CONFIG = '.mcp.json';

export type ChimeraConfig = z.infer<typeof Config>;

/** Environment variable behind each setting, for messages and the README table. */
export const ENVIRONMENT_VARIABLES: Record<keyof ChimeraConfig, string> = {
  databaseUrl: 'DATABASE_URL',
  redisUrl: 'REDIS_URL',
  dataDir: 'CHIMERA_DATA_DIR',
  concurrency: 'CHIMERA_CONCURRENCY',
  leaseMs: 'CHIMERA_LEASE_MS',
  pollIntervalMs: 'CHIMERA_POLL_INTERVAL_MS',
  backoffBaseMs: 'CHIMERA_BACKOFF_BASE_MS',
  backoffMaxMs: 'CHIMERA_BACKOFF_MAX_MS',
  approveAt: 'CHIMERA_JUDGE_APPROVE_AT',
  escalateAt: 'CHIMERA_JUDGE_ESCALATE_AT',
  engagementReads: 'CHIMERA_ENGAGEMENT_READS',
  trendMinVelocity: 'CHIMERA_TREND_MIN_VELOCITY',
  trendMaxAgeMs: 'CHIMERA_TREND_MAX_AGE_MS',
  trendMaxReplans: 'CHIMERA_TREND_MAX_REPLANS',
  traceRetentionDays: 'CHIMERA_TRACE_RETENTION_DAYS',
  model: 'CHIMERA_MODEL',
  modelBaseUrl: 'CHIMERA_MODEL_BASE_URL',
  openaiApiKey: 'OPENAI_API_KEY',
  anthropicApiKey: 'ANTHROPIC_API_KEY',
  modelApiKey: 'CHIMERA_MODEL_API_KEY',
  embeddingModel: 'CHIMERA_EMBEDDING_MODEL',
  embeddingDimensions: 'CHIMERA_EMBEDDING_DIMENSIONS',
  memorableRate: 'CHIMERA_MEMORY_ENGAGEMENT_RATE',
  mcpConfig: 'CHIMERA_MCP_CONFIG',
  cfoKeyFile: 'CHIMERA_CFO_KEY_FILE',
  feeds: 'CHIMERA_FEEDS',
  wallet: 'CHIMERA_WALLET',
  walletSeedFile: 'CHIMERA_WALLET_SEED_FILE',
  cdpApiKeyName: 'CDP_API_KEY_NAME',
  cdpApiKeyPrivateKey: 'CDP_API_KEY_PRIVATE_KEY',
  cdpNetworkId: 'CDP_NETWORK_ID',
  nodeKeyFile: 'CHIMERA_NODE_KEY_FILE',
  publicUrl: 'CHIMERA_PUBLIC_URL',
  networkOffer: 'CHIMERA_NETWORK_OFFER',
  networkPriceCents: 'CHIMERA_NETWORK_PRICE_CENTS',
  networkCapacity: 'CHIMERA_NETWORK_CAPACITY',
  networkSlaMs: 'CHIMERA_NETWORK_SLA_MS',
  dhtBootstrap: 'CHIMERA_DHT_BOOTSTRAP',
  dhtNetwork: 'CHIMERA_DHT_NETWORK',
  httpHost: 'CHIMERA_HTTP_HOST',
  httpPort: 'CHIMERA_HTTP_PORT',
  apiRateLimit: 'CHIMERA_API_RATE_LIMIT',
  logLevel: 'LOG_LEVEL',
};

/** Reads the configuration from `environment`, then applies `overrides` (CLI flags). */
/** Where the bundled media server stores what it renders, and /media serves it from. */
export function mediaDirOf(dataDir: string): string {
  return resolve(dataDir, 'media');
}

export function loadConfig(
  environment: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<keyof ChimeraConfig, unknown>> = {},
): ChimeraConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, variable] of Object.entries(ENVIRONMENT_VARIABLES)) {
    const value = environment[variable];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) raw[key] = value;
  const parsed = Config.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path[0] as keyof ChimeraConfig;
      const name = ENVIRONMENT_VARIABLES[key] ?? String(key);
      const received = raw[key] === undefined ? '' : ` (got '${String(raw[key])}')`;
      return `${name}: ${issue.message}${received}`;
    });
    throw new ConfigError('CONFIG_INVALID', `invalid configuration: ${problems.join('; ')}`);
  }
  if (parsed.data.mcpConfig === undefined && existsSync(DEFAULT_MCP_CONFIG)) {
    return { ...parsed.data, mcpConfig: DEFAULT_MCP_CONFIG };
  }
  return parsed.data;
}
