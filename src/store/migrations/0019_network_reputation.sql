-- Reputation from evidence (issue 13 §5). network_beats keeps the issue time of every heartbeat
-- the registry accepted, a week of them, so that a node's uptime is the share of the minutes it
-- beat in. network_reputation keeps each recomputation of this node's reputation (every 15 min)
-- with the inputs and components it was made of (domain/network/reputation.ts), so any score
-- can be explained; the latest one is what its heartbeat publishes.

CREATE TABLE network_beats (
  node_id    text NOT NULL,
  issued_at  timestamptz NOT NULL,
  PRIMARY KEY (node_id, issued_at)
);

CREATE TABLE network_reputation (
  node_id      text NOT NULL,
  computed_at  timestamptz NOT NULL,
  score        double precision NOT NULL CHECK (score BETWEEN 0 AND 100),
  inputs       jsonb NOT NULL,
  components   jsonb NOT NULL,
  PRIMARY KEY (node_id, computed_at)
);
