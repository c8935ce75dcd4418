// Picks semantic memory's embedder from CHIMERA_EMBEDDING_MODEL: the shipped offline encoder by
// default, or a hosted provider's embedding model through the AI SDK ('openai:text-embedding-3-small',
// 'openai-compatible:nomic-embed-text' with CHIMERA_MODEL_BASE_URL), whose vector length
// CHIMERA_EMBEDDING_DIMENSIONS gives. The configuration has checked the API key is there.

import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { ConfigError } from '../../domain/errors.js';
import { AiSdkEmbedder } from './ai-sdk-embedder.js';
import type { Embedder } from './embedder.js';
import { OfflineEmbedder } from './offline-embedder.js';

/** The embedding providers CHIMERA_EMBEDDING_MODEL may name. */
export const EMBEDDING_PROVIDERS = ['offline', 'openai', 'openai-compatible'] as const;

/** The configured embedder. */
export function openEmbedder(settings: {
  embeddingModel: string;
  embeddingDimensions?: number | undefined;
  modelBaseUrl?: string | undefined;
  openaiApiKey?: string | undefined;
  modelApiKey?: string | undefined;
}): Embedder {
  if (settings.embeddingModel === 'offline') return new OfflineEmbedder();
  const [provider, ...rest] = settings.embeddingModel.split(':');
  const modelId = rest.join(':');
  const invalid = (message: string) =>
    new ConfigError(
      'CONFIG_INVALID',
      `CHIMERA_EMBEDDING_MODEL '${settings.embeddingModel}' ${message}`,
    );
  if (!modelId) {
    throw invalid(
      "needs a model id: write '<provider>:<model>', e.g. 'openai:text-embedding-3-small', or 'offline'",
    );
  }
  const dimensions = settings.embeddingDimensions;
  if (dimensions === undefined) throw invalid('needs CHIMERA_EMBEDDING_DIMENSIONS, e.g. 1536');
  if (provider === 'openai') {
    return new AiSdkEmbedder(createOpenAI({ apiKey: settings.openaiApiKey }).embedding(modelId), {
      dimensions,
    });
  }
  if (provider === 'openai-compatible') {
    if (!settings.modelBaseUrl) {
      throw invalid('needs CHIMERA_MODEL_BASE_URL, e.g. http://127.0.0.1:11434/v1 for Ollama');
    }
    const compatible = createOpenAICompatible({
      name: 'openai-compatible',
      baseURL: settings.modelBaseUrl,
      apiKey: settings.modelApiKey,
    });
    return new AiSdkEmbedder(compatible.embeddingModel(modelId), { dimensions });
  }
  throw invalid(
    `names provider '${provider}', which is unknown; use one of ${EMBEDDING_PROVIDERS.join(', ')}`,
  );
}
