-- The network registry within one deployment (issue 13 §2): one row per node of the agent
-- network, holding its latest accepted heartbeat (domain/network/heartbeat.ts), as received
-- (heartbeat and signature), so that it can be verified again against public_jwk. A node is live
-- while expires_at (issued_at plus the heartbeat's 90 s TTL) is in the future; rows stay after
-- that, keeping the node's key registered. Deployment-wide: no tenant. The upsert, which only
-- ever moves a row to a later issued_at, is PostgresNetworkRepository.recordHeartbeat.

CREATE TABLE network_peers (
  node_id           text PRIMARY KEY,
  public_jwk        jsonb NOT NULL,
  endpoint          text NOT NULL,
  capabilities      text[] NOT NULL DEFAULT '{}',
  reputation_score  double precision NOT NULL CHECK (reputation_score BETWEEN 0 AND 100),
  status            text NOT NULL CHECK (status IN ('ready', 'saturated', 'sleeping')),
  issued_at         timestamptz NOT NULL,
  expires_at        timestamptz NOT NULL,
  heartbeat         jsonb NOT NULL,
  signature         jsonb NOT NULL,
  first_seen        timestamptz NOT NULL,
  last_seen         timestamptz NOT NULL
);

-- Live peers: expires_at > now.
CREATE INDEX network_peers_expires_at_idx ON network_peers (expires_at);
