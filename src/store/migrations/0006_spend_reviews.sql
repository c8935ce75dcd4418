-- 0006: escalated spends wait for a person in the same review queue as content. A spend review
-- names its spend request; the request's decision is replaced by the person's (both decisions
-- stay in the ledger). cost_key groups the requests one task makes for one priced call, so a
-- task resumed after a person's approval finds the approved reservation again. hold_reason says
-- why the Planner keeps a pending task back (its agent's wallet is short); it is cleared when the
-- task is queued.

ALTER TABLE reviews ADD COLUMN spend_request_id text REFERENCES spend_requests (request_id);

ALTER TABLE spend_requests ADD COLUMN cost_key text;
CREATE INDEX spend_requests_cost_key_idx ON spend_requests (cost_key, created_at)
  WHERE cost_key IS NOT NULL;

ALTER TABLE tasks ADD COLUMN hold_reason text;
CREATE INDEX tasks_held_idx ON tasks (campaign_id) WHERE hold_reason IS NOT NULL;
