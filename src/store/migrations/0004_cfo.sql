-- 0004: the CFO's tables. budget_tracking holds spent and reserved money per agent, period and
-- category (micro-USDC); spend_requests holds each request once, with its signed decision and
-- its reservation; ledger is the signed hash chain, append-only: a trigger refuses UPDATE,
-- DELETE and TRUNCATE, so not even the application can rewrite it.

CREATE TABLE budget_tracking (
  agent_id         text NOT NULL REFERENCES agents (id),
  period           text NOT NULL CHECK (period IN ('daily', 'weekly', 'monthly')),
  period_start     date NOT NULL,
  category         text NOT NULL,
  limit_amount     bigint NOT NULL CHECK (limit_amount >= 0),
  spent_amount     bigint NOT NULL DEFAULT 0 CHECK (spent_amount >= 0),
  reserved_amount  bigint NOT NULL DEFAULT 0 CHECK (reserved_amount >= 0),
  currency         text NOT NULL DEFAULT 'USDC',
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agent_id, period, period_start, category)
);

CREATE TABLE spend_requests (
  request_id         text PRIMARY KEY,
  agent_id           text NOT NULL REFERENCES agents (id),
  request_type       text NOT NULL,
  amount             numeric(78, 0) NOT NULL CHECK (amount > 0),
  currency           text NOT NULL,
  -- The amount in budget money (micro-USDC), rounded up; what the reservation holds.
  budget_amount      bigint NOT NULL,
  projected_revenue  numeric(78, 0),
  counterparty       text,
  justification      text NOT NULL,
  task_id            uuid,
  decision           jsonb NOT NULL,
  status             text NOT NULL CHECK (status IN ('reserved', 'settled', 'released', 'rejected')),
  -- The budget rows the reservation sits on: [{period, period_start, category}].
  budget_keys        jsonb NOT NULL DEFAULT '[]'::jsonb,
  reserved_until     timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spend_requests_agent_idx ON spend_requests (agent_id, created_at);
CREATE INDEX spend_requests_expiry_idx ON spend_requests (reserved_until) WHERE status = 'reserved';

CREATE TABLE ledger (
  seq                 bigint PRIMARY KEY,
  tx_id               text NOT NULL,
  agent_id            text NOT NULL,
  request_type        text NOT NULL,
  amount              numeric(78, 0) NOT NULL,
  currency            text NOT NULL,
  projected_roi       double precision,
  risk_score          double precision NOT NULL,
  decision            text NOT NULL CHECK (decision IN ('approve', 'escalate', 'reject')),
  reasons             jsonb NOT NULL,
  approval_signature  text NOT NULL,
  cfo_agent_id        text NOT NULL,
  prev_hash           text NOT NULL,
  entry_hash          text NOT NULL UNIQUE,
  created_at          timestamptz NOT NULL
);

CREATE FUNCTION chimera_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER ledger_no_update_or_delete
  BEFORE UPDATE OR DELETE ON ledger
  FOR EACH ROW EXECUTE FUNCTION chimera_ledger_append_only();

CREATE TRIGGER ledger_no_truncate
  BEFORE TRUNCATE ON ledger
  FOR EACH STATEMENT EXECUTE FUNCTION chimera_ledger_append_only();
