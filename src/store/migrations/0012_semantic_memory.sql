-- Long-term semantic memory (issue 12 §5): each agent's memories in three collections
-- ('agent_memory': its posts, replies and conversations with their engagement; 'content_trend':
-- trend history; 'skills': skill descriptions), each with the embedding of its text and the name
-- of the model that made it. Where the `vector` extension is available (PGlite loads pgvector; a
-- server needs its package), it is created with an HNSW index over the 512-dimension embeddings
-- of the offline encoder; elsewhere memory_cosine_similarity() serves an exact scan.
-- store/postgres/memory-queries.ts picks the path at start-up from pg_extension.

-- A memory's tenant is its agent's: the foreign key below needs this key on agents.
ALTER TABLE agents ADD CONSTRAINT agents_tenant_id_id_key UNIQUE (tenant_id, id);

CREATE TABLE memories (
  id               uuid PRIMARY KEY,
  tenant_id        text NOT NULL,
  agent_id         text NOT NULL,
  collection       text NOT NULL CHECK (collection IN ('agent_memory', 'content_trend', 'skills')),
  text             text NOT NULL,
  metadata         jsonb NOT NULL DEFAULT '{}'::jsonb,
  embedding_model  text NOT NULL,
  embedding        real[] NOT NULL CHECK (cardinality(embedding) > 0),
  created_at       timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id)
);
-- Kept in the row, uncompressed (embeddings do not compress): a scan reads no TOAST table.
ALTER TABLE memories ALTER COLUMN embedding SET STORAGE MAIN;
CREATE INDEX memories_scope_idx ON memories (tenant_id, agent_id, collection, embedding_model);

-- Cosine similarity of two embeddings of equal length, for the exact scan without pgvector.
CREATE FUNCTION memory_cosine_similarity(a real[], b real[]) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT sum(x::double precision * y)
         / sqrt(sum(x::double precision * x) * sum(y::double precision * y))
    FROM unnest(a, b) AS pair (x, y)
$$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
    CREATE INDEX memories_embedding_hnsw_idx ON memories
      USING hnsw ((embedding::vector(512)) vector_cosine_ops)
      WHERE cardinality(embedding) = 512;
  END IF;
END $$;
