// The offline embedder: the Universal Sentence Encoder lite shipped with Chimera (512 numbers per
// text), loaded on first use from local files (models/sentence-encoder/sentence-encoder.ts). No
// network, no key; the default for semantic memory.

import {
  embedSentence,
  SENTENCE_EMBEDDING_SIZE,
} from '../../models/sentence-encoder/sentence-encoder.js';
import type { Embedder } from './embedder.js';

export class OfflineEmbedder implements Embedder {
  readonly id = 'offline:universal-sentence-encoder-lite';
  readonly dimensions = SENTENCE_EMBEDDING_SIZE;

  /** Embeds the texts one after another (the encoder caches the last 512 texts). */
  async embed(texts: readonly string[]): Promise<number[][]> {
    const embeddings: number[][] = [];
    for (const text of texts) embeddings.push([...(await embedSentence(text))]);
    return embeddings;
  }
}
