-- Each agent's learning strategy: its bandit's state (domain/strategy/bandit.ts, as JSON), written
-- under state_version like a task, and the choice each content item was made with, so the item's
-- engagement rewards the arms it used.

CREATE TABLE agent_strategies (
  agent_id       text PRIMARY KEY REFERENCES agents (id),
  state          jsonb NOT NULL,
  state_version  integer NOT NULL DEFAULT 0,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE content_pipeline ADD COLUMN strategy_choice jsonb;
