// The embedding port of semantic memory: turns texts into vectors of one fixed length. Its
// adapters sit beside it: the shipped offline sentence encoder, and a hosted provider's embedding
// model through the AI SDK. It stores nothing; semantic-memory.ts does.

/** Turns texts into embeddings of `dimensions` numbers each. */
export interface Embedder {
  /**
   * Names the model, e.g. 'offline:universal-sentence-encoder-lite'. Stored with every memory it
   * embeds: embeddings of different models are never compared.
   */
  readonly id: string;
  /** The length of every embedding. */
  readonly dimensions: number;
  /** One embedding per text, in the order of `texts`. */
  embed(texts: readonly string[]): Promise<number[][]>;
}
