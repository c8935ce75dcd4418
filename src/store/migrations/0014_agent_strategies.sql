-- Each agent's learning strategy: its bandit's state (domain/strategy/bandit.ts, as JSON), written
-- under state_version like a task, and the choice each content item was made with, so the item's
-- engagement rewards the arms it used; the sandbox keeps it on the post for its audience.

CREATE TABLE agent_strategies (
  agent_id       text PRIMARY KEY REFERENCES agents (id),
  state          jsonb NOT NULL,
  state_version  integer NOT NULL DEFAULT 0,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE content_pipeline ADD COLUMN strategy_choice jsonb;

-- What the sandbox's synthetic audience responds to: the choice a post was made with.
ALTER TABLE sandbox_posts ADD COLUMN audience_labels jsonb;
