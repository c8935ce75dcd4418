// Agents' long-term semantic memory (issue 12 §5): remembers a text by embedding it and storing it
// in one of the agent's collections, and recalls the memories nearest in meaning to a query.
// Everything is scoped to a tenant and an agent. It keeps nothing in process (the store holds the
// memories) and decides nothing about what is worth remembering: its callers do.

import { randomUUID } from 'node:crypto';
import { ChimeraError, InputError } from '../../domain/errors.js';
import type { MemoryCollection } from '../../domain/memory.js';
import type { MemoryMatch, MemoryRepository } from '../../store/store.js';
import type { Embedder } from './embedder.js';

/** Whose memory: an agent of a tenant. */
export interface MemoryScope {
  tenantId: string;
  agentId: string;
}

export class SemanticMemory {
  constructor(
    private readonly memories: MemoryRepository,
    private readonly embedder: Embedder,
  ) {}

  /**
   * Embeds `text` and stores it in the agent's `collection` with `metadata` (for an agent_memory
   * post, say, its platform, post id and engagement; `counterpart` names the person it is about);
   * returns the memory's id. With `options.id`, a memory already stored under that id is kept and
   * nothing is written: a writer that derives the id from what it remembers remembers it once.
   */
  async remember(
    scope: MemoryScope,
    collection: MemoryCollection,
    text: string,
    metadata: Record<string, unknown> = {},
    options: { id?: string } = {},
  ): Promise<string> {
    const id = options.id ?? randomUUID();
    if (options.id && (await this.memories.existing([id])).length > 0) return id;
    const embedding = await this.embedOne(text, 'text');
    await this.memories.insert([
      {
        id,
        tenant_id: scope.tenantId,
        agent_id: scope.agentId,
        collection,
        text,
        metadata,
        embedding_model: this.embedder.id,
        embedding,
      },
    ]);
    return id;
  }

  /**
   * The `k` (default 5) memories of the agent's `collection` nearest in meaning to `query`, most
   * similar first, each with its cosine similarity; with `counterpart`, only memories about that
   * person. Only memories embedded by this memory's embedder are compared. On pgvector the search
   * is approximate (HNSW), otherwise exact.
   */
  async recall(
    scope: MemoryScope,
    collection: MemoryCollection,
    query: string,
    { k = 5, counterpart }: { k?: number; counterpart?: string | undefined } = {},
  ): Promise<MemoryMatch[]> {
    if (!Number.isInteger(k) || k < 1) {
      throw new InputError(`k must be a whole number of at least 1 (got ${k})`, {
        context: { field: 'k' },
      });
    }
    const embedding = await this.embedOne(query, 'query');
    return this.memories.search({
      tenantId: scope.tenantId,
      agentId: scope.agentId,
      collection,
      embeddingModel: this.embedder.id,
      embedding,
      limit: k,
      counterpart,
    });
  }

  /** The embedding of `text`, checked: its length is the embedder's, and it is not all zeros. */
  private async embedOne(text: string, field: 'text' | 'query'): Promise<number[]> {
    if (text.trim() === '') {
      throw new InputError(`the ${field} to embed is blank; give it some words`, {
        context: { field },
      });
    }
    const [embedding] = await this.embedder.embed([text]);
    const length = embedding?.length ?? 0;
    const norm = Math.hypot(...(embedding ?? []));
    if (embedding === undefined || length !== this.embedder.dimensions || !(norm > 0)) {
      throw new ChimeraError(
        'MODEL_OUTPUT_INVALID',
        `embedding model ${this.embedder.id} answered ${length} numbers of norm ${norm} for one text; expected ${this.embedder.dimensions} numbers, not all zero (check the configured dimensions)`,
      );
    }
    return embedding;
  }
}
