-- 0003: the content loop's tables (trends, content_pipeline, video_metadata) and the local social
-- sandbox platform's own tables (sandbox_*), which stand in for a real network offline.

CREATE TABLE trends (
  id               text PRIMARY KEY,
  agent_id         text REFERENCES agents (id),
  topic            text NOT NULL,
  volume           integer NOT NULL CHECK (volume >= 0),
  sentiment_score  double precision NOT NULL CHECK (sentiment_score BETWEEN -1 AND 1),
  rising_velocity  double precision NOT NULL,
  platforms        text[] NOT NULL DEFAULT '{}',
  first_seen       timestamptz NOT NULL,
  sources          jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE content_pipeline (
  id               uuid PRIMARY KEY,
  agent_id         text NOT NULL REFERENCES agents (id),
  campaign_id      uuid REFERENCES campaigns (id),
  trend_source_id  text REFERENCES trends (id),
  stage            text NOT NULL CHECK (stage IN ('brief', 'asset', 'approved', 'published', 'failed')),
  format           text NOT NULL CHECK (format IN ('text', 'image', 'video')),
  caption          text,
  media_url        text,
  brief            jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_pipeline_agent_idx ON content_pipeline (agent_id, created_at);

-- One row per published content item (1:1 with content_pipeline), whatever its format.
CREATE TABLE video_metadata (
  id                  uuid PRIMARY KEY,
  content_id          uuid NOT NULL UNIQUE REFERENCES content_pipeline (id),
  title               text NOT NULL,
  duration            double precision,
  resolution          text,
  video_url           text,
  platform_ids        jsonb NOT NULL DEFAULT '{}'::jsonb,
  engagement_metrics  jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sandbox_posts (
  id                uuid PRIMARY KEY,
  platform          text NOT NULL,
  author            text NOT NULL,
  text_content      text NOT NULL,
  media_urls        jsonb NOT NULL DEFAULT '[]'::jsonb,
  disclosure_level  text NOT NULL CHECK (disclosure_level IN ('automated', 'assisted')),
  idempotency_key   text NOT NULL UNIQUE,
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sandbox_mentions (
  id          text PRIMARY KEY,
  platform    text NOT NULL,
  mentioned   text NOT NULL,
  author      text NOT NULL,
  text        text NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX sandbox_mentions_recent_idx ON sandbox_mentions (platform, mentioned, created_at);

CREATE TABLE sandbox_replies (
  id               uuid PRIMARY KEY,
  mention_id       text NOT NULL REFERENCES sandbox_mentions (id),
  author           text NOT NULL,
  text             text NOT NULL,
  idempotency_key  text NOT NULL UNIQUE,
  created_at       timestamptz NOT NULL DEFAULT now()
);
