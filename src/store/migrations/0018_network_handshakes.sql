-- The handshake between nodes (issue 13 §3): a hiring agent on one node pays a provider node to
-- run a skill, through verification, negotiation, execution and settlement on A2A tasks.
--
-- network_nonces: every nonce a node accepted from a signer, kept until the message could no
-- longer pass the 30 s skew check anyway; a second use is a replay. Claimed by insert, so of two
-- racing copies of one message only one gets through.
--
-- a2a_tasks: the provider's A2A tasks, as @a2a-js/sdk's TaskStore saves them (the task's wire
-- JSON), owned by the hiring node, so that a node restarting mid-handshake still answers GetTask.
--
-- network_sleep: the nodes put to sleep for maintenance (`chimera network sleep`); while a node's
-- row is here, its /a2a endpoint answers 503. Any process of the deployment may set or read it.
--
-- network_handshakes: each side's record of each hire, the source of truth for resuming after a
-- crash. `phase` moves negotiation → execution → settlement → settled, or to refunded or declined,
-- each move guarded by state_version. On the hirer, escrow_request_id is the CFO spend request
-- that holds the escrow; on both, receipt is the provider's signed x402-shaped receipt, and
-- settling appends it to the CFO ledger (tx_id = the receipt's transaction).

CREATE TABLE network_nonces (
  signer      text NOT NULL,
  nonce       text NOT NULL,
  expires_at  timestamptz NOT NULL,
  PRIMARY KEY (signer, nonce)
);
CREATE INDEX network_nonces_expires_at_idx ON network_nonces (expires_at);

CREATE TABLE network_sleep (
  node_id     text PRIMARY KEY,
  since       timestamptz NOT NULL,
  -- Who put it to sleep, for people.
  actor       text NOT NULL
);

CREATE TABLE a2a_tasks (
  id          text PRIMARY KEY,
  owner       text NOT NULL,
  context_id  text NOT NULL,
  task        jsonb NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX a2a_tasks_owner_idx ON a2a_tasks (owner, updated_at DESC);

CREATE TABLE network_handshakes (
  role               text NOT NULL CHECK (role IN ('provider', 'hirer')),
  task_id            text NOT NULL,
  counterparty       text NOT NULL,
  -- The hiring agent, on the hirer's side.
  tenant_id          text,
  agent_id           text,
  skill              text NOT NULL,
  input              jsonb NOT NULL,
  phase              text NOT NULL
                     CHECK (phase IN ('negotiation', 'execution', 'settlement', 'settled',
                                      'refunded', 'declined')),
  quote              jsonb,
  escrow_request_id  text UNIQUE,
  result             jsonb,
  receipt            jsonb,
  failure            text,
  state_version      integer NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  PRIMARY KEY (role, task_id),
  CHECK ((role = 'hirer') = (agent_id IS NOT NULL))
);
CREATE INDEX network_handshakes_open_idx ON network_handshakes (role, phase)
  WHERE phase IN ('negotiation', 'execution', 'settlement');
