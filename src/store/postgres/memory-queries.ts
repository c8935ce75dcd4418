// Agents' long-term semantic memory: memories with the embeddings of their texts, and the search
// for the nearest ones in one agent's collection. With pgvector, a collection of more than
// EXACT_SCAN_MAX_ROWS memories of 512 dimensions is searched through the HNSW index of migration
// 0012, anything else by pgvector's exact distance; without pgvector, memory_cosine_similarity()
// (same migration) scores every memory of the collection. It never embeds text: memory/semantic
// does.

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

/**
 * Whether the database has pgvector installed: asked at a store's first search and shared by its
 * transactions, so the path is picked once per process. Migration 0012 installs it wherever it is
 * available; on a server that gets the package later, someone has to create the extension and
 * the migration's index, and restart Chimera.
 */
export class VectorExtension {
  private installed: Promise<boolean> | undefined;

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
}

export class PostgresMemoryRepository implements MemoryRepository {
  constructor(
    private readonly db: Kysely<ChimeraSchema>,
    private readonly vector: VectorExtension,
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
    if (!(await this.vector.isInstalled(this.db))) {
      return this.nearest(this.db, search, exactDistance(search.embedding));
    }
    const exact = pgvectorDistance(search.embedding, false);
    if (
      search.embedding.length !== INDEXED_DIMENSIONS ||
      (await this.scopeSize(search, EXACT_SCAN_MAX_ROWS + 1)) <= EXACT_SCAN_MAX_ROWS
    ) {
      return this.nearest(this.db, search, exact);
    }
    // The index yields the nearest memories of all scopes and the scope is filtered after it:
    // the iterative scan walks on until `limit` rows pass or hnsw.max_scan_tuples are visited.
    // A scope too sparse for that is scanned exactly instead.
    const found = await this.withIndexScan((db) =>
      this.nearest(db, search, pgvectorDistance(search.embedding, true)),
    );
    return found.length === search.limit ? found : this.nearest(this.db, search, exact);
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
    db: Kysely<ChimeraSchema>,
    search: MemorySearch,
    distance: RawBuilder<number>,
  ): Promise<MemoryMatch[]> {
    const columns = [
      'id',
      'tenant_id',
      'agent_id',
      'collection',
      'text',
      'metadata',
      'embedding_model',
      'created_at',
    ] as const;
    const rows = await inScope(
      db.selectFrom('memories').select(columns).select(distance.as('distance')),
      search,
    )
      // By the alias, which is the distance expression itself: the planner matches it to the index.
      .orderBy('distance')
      .limit(search.limit)
      .execute();
    return rows.map(({ distance, ...row }) => ({
      ...row,
      collection: row.collection as MemoryCollection,
      similarity: 1 - distance,
    }));
  }

  /**
   * Runs `work` in a transaction (the store's, if any) with pgvector's iterative index scan on,
   * and sorting off so that the planner walks the HNSW index: without statistics (PGlite has no
   * autovacuum) it takes every scope for a few rows and would rather sort them all.
   */
  private withIndexScan<T>(work: (db: Kysely<ChimeraSchema>) => Promise<T>): Promise<T> {
    const run = async (db: Kysely<ChimeraSchema>) => {
      await sql`SELECT set_config('hnsw.iterative_scan', 'strict_order', true),
                       set_config('enable_sort', 'off', true)`.execute(db);
      return work(db);
    };
    return this.db.isTransaction ? run(this.db) : this.db.transaction().execute(run);
  }
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

/**
 * pgvector's cosine distance to `query`. With `indexed`, cast to vector(512) as the HNSW index is,
 * so that the planner can walk the index; without, an exact distance the index cannot serve.
 */
function pgvectorDistance(query: readonly number[], indexed: boolean): RawBuilder<number> {
  const type = sql.raw(indexed ? `vector(${INDEXED_DIMENSIONS})` : 'vector');
  return sql<number>`embedding::${type} <=> ${[...query]}::real[]::${type}`;
}

/** The exact cosine distance in plain SQL, for a database without pgvector. */
function exactDistance(query: readonly number[]): RawBuilder<number> {
  return sql<number>`1 - memory_cosine_similarity(embedding, ${[...query]}::real[])`;
}
