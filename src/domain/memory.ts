// What an agent remembers, as every layer names it: the collections of its long-term memory and a
// recalled memory. Storage is store/postgres/memory-queries.ts; embedding and recall are
// memory/semantic; what a run recalls and what is written back is swarm/agent-memory.ts.

import { z } from 'zod';

/**
 * A collection of an agent's long-term memory: 'agent_memory' (its posts, replies and
 * conversations, with their engagement), 'content_trend' (trend history) or 'skills' (skill
 * descriptions).
 */
export const MemoryCollection = z.enum(['agent_memory', 'content_trend', 'skills']);
export type MemoryCollection = z.infer<typeof MemoryCollection>;

/** A memory recalled for a query, as a skill or an operator sees it. */
export interface RecalledMemory {
  id: string;
  collection: MemoryCollection;
  text: string;
  /** What it is about: e.g. `kind` ('post', 'reply', 'trend', 'skill'), `counterpart`, engagement. */
  metadata: Record<string, unknown>;
  /** From -1 to 1: how close in meaning to the query. */
  similarity: number;
  remembered_at: Date;
}
