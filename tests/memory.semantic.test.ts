// Issue 12 §5: long-term semantic memory, on PGlite (pgvector, HNSW) and on the PostgreSQL server
// (no pgvector: an exact scan). A fact planted among 10,000 memories of an agent is recalled from a
// paraphrase within the top 5, and no recall returns another tenant's, agent's or collection's
// memories, though the same fact is planted there too. The fact and the queries are embedded by
// the real offline encoder; the other memories are blends of real sentence embeddings
// (support/memory-fixtures.ts). Also: a hosted embedding model through the AI SDK, on its mock.
// About 60 s, most of it PGlite's HNSW index taking the 11,800 inserts one by one.

import { randomUUID } from 'node:crypto';
import { MockEmbeddingModelV3 } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryCollection } from '../src/domain/memory.js';
import { AiSdkEmbedder } from '../src/memory/semantic/ai-sdk-embedder.js';
import { OfflineEmbedder } from '../src/memory/semantic/offline-embedder.js';
import { type MemoryScope, SemanticMemory } from '../src/memory/semantic/semantic-memory.js';
import type { Database } from '../src/store/database.js';
import type { PostgresStore } from '../src/store/postgres/postgres-store.js';
import type { NewMemory } from '../src/store/store.js';
import { blendedEmbeddings, everydaySentences, PLANTED_FACT } from './support/memory-fixtures.js';
import { openMigratedStore } from './support/migrated-store.js';
import { ADAPTERS, createTestDatabase, type TestDatabase } from './support/test-databases.js';

const AVA: MemoryScope = { tenantId: 'acme', agentId: 'ava' };
const MILO: MemoryScope = { tenantId: 'acme', agentId: 'milo' };
const NOOR: MemoryScope = { tenantId: 'acme', agentId: 'noor' };
const ZED: MemoryScope = { tenantId: 'globex', agentId: 'zed' };
/** An agent whose memories, but for the planted fact, are the farthest from its paraphrase. */
const LEA: MemoryScope = { tenantId: 'acme', agentId: 'lea' };
const AGENT_MEMORY_COUNT = 10_000;

const offline = new OfflineEmbedder();
let everyday: Array<{ text: string; embedding: number[] }>;

beforeAll(async () => {
  const sentences = everydaySentences();
  const embeddings = await offline.embed(sentences);
  everyday = sentences.map((text, index) => ({ text, embedding: embeddings[index] ?? [] }));
});

/** `count` embeddings: those of the everyday sentences, then blends of them. */
function distractorEmbeddings(count: number, seed: number): number[][] {
  const bases = everyday.map((memory) => memory.embedding);
  const blends = blendedEmbeddings(bases, Math.max(0, count - bases.length), { noise: 0.5, seed });
  return [...bases, ...blends].slice(0, count);
}

/** Memories of the scope's collection with these embeddings (their texts are only labels). */
function memoriesOf(
  scope: MemoryScope,
  collection: MemoryCollection,
  embeddings: number[][],
): NewMemory[] {
  return embeddings.map((embedding, index) => ({
    id: randomUUID(),
    tenant_id: scope.tenantId,
    agent_id: scope.agentId,
    collection,
    text: `${scope.agentId} memory #${index}`,
    metadata: { kind: 'post', likes: index % 97 },
    embedding_model: offline.id,
    embedding,
  }));
}

describe.each(ADAPTERS)('semantic memory on %s', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;
  let store: PostgresStore;
  let memory: SemanticMemory;
  /** The planted fact's id in each scope's agent_memory, and in Ava's content_trend. */
  const factIds = new Map<string, string>();

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    ({ database, store } = await openMigratedStore(testDatabase));
    memory = new SemanticMemory(store.memories, offline);
    await store.access.ensureTenant('acme', 'Acme');
    await store.access.ensureTenant('globex', 'Globex');
    for (const scope of [AVA, MILO, NOOR, ZED, LEA]) {
      await store.agents.upsert({
        id: scope.agentId,
        tenant_id: scope.tenantId,
        name: scope.agentId,
        niche: 'style',
        persona: {},
        status: 'active',
      });
    }
    await store.memories.insert([
      ...memoriesOf(AVA, 'agent_memory', distractorEmbeddings(AGENT_MEMORY_COUNT - 1, 1)),
      ...memoriesOf(MILO, 'agent_memory', distractorEmbeddings(300, 2)),
      ...memoriesOf(ZED, 'agent_memory', distractorEmbeddings(300, 3)),
      ...memoriesOf(AVA, 'content_trend', distractorEmbeddings(50, 4)),
      ...memoriesOf(LEA, 'agent_memory', distractorEmbeddings(1_100, 5).map(opposite)),
    ]);
    for (const scope of [AVA, MILO, ZED, LEA]) {
      const id = await memory.remember(scope, 'agent_memory', PLANTED_FACT.text, { kind: 'chat' });
      factIds.set(scope.agentId, id);
    }
    factIds.set(
      'ava/content_trend',
      await memory.remember(AVA, 'content_trend', PLANTED_FACT.text, {}),
    );
  }, 300_000);
  afterAll(async () => {
    await database?.close();
    await testDatabase?.dispose();
  });

  it('recalls a fact planted among 10,000 of the agent’s memories from a paraphrase, in the top 5', async () => {
    const recalled = await memory.recall(AVA, 'agent_memory', PLANTED_FACT.paraphrase);

    expect(recalled).toHaveLength(5);
    expect(recalled.map((match) => match.id)).toContain(factIds.get('ava'));
    const fact = recalled.find((match) => match.id === factIds.get('ava'));
    expect(fact).toMatchObject({ text: PLANTED_FACT.text, metadata: { kind: 'chat' } });
    const similarities = recalled.map((match) => match.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
  });

  it('returns only the memories of the tenant, agent and collection asked for', async () => {
    const scopes: Array<[MemoryScope, MemoryCollection, string | undefined]> = [
      [AVA, 'agent_memory', factIds.get('ava')],
      [MILO, 'agent_memory', factIds.get('milo')],
      [ZED, 'agent_memory', factIds.get('zed')],
      [AVA, 'content_trend', factIds.get('ava/content_trend')],
    ];
    for (const [scope, collection, factId] of scopes) {
      const recalled = await memory.recall(scope, collection, PLANTED_FACT.paraphrase, { k: 10 });
      expect(recalled.map((match) => match.id)).toContain(factId);
      for (const match of recalled) {
        expect(match).toMatchObject({
          tenant_id: scope.tenantId,
          agent_id: scope.agentId,
          collection,
        });
      }
    }
    expect(
      await memory.recall({ tenantId: 'globex', agentId: 'ava' }, 'agent_memory', 'gym'),
    ).toEqual([]);
    expect(await memory.recall(AVA, 'skills', PLANTED_FACT.paraphrase)).toEqual([]);
  });

  it('returns every memory of an agent with fewer than k, however many others the index holds', async () => {
    const texts = [
      'Noor loves oat milk.',
      'Noor posted a reel from Porto.',
      'Noor asked about boots.',
    ];
    for (const text of texts) await memory.remember(NOOR, 'agent_memory', text);

    const recalled = await memory.recall(NOOR, 'agent_memory', 'What milk does Noor drink?');

    expect(recalled.map((match) => match.text).sort()).toEqual([...texts].sort());
    expect(recalled[0]?.text).toBe('Noor loves oat milk.');
  });

  it('fills the top k of a sparse agent when the index scan stops short of it', async () => {
    // On PGlite every connection shares one session, so this cuts pgvector's iterative scan short
    // for the searches below: it visits the fact's neighbours, finds only Lea's fact among them,
    // and stops. (On the server, without pgvector, the setting is inert.)
    await database.pool.query('SET hnsw.max_scan_tuples = 1');
    try {
      const recalled = await memory.recall(LEA, 'agent_memory', PLANTED_FACT.paraphrase);

      expect(recalled).toHaveLength(5);
      expect(recalled[0]?.id).toBe(factIds.get('lea'));
      for (const match of recalled) expect(match.agent_id).toBe('lea');
    } finally {
      await database.pool.query('RESET hnsw.max_scan_tuples');
    }
  });

  it('remembers and recalls through a hosted embedding model, apart from the offline model’s memories', async () => {
    const vectors: Record<string, number[]> = {
      'reply to comments within the hour': [1, 0, 0],
      'render a product shot': [0, 1, 0],
      'answer fan questions': [0.9, 0.1, 0.1],
    };
    const model = new MockEmbeddingModelV3({
      provider: 'mock-provider',
      modelId: 'mock-embedding',
      maxEmbeddingsPerCall: 8,
      doEmbed: async ({ values }) => ({
        embeddings: values.map((value) => vectors[value] ?? [0, 0, 1]),
        warnings: [],
      }),
    });
    const hosted = new SemanticMemory(
      store.memories,
      new AiSdkEmbedder(model, { dimensions: 3, maxRetries: 0 }),
    );
    await hosted.remember(AVA, 'skills', 'reply to comments within the hour');
    await hosted.remember(AVA, 'skills', 'render a product shot');

    const recalled = await hosted.recall(AVA, 'skills', 'answer fan questions', { k: 2 });

    expect(recalled.map((match) => match.text)).toEqual([
      'reply to comments within the hour',
      'render a product shot',
    ]);
    expect(recalled[0]).toMatchObject({ embedding_model: 'mock-provider:mock-embedding' });
    expect(recalled[0]?.similarity).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1, 0.1), 6);
    expect(model.doEmbedCalls.map((call) => call.values)).toEqual([
      ['reply to comments within the hour'],
      ['render a product shot'],
      ['answer fan questions'],
    ]);
    expect(await memory.recall(AVA, 'skills', 'reply to comments within the hour')).toEqual([]);
  });

  it('refuses a blank text, an embedding of the wrong length, and reports a failing provider', async () => {
    const wrongLength = new MockEmbeddingModelV3({
      doEmbed: async ({ values }) => ({ embeddings: values.map(() => [1, 0]), warnings: [] }),
    });
    const failing = new MockEmbeddingModelV3({
      doEmbed: async () => {
        throw new Error('quota exceeded');
      },
    });

    await expect(memory.remember(AVA, 'agent_memory', '  ')).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      context: { field: 'text' },
    });
    await expect(
      new SemanticMemory(
        store.memories,
        new AiSdkEmbedder(wrongLength, { dimensions: 3, maxRetries: 0 }),
      ).remember(AVA, 'skills', 'anything'),
    ).rejects.toMatchObject({ code: 'MODEL_OUTPUT_INVALID' });
    await expect(
      new SemanticMemory(
        store.memories,
        new AiSdkEmbedder(failing, { dimensions: 3, maxRetries: 0 }),
      ).recall(AVA, 'skills', 'anything'),
    ).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE', retryable: true });
  });
});

function opposite(vector: number[]): number[] {
  return vector.map((value) => -value);
}
