// FR-JUDGE-002 (thresholds are configurable; escalate above approve is refused at start) and
// FR-CLI-004 (bad configuration fails with a message naming what to fix).

import { describe, expect, it } from 'vitest';
import { ChimeraError, ConfigError } from '../domain/errors.js';
import { ENVIRONMENT_VARIABLES, loadConfig } from './config.js';

/** Runs loadConfig and returns the error it threw, or fails the test when it returned. */
function refusal(...args: Parameters<typeof loadConfig>): ChimeraError {
  try {
    loadConfig(...args);
  } catch (error) {
    if (error instanceof ChimeraError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to refuse the configuration');
}

describe('loadConfig', () => {
  it('uses the defaults when no variable is set', () => {
    expect(loadConfig({})).toEqual({
      dataDir: './.chimera',
      concurrency: 8,
      leaseMs: 60_000,
      pollIntervalMs: 1_000,
      backoffBaseMs: 500,
      backoffMaxMs: 60_000,
      approveAt: 0.9,
      escalateAt: 0.7,
      engagementReads: '1h,6h,24h,72h',
      trendMinVelocity: 0.5,
      trendMaxAgeMs: 86_400_000,
      trendMaxReplans: 2,
      traceRetentionDays: 90,
      model: 'offline',
      embeddingModel: 'offline',
      memorableRate: 0.05,
      networkPriceCents: 25,
      networkCapacity: 4,
      networkSlaMs: 2_000,
      dhtNetwork: 'chimera-network/v1',
      httpHost: '127.0.0.1',
      httpPort: 7420,
      apiRateLimit: 1_200,
      logLevel: 'warn',
    });
  });

  it('reads every setting from its environment variable, converting numbers', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://localhost:5432/chimera',
      REDIS_URL: 'redis://localhost:6379',
      CHIMERA_DATA_DIR: '/var/lib/chimera',
      CHIMERA_CONCURRENCY: '16',
      CHIMERA_LEASE_MS: '30000',
      CHIMERA_POLL_INTERVAL_MS: '250',
      CHIMERA_BACKOFF_BASE_MS: '1000',
      CHIMERA_BACKOFF_MAX_MS: '120000',
      CHIMERA_JUDGE_APPROVE_AT: '0.95',
      CHIMERA_JUDGE_ESCALATE_AT: '0.5',
      CHIMERA_ENGAGEMENT_READS: '30m,2h',
      CHIMERA_TREND_MIN_VELOCITY: '0.25',
      CHIMERA_TREND_MAX_AGE_MS: '3600000',
      CHIMERA_TREND_MAX_REPLANS: '0',
      CHIMERA_TRACE_RETENTION_DAYS: '30',
      CHIMERA_MODEL: 'openai-compatible:llama3.1',
      CHIMERA_MODEL_BASE_URL: 'http://127.0.0.1:11434/v1',
      CHIMERA_EMBEDDING_MODEL: 'openai-compatible:nomic-embed-text',
      CHIMERA_EMBEDDING_DIMENSIONS: '768',
      CHIMERA_MEMORY_ENGAGEMENT_RATE: '0.08',
      CHIMERA_CFO_KEY_FILE: '/etc/chimera/cfo.pem',
      CHIMERA_FEEDS: '/etc/chimera/feeds.json',
      CHIMERA_NODE_KEY_FILE: '/etc/chimera/node.pem',
      CHIMERA_PUBLIC_URL: 'https://node.example',
      CHIMERA_NETWORK_OFFER: 'scout.analyze, director.create_brief',
      CHIMERA_NETWORK_PRICE_CENTS: '40',
      CHIMERA_NETWORK_CAPACITY: '8',
      CHIMERA_NETWORK_SLA_MS: '5000',
      CHIMERA_DHT_BOOTSTRAP: 'dht-1.example:49737, 10.0.0.2:49737',
      CHIMERA_DHT_NETWORK: 'acme-network/v1',
      CHIMERA_HTTP_HOST: '0.0.0.0',
      CHIMERA_HTTP_PORT: '0',
      CHIMERA_API_RATE_LIMIT: '60',
      CHIMERA_MCP_CONFIG: '/etc/chimera/mcp.json',
      LOG_LEVEL: 'debug',
    });
    expect(config).toEqual({
      databaseUrl: 'postgres://localhost:5432/chimera',
      redisUrl: 'redis://localhost:6379',
      dataDir: '/var/lib/chimera',
      concurrency: 16,
      leaseMs: 30_000,
      pollIntervalMs: 250,
      backoffBaseMs: 1_000,
      backoffMaxMs: 120_000,
      approveAt: 0.95,
      escalateAt: 0.5,
      engagementReads: '30m,2h',
      trendMinVelocity: 0.25,
      trendMaxAgeMs: 3_600_000,
      trendMaxReplans: 0,
      traceRetentionDays: 30,
      model: 'openai-compatible:llama3.1',
      modelBaseUrl: 'http://127.0.0.1:11434/v1',
      embeddingModel: 'openai-compatible:nomic-embed-text',
      embeddingDimensions: 768,
      memorableRate: 0.08,
      cfoKeyFile: '/etc/chimera/cfo.pem',
      feeds: '/etc/chimera/feeds.json',
      nodeKeyFile: '/etc/chimera/node.pem',
      publicUrl: 'https://node.example',
      networkOffer: 'scout.analyze, director.create_brief',
      networkPriceCents: 40,
      networkCapacity: 8,
      networkSlaMs: 5_000,
      dhtBootstrap: 'dht-1.example:49737, 10.0.0.2:49737',
      dhtNetwork: 'acme-network/v1',
      httpHost: '0.0.0.0',
      httpPort: 0,
      apiRateLimit: 60,
      mcpConfig: '/etc/chimera/mcp.json',
      logLevel: 'debug',
    });
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig({ CHIMERA_CONCURRENCY: '', DATABASE_URL: '' });
    expect(config.concurrency).toBe(8);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('ignores environment variables it does not know', () => {
    expect(loadConfig({ CHIMERA_UNKNOWN: 'x', PATH: '/bin' })).toEqual(loadConfig({}));
  });

  it('lets overrides win over environment variables', () => {
    const config = loadConfig(
      { CHIMERA_CONCURRENCY: '4', CHIMERA_DATA_DIR: '/from/env' },
      { concurrency: 32, dataDir: '/from/flag' },
    );
    expect(config.concurrency).toBe(32);
    expect(config.dataDir).toBe('/from/flag');
  });

  it('keeps the environment value when an override is undefined', () => {
    expect(loadConfig({ CHIMERA_CONCURRENCY: '4' }, { concurrency: undefined }).concurrency).toBe(
      4,
    );
  });

  it('converts string overrides like CLI flags', () => {
    expect(loadConfig({}, { concurrency: '12', approveAt: '0.8' })).toMatchObject({
      concurrency: 12,
      approveAt: 0.8,
    });
  });

  it('names an environment variable for every setting', () => {
    expect(Object.values(ENVIRONMENT_VARIABLES)).toHaveLength(43);
    expect(new Set(Object.values(ENVIRONMENT_VARIABLES)).size).toBe(43);
  });

  it.each([
    ['CHIMERA_CONCURRENCY', 'many'],
    ['CHIMERA_CONCURRENCY', '0'],
    ['CHIMERA_CONCURRENCY', '257'],
    ['CHIMERA_CONCURRENCY', '2.5'],
    ['CHIMERA_LEASE_MS', '99'],
    ['CHIMERA_POLL_INTERVAL_MS', '5'],
    ['CHIMERA_BACKOFF_BASE_MS', '0'],
    ['CHIMERA_BACKOFF_MAX_MS', '-1'],
    ['CHIMERA_JUDGE_APPROVE_AT', '1.5'],
    ['CHIMERA_JUDGE_ESCALATE_AT', '-0.1'],
    ['CHIMERA_TRACE_RETENTION_DAYS', '0'],
    ['CHIMERA_ENGAGEMENT_READS', '1 hour'],
    ['LOG_LEVEL', 'verbose'],
    ['CHIMERA_MODEL_BASE_URL', 'not a url'],
  ])('refuses %s=%s with a ConfigError naming the variable', (variable, value) => {
    const error = refusal({ [variable]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(new RegExp(`^invalid configuration: ${variable}: `));
    expect(error.message).not.toContain('\n');
  });

  it('refuses a bad override, naming the variable behind the setting', () => {
    const error = refusal({}, { concurrency: 0 });
    expect(error.message).toContain('CHIMERA_CONCURRENCY');
  });

  it('names every bad variable at once', () => {
    const error = refusal({ CHIMERA_CONCURRENCY: 'x', LOG_LEVEL: 'loud' });
    expect(error.message).toContain('CHIMERA_CONCURRENCY: ');
    expect(error.message).toContain('LOG_LEVEL: ');
    expect(error.message).toContain('; ');
  });

  it('refuses an escalate threshold above the approve threshold (FR-JUDGE-002)', () => {
    const error = refusal({ CHIMERA_JUDGE_APPROVE_AT: '0.6', CHIMERA_JUDGE_ESCALATE_AT: '0.8' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(
      'CHIMERA_JUDGE_ESCALATE_AT must not exceed CHIMERA_JUDGE_APPROVE_AT',
    );
  });

  it('refuses an escalate threshold above the default approve threshold', () => {
    expect(refusal({ CHIMERA_JUDGE_ESCALATE_AT: '0.95' }).message).toContain(
      'CHIMERA_JUDGE_ESCALATE_AT',
    );
  });

  it.each([
    ['openai:gpt-4o-mini', 'OPENAI_API_KEY'],
    ['anthropic:claude-sonnet-4-5', 'ANTHROPIC_API_KEY'],
  ])('refuses hosted model %s without %s, naming the variable', (model, variable) => {
    const error = refusal({ CHIMERA_MODEL: model });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(new RegExp(`^invalid configuration: ${variable}: `));
    expect(error.message).toContain(`CHIMERA_MODEL '${model}' needs this API key`);
    expect(loadConfig({ CHIMERA_MODEL: model, [variable]: 'sk-test' }).model).toBe(model);
  });

  it('refuses a hosted embedding model without its key or its vector length', () => {
    const model = 'openai:text-embedding-3-small';
    expect(refusal({ CHIMERA_EMBEDDING_MODEL: model, OPENAI_API_KEY: 'sk-test' }).message).toBe(
      'invalid configuration: CHIMERA_EMBEDDING_DIMENSIONS: a hosted CHIMERA_EMBEDDING_MODEL needs its vector length, e.g. 1536',
    );
    expect(
      refusal({ CHIMERA_EMBEDDING_MODEL: model, CHIMERA_EMBEDDING_DIMENSIONS: '1536' }).message,
    ).toContain(`OPENAI_API_KEY: CHIMERA_EMBEDDING_MODEL '${model}' needs this API key`);
  });

  it('lets an OpenAI-compatible endpoint run without a key (Ollama asks for none)', () => {
    const config = loadConfig({
      CHIMERA_MODEL: 'openai-compatible:llama3.1',
      CHIMERA_MODEL_BASE_URL: 'http://127.0.0.1:11434/v1',
    });
    expect(config.modelApiKey).toBeUndefined();
  });

  it('accepts equal thresholds', () => {
    const config = loadConfig({
      CHIMERA_JUDGE_APPROVE_AT: '0.8',
      CHIMERA_JUDGE_ESCALATE_AT: '0.8',
    });
    expect([config.approveAt, config.escalateAt]).toEqual([0.8, 0.8]);
  });
});
