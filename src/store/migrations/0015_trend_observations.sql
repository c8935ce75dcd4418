-- A trend's latest observation: a Scout reporting a trend again updates its measures (volume,
-- velocity, sentiment, platforms, sources) instead of keeping the first report's, and observed_at
-- says when a Scout last reported it, by the Planner's clock. Drift (FR-PLAN-008) ages a brief's
-- trend by it before the post is published. The upsert is PostgresContentRepository.recordTrends.

ALTER TABLE trends ADD COLUMN observed_at timestamptz NOT NULL DEFAULT now();
UPDATE trends SET observed_at = created_at;
