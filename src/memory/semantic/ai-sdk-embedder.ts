// A hosted provider's embedding model through the AI SDK (`embedMany`), e.g. OpenAI's
// text-embedding-3-small. A failed call is MODEL_UNAVAILABLE, which a later attempt may not repeat.
// Picking the model from the configuration is the composition root's job, not this adapter's.

import { type EmbeddingModel, embedMany } from 'ai';
import { ChimeraError } from '../../domain/errors.js';
import type { Embedder } from './embedder.js';

/** Options of the AI SDK embedder. */
export interface AiSdkEmbedderOptions {
  /**
   * The length of the model's embeddings, e.g. 1536 for text-embedding-3-small. Semantic memory
   * refuses an answer of another length.
   */
  dimensions: number;
  /**
   * Retries of a failed call, with the AI SDK's backoff.
   * @defaultValue 2
   */
  maxRetries?: number;
}

export class AiSdkEmbedder implements Embedder {
  /** '<provider>:<model id>', or the model's id string when it is given as one. */
  readonly id: string;
  readonly dimensions: number;
  private readonly maxRetries: number;

  constructor(
    private readonly model: EmbeddingModel,
    options: AiSdkEmbedderOptions,
  ) {
    this.id = typeof model === 'string' ? model : `${model.provider}:${model.modelId}`;
    this.dimensions = options.dimensions;
    this.maxRetries = options.maxRetries ?? 2;
  }

  /** Embeds the texts in as few calls as the model allows. */
  async embed(texts: readonly string[]): Promise<number[][]> {
    try {
      const result = await embedMany({
        model: this.model,
        values: [...texts],
        maxRetries: this.maxRetries,
      });
      return result.embeddings;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ChimeraError(
        'MODEL_UNAVAILABLE',
        `embedding model ${this.id} failed: ${reason}; check the provider's API key and network`,
        { cause: error, retryable: true },
      );
    }
  }
}
