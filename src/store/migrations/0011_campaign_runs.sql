-- Schedules: each occurrence of a campaign's schedule is a run with a task DAG of its own.
-- campaigns.next_run_at is the occurrence the scheduler sweep starts next (null: none); a run is
-- unique per occurrence, so two processes sweeping at once start it once. Every task belongs to
-- a run; campaigns made before this migration get their one run here.

CREATE TABLE campaign_runs (
  id             uuid PRIMARY KEY,
  campaign_id    uuid NOT NULL REFERENCES campaigns (id),
  seq            integer NOT NULL CHECK (seq > 0),
  scheduled_for  timestamptz NOT NULL,
  folded         integer NOT NULL DEFAULT 0 CHECK (folded >= 0),
  status         text NOT NULL DEFAULT 'running'
                 CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz,
  UNIQUE (campaign_id, seq),
  UNIQUE (campaign_id, scheduled_for)
);
CREATE INDEX campaign_runs_open_idx ON campaign_runs (campaign_id) WHERE status = 'running';

ALTER TABLE campaigns ADD COLUMN next_run_at timestamptz;
CREATE INDEX campaigns_due_idx ON campaigns (next_run_at)
  WHERE status = 'active' AND next_run_at IS NOT NULL;

INSERT INTO campaign_runs (id, campaign_id, seq, scheduled_for, status, started_at, finished_at)
SELECT gen_random_uuid(), id, 1, created_at,
       CASE WHEN status IN ('active', 'paused') THEN 'running'
            WHEN status = 'completed' THEN 'completed'
            WHEN status = 'failed' THEN 'failed'
            ELSE 'cancelled' END,
       created_at,
       CASE WHEN status IN ('active', 'paused') THEN NULL ELSE updated_at END
  FROM campaigns;

ALTER TABLE tasks ADD COLUMN campaign_run_id uuid REFERENCES campaign_runs (id);
UPDATE tasks SET campaign_run_id = runs.id
  FROM campaign_runs AS runs WHERE runs.campaign_id = tasks.campaign_id;
ALTER TABLE tasks ALTER COLUMN campaign_run_id SET NOT NULL;
CREATE INDEX tasks_campaign_run_idx ON tasks (campaign_run_id);
