import { describe, expect, it } from 'vitest';
import { openEmbedder } from './open-embedder.js';

describe('openEmbedder', () => {
  it('is the offline encoder by default', () => {
    expect(openEmbedder({ embeddingModel: 'offline' })).toMatchObject({
      id: 'offline:universal-sentence-encoder-lite',
      dimensions: 512,
    });
  });

  it('builds a hosted embedding model with the configured vector length', () => {
    const embedder = openEmbedder({
      embeddingModel: 'openai:text-embedding-3-small',
      embeddingDimensions: 1536,
      openaiApiKey: 'sk-test',
    });
    expect(embedder.id).toMatch(/^openai\.[a-z.-]+:text-embedding-3-small$/);
    expect(embedder.dimensions).toBe(1536);
    const local = openEmbedder({
      embeddingModel: 'openai-compatible:nomic-embed-text',
      embeddingDimensions: 768,
      modelBaseUrl: 'http://127.0.0.1:11434/v1',
    });
    expect(local.id).toMatch(/:nomic-embed-text$/);
  });

  it.each([
    [{ embeddingModel: 'openai' }, /needs a model id/],
    [{ embeddingModel: 'openai:text-embedding-3-small' }, /needs CHIMERA_EMBEDDING_DIMENSIONS/],
    [{ embeddingModel: 'openai-compatible:x', embeddingDimensions: 8 }, /CHIMERA_MODEL_BASE_URL/],
    [
      { embeddingModel: 'cohere:embed', embeddingDimensions: 8 },
      /provider 'cohere', which is unknown/,
    ],
  ])('refuses %j, saying what is missing', (settings, message) => {
    expect(() => openEmbedder(settings)).toThrow(message);
  });
});
