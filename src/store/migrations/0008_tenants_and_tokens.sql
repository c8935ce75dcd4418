-- Tenants, API tokens and browser sign-in. Agents and campaigns carry their tenant; tasks,
-- reviews, budgets, ledger entries, wallets and posts belong to the tenant of their agent.
-- Existing rows join the 'default' tenant that the embedded start uses.

CREATE TABLE tenants (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO tenants (id, name) VALUES ('default', 'Default tenant');

ALTER TABLE agents ADD COLUMN tenant_id text NOT NULL DEFAULT 'default' REFERENCES tenants (id);
CREATE INDEX agents_tenant_idx ON agents (tenant_id);
ALTER TABLE campaigns ADD COLUMN tenant_id text NOT NULL DEFAULT 'default' REFERENCES tenants (id);
CREATE INDEX campaigns_tenant_idx ON campaigns (tenant_id, created_at);

-- Who did it, in which tenant; `detail` holds the before/after summary.
ALTER TABLE audit_logs ADD COLUMN tenant_id text;
CREATE INDEX audit_logs_tenant_idx ON audit_logs (tenant_id, at);

-- Bearer tokens: only the SHA-256 of the secret is stored.
CREATE TABLE api_tokens (
  id            uuid PRIMARY KEY,
  tenant_id     text NOT NULL REFERENCES tenants (id),
  role          text NOT NULL CHECK (role IN ('operator', 'reviewer', 'viewer')),
  agent_id      text REFERENCES agents (id),
  name          text NOT NULL DEFAULT '',
  secret_hash   text NOT NULL UNIQUE,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_tokens_tenant_idx ON api_tokens (tenant_id, created_at);

-- One-time sign-in links, and the browser sessions they open. Hashes only, like tokens.
CREATE TABLE login_links (
  secret_hash  text PRIMARY KEY,
  token_id     uuid NOT NULL REFERENCES api_tokens (id),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);

CREATE TABLE browser_sessions (
  secret_hash  text PRIMARY KEY,
  token_id     uuid NOT NULL REFERENCES api_tokens (id),
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
