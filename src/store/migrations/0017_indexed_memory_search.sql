-- The indexed memory search in one statement (issue 12 §5): the nearest memories of one scope
-- through migration 0012's HNSW index. The function's SET clauses hold for its call only, so the
-- search needs no transaction of its own to switch on pgvector's iterative index scan (which walks
-- on until `p_limit` rows of the scope pass) and to switch off sorting (without statistics, as on
-- PGlite, the planner would rather read the whole scope and sort it). Created only where the
-- `vector` extension is; store/postgres/memory-queries.ts calls it for scopes of over 1,000
-- memories, and scans exactly when it returns fewer than `p_limit`.
--
-- The memories about one person (the reply skill's recall) are found by an index of their own,
-- so that counting or scanning them does not read the agent's other memories.

CREATE INDEX memories_counterpart_idx
  ON memories (tenant_id, agent_id, collection, (metadata->>'counterpart'));

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
    CREATE FUNCTION memory_nearest_indexed(
      p_tenant_id text, p_agent_id text, p_collection text, p_embedding_model text,
      p_counterpart text, p_query real[], p_limit integer
    ) RETURNS TABLE (
      id uuid, tenant_id text, agent_id text, collection text, text text, metadata jsonb,
      embedding_model text, created_at timestamptz, distance double precision
    )
    LANGUAGE sql STABLE
    SET hnsw.iterative_scan = 'strict_order'
    SET enable_sort = off
    AS $body$
      SELECT m.id, m.tenant_id, m.agent_id, m.collection, m.text, m.metadata, m.embedding_model,
             m.created_at, m.embedding::vector(512) <=> p_query::vector(512) AS distance
        FROM memories m
       WHERE m.tenant_id = p_tenant_id AND m.agent_id = p_agent_id
         AND m.collection = p_collection AND m.embedding_model = p_embedding_model
         AND (p_counterpart IS NULL OR m.metadata->>'counterpart' = p_counterpart)
         -- A literal, so that the HNSW index's predicate is seen to hold.
         AND cardinality(m.embedding) = 512
       ORDER BY distance
       LIMIT p_limit
    $body$;
  END IF;
END $$;
