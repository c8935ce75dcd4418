-- 0007: the local wallet store behind the bundled `wallet` MCP server, a simulated chain. Accounts
-- map agents to their derived addresses (no FK to agents: the wallet is an external system
-- simulated locally); balances are kept per address and currency in minor units and can never go
-- below zero; each transaction is unique by idempotency key. No key material is stored here.

CREATE TABLE wallet_accounts (
  agent_id    text PRIMARY KEY,
  address     text NOT NULL UNIQUE CHECK (address ~ '^0x[0-9a-fA-F]{40}$'),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE wallet_balances (
  address     text NOT NULL,
  currency    text NOT NULL,
  units       numeric(78, 0) NOT NULL DEFAULT 0 CHECK (units >= 0),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (address, currency)
);

CREATE TABLE wallet_transactions (
  tx_id            uuid PRIMARY KEY,
  idempotency_key  text NOT NULL UNIQUE,
  from_address     text NOT NULL,
  to_address       text NOT NULL,
  amount           numeric(78, 0) NOT NULL CHECK (amount > 0),
  currency         text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'confirmed', 'failed')),
  -- SHA-256 of the transfer's arguments: the same key with other arguments is refused.
  request_digest   text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wallet_transactions_from_idx ON wallet_transactions (from_address, created_at);
CREATE INDEX wallet_transactions_to_idx ON wallet_transactions (to_address, created_at);
