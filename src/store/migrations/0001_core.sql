-- 0001: the core runtime's tables. Forward-only; never edit once merged.
-- Later milestones add trends, content_pipeline, video_metadata, ledger, budget_tracking and
-- transactions as new numbered files.

CREATE TABLE agents (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  niche       text NOT NULL DEFAULT '',
  persona     jsonb NOT NULL DEFAULT '{}'::jsonb,
  status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'frozen')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE campaigns (
  id             uuid PRIMARY KEY,
  name           text NOT NULL,
  goal           text NOT NULL,
  agent_ids      text[] NOT NULL,
  schedule       jsonb NOT NULL,
  template       jsonb NOT NULL,
  status         text NOT NULL CHECK (status IN ('active', 'paused', 'completed', 'failed', 'cancelled')),
  state_version  integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_status_idx ON campaigns (status);

CREATE TABLE tasks (
  id                  uuid PRIMARY KEY,
  campaign_id         uuid NOT NULL REFERENCES campaigns (id),
  agent_id            text NOT NULL REFERENCES agents (id),
  step_key            text NOT NULL,
  type                text NOT NULL,
  spec_id             text NOT NULL,
  priority            text NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
  deadline            timestamptz,
  depends_on          uuid[] NOT NULL DEFAULT '{}',
  -- Fixed at launch (a DAG never changes): does any task depend on this one?
  has_dependents      boolean NOT NULL DEFAULT false,
  input               jsonb NOT NULL DEFAULT '{}'::jsonb,
  output              jsonb,
  feedback            jsonb NOT NULL DEFAULT '[]'::jsonb,
  status              text NOT NULL CHECK (status IN ('pending', 'queued', 'running', 'judging',
                        'awaiting_review', 'approved', 'rejected', 'done', 'failed', 'cancelled')),
  attempt             integer NOT NULL DEFAULT 0,
  max_attempts        integer NOT NULL CHECK (max_attempts > 0),
  idempotency_key     text NOT NULL UNIQUE,
  state_version       integer NOT NULL DEFAULT 0,
  assigned_worker_id  text,
  lease_expires_at    timestamptz,
  run_at              timestamptz,
  dispatched_at       timestamptz,
  error_code          text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_campaign_idx ON tasks (campaign_id);
-- Open tasks per campaign: "is anything left?" is a probe, not a scan over finished rows.
CREATE INDEX tasks_open_idx ON tasks (campaign_id)
  WHERE status NOT IN ('done', 'failed', 'cancelled');
CREATE INDEX tasks_lease_idx ON tasks (lease_expires_at) WHERE status = 'running';
CREATE INDEX tasks_dispatch_idx ON tasks (dispatched_at) WHERE status = 'queued';

CREATE TABLE task_results (
  id                  bigserial PRIMARY KEY,
  task_id             uuid NOT NULL REFERENCES tasks (id),
  attempt             integer NOT NULL,
  output              jsonb,
  confidence          double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  error_code          text,
  error_message       text,
  verdict             text CHECK (verdict IN ('approve', 'escalate', 'reject')),
  verdict_confidence  double precision,
  reasons             jsonb NOT NULL DEFAULT '[]'::jsonb,
  judged_at           timestamptz,
  duration_ms         double precision,
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (task_id, attempt)
);

CREATE TABLE reviews (
  id               uuid PRIMARY KEY,
  task_id          uuid NOT NULL REFERENCES tasks (id),
  attempt          integer NOT NULL,
  kind             text NOT NULL DEFAULT 'content',
  status           text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  reasons          jsonb NOT NULL DEFAULT '[]'::jsonb,
  decided_by       text,
  decision_reason  text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  decided_at       timestamptz,
  UNIQUE (task_id, attempt)
);
CREATE INDEX reviews_pending_idx ON reviews (created_at) WHERE status = 'pending';

-- Side effects authorized by an approve verdict. The unique key makes a replay a no-op.
-- An external effect (publishing) stays 'recorded' until its performer acts and marks it.
CREATE TABLE effects (
  id               bigserial PRIMARY KEY,
  task_id          uuid NOT NULL REFERENCES tasks (id),
  kind             text NOT NULL,
  idempotency_key  text NOT NULL UNIQUE,
  payload          jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'performed' CHECK (status IN ('recorded', 'performed')),
  attempts         integer NOT NULL DEFAULT 0,
  result           jsonb,
  performed_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX effects_unperformed_idx ON effects (created_at) WHERE status = 'recorded';

CREATE TABLE audit_logs (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor         text NOT NULL,
  action        text NOT NULL,
  subject_type  text NOT NULL,
  subject_id    text NOT NULL,
  detail        jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE trace_events (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  kind         text NOT NULL,
  spec_id      text NOT NULL,
  campaign_id  uuid,
  task_id      uuid,
  agent_id     text,
  attempt      integer,
  duration_ms  double precision,
  outcome      text NOT NULL,
  detail       jsonb NOT NULL DEFAULT '{}'::jsonb
);
-- Time-ordered and append-only: a BRIN index serves pruning by age at almost no write cost.
CREATE INDEX trace_events_at_idx ON trace_events USING brin (at);
CREATE INDEX trace_events_task_idx ON trace_events (task_id);
