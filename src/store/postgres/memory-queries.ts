// Agents' long-term semantic memory: memories with the embeddings of their texts, and the search
// for the nearest ones in one agent's collection. With pgvector, a collection of more than
// EXACT_SCAN_MAX_ROWS memories of 512 dimensions is searched through the HNSW index of migration
// 0012 (by migration 0017's memory_nearest_indexed()), anything else by pgvector's exact distance;
// without pgvector, memory_cosine_similarity() (migration 0012) scores every memory of the
// collection. It never embeds text: memory/semantic does.

import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { MemoryCollection } from '../../domain/memory.js';
import type { MemoryMatch, MemoryRepository, MemorySearch, NewMemory } from '../store.js';
import type { ChimeraSchema } from './schema.js';

/** The embedding length the HNSW index covers (migration 0012): the offline encoder's. */
const INDEXED_DIMENSIONS = 512;
/**
 * Up to this many memories in the searched scope, pgvector compares them all (on PGlite about
 * 5 µs each) rather than walk the index, which would visit the other agents' memories too.
 */
const EXACT_SCAN_MAX_ROWS = 1_000;
/** Rows per INSERT statement (eight parameters a row, well under PostgreSQL's 65,535). */
const INSERT_BATCH_ROWS = 1_000;
/** Scopes a process remembers as large at most; past that it forgets them all and counts again. */
const LARGE_SCOPES_MAX = 10_000;

/**
 * What a process has learned about searching memories, shared by a store's transactions:
 * - whether the database has pgvector installed, asked at the first search. Migration 0012
 *   installs it wherever it is available; on a server that gets the package later, someone has to
 *   create the extension, run the DO blocks of migrations 0012 and 0017, and restart Chimera;
 * - which scopes hold more than EXACT_SCAN_MAX_ROWS memories. Counting costs about as much as the
 *   indexed search itself, and memories are only ever added, so a scope found large is not counted
 *   again. Were one to shrink, its search stays right: the index path falls back to the exact scan.
 */
export class MemorySearchPaths {
  private installed: Promise<boolean> | undefined;
  private readonly largeScopes = new Set<string>();

  isInstalled(db: Kysely<ChimeraSchema>): Promise<boolean> {
    this.installed ??= sql<{ installed: boolean }>`
      SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS installed`
      .execute(db)
      .then((result) => result.rows[0]?.installed === true)
      .catch((error: unknown) => {
        this.installed = undefined;
        throw error;
      });
    return this.installed;
  }

  /** Whether `search`'s scope is larger than an exact scan should read; `count` counts it. */
  async isLarge(
    search: MemorySearch,
    count: (atMost: number) => Promise<number>,
  ): Promise<boolean> {
    const key = JSON.stringify([
      search.tenantId,
      search.agentId,
      search.collection,
      search.embeddingModel,
      search.counterpart ?? null,
    ]);
    if (this.largeScopes.has(key)) return true;
    if ((await count(EXACT_SCAN_MAX_ROWS + 1)) <= EXACT_SCAN_MAX_ROWS) return false;
    if (this.largeScopes.size >= LARGE_SCOPES_MAX) this.largeScopes.clear();
    this.largeScopes.add(key);
    return true;
  }
}

export class PostgresMemoryRepository implements MemoryRepository {
  constructor(
    private readonly db: Kysely<ChimeraSchema>,
    private readonly paths: MemorySearchPaths,
  ) {}

  async insert(memories: readonly NewMemory[]): Promise<void> {
    for (let start = 0; start < memories.length; start += INSERT_BATCH_ROWS) {
      const batch = memories.slice(start, start + INSERT_BATCH_ROWS);
      await this.db
        .insertInto('memories')
        .values(
          batch.map((memory) => ({
            ...memory,
            metadata: JSON.stringify(memory.metadata),
            embedding: [...memory.embedding],
          })),
        )
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    }
  }

  async existing(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('memories')
      .select('id')
      .where('id', 'in', [...ids])
      .execute();
    return rows.map((row) => row.id);
  }

  async search(search: MemorySearch): Promise<MemoryMatch[]> {
    if (!(await this.paths.isInstalled(this.db))) {
      return this.nearest(search, exactDistance(search.embedding));
    }
    const exact = () => this.nearest(search, pgvectorDistance(search.embedding));
    if (
      search.embedding.length !== INDEXED_DIMENSIONS ||
      !(await this.paths.isLarge(search, (atMost) => this.scopeSize(search, atMost)))
    ) {
      return exact();
    }
    // The index yields the nearest memories of all scopes and the scope is filtered after it:
    // the iterative scan walks on until `limit` rows pass or hnsw.max_scan_tuples are visited.
    // A scope too sparse for that is scanned exactly instead.
    const found = await this.nearestIndexed(search);
    return found.length === search.limit ? found : exact();
  }

  /** How many memories the search's scope holds, counted up to `atMost`. */
  private async scopeSize(search: MemorySearch, atMost: number): Promise<number> {
    const row = await this.db
      .selectFrom((db) =>
        inScope(db.selectFrom('memories').select('id'), search).limit(atMost).as('scoped'),
      )
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  private async nearest(
    search: MemorySearch,
    distance: RawBuilder<number>,
  ): Promise<MemoryMatch[]> {
    const rows = await inScope(
      this.db.selectFrom('memories').select(MEMORY_COLUMNS).select(distance.as('distance')),
      search,
    )
      .orderBy('distance')
      .limit(search.limit)
      .execute();
    return rows.map(toMatch);
  }

  /** The nearest memories through the HNSW index, by migration 0017's function. */
  private async nearestIndexed(search: MemorySearch): Promise<MemoryMatch[]> {
    const rows = await this.db
      .selectFrom(
        sql<MemoryRow>`memory_nearest_indexed(${search.tenantId}, ${search.agentId},
          ${search.collection}, ${search.embeddingModel}, ${search.counterpart ?? null},
          ${[...search.embedding]}::real[], ${search.limit})`.as('nearest'),
      )
      .selectAll()
      .execute();
    return rows.map(toMatch);
  }
}

const MEMORY_COLUMNS = [
  'id',
  'tenant_id',
  'agent_id',
  'collection',
  'text',
  'metadata',
  'embedding_model',
  'created_at',
] as const;

/** A memory as a search selects it, with its cosine distance to the query. */
type MemoryRow = Omit<MemoryMatch, 'similarity' | 'collection'> & {
  collection: string;
  distance: number;
};

function toMatch({ distance, ...row }: MemoryRow): MemoryMatch {
  return { ...row, collection: row.collection as MemoryCollection, similarity: 1 - distance };
}

/**
 * `query` narrowed to the search's scope: its tenant, agent, collection and embedding model, and
 * the person it is about, if the search names one.
 */
function inScope<Output>(
  query: SelectQueryBuilder<ChimeraSchema, 'memories', Output>,
  search: MemorySearch,
): SelectQueryBuilder<ChimeraSchema, 'memories', Output> {
  const scoped = search.counterpart
    ? query.where(sql<string>`metadata->>'counterpart'`, '=', search.counterpart)
    : query;
  return (
    scoped
      .where('tenant_id', '=', search.tenantId)
      .where('agent_id', '=', search.agentId)
      .where('collection', '=', search.collection)
      .where('embedding_model', '=', search.embeddingModel)
      // A literal, so that the HNSW index's predicate is seen to hold.
      .where(sql<boolean>`cardinality(embedding) = ${sql.lit(search.embedding.length)}`)
  );
}

/** pgvector's exact cosine distance to `query`, which the index cannot serve. */
function pgvectorDistance(query: readonly number[]): RawBuilder<number> {
  return sql<number>`embedding::vector <=> ${[...query]}::real[]::vector`;
}

/** The exact cosine distance in plain SQL, for a database without pgvector. */
function exactDistance(query: readonly number[]): RawBuilder<number> {
  return sql<number>`1 - memory_cosine_similarity(embedding, ${[...query]}::real[])`;
}
