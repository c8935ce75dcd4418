// Tenants, API tokens, login links and browser sessions. Secrets are never stored: every lookup
// is by the SHA-256 of the secret, computed by the caller.

import type { Kysely, Selectable } from 'kysely';
import type { AccessRepository, NewApiToken, StoredApiToken } from '../store.js';
import type { ApiTokensTable, ChimeraSchema } from './schema.js';

export class PostgresAccessRepository implements AccessRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async ensureTenant(id: string, name: string): Promise<void> {
    await this.db
      .insertInto('tenants')
      .values({ id, name })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }

  async tenantExists(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('tenants')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insertToken(token: NewApiToken): Promise<StoredApiToken> {
    const row = await this.db
      .insertInto('api_tokens')
      .values(token)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toToken(row);
  }

  async tokenBySecret(secretHash: string, now: Date): Promise<StoredApiToken | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('secret_hash', '=', secretHash)
      .where('revoked_at', 'is', null)
      .where((where) => where.or([where('expires_at', 'is', null), where('expires_at', '>', now)]))
      .executeTakeFirst();
    return row && toToken(row);
  }

  async listTokens(tenantId: string): Promise<StoredApiToken[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at')
      .execute();
    return rows.map(toToken);
  }

  async revokeToken(tenantId: string, id: string, at: Date): Promise<StoredApiToken | undefined> {
    const row = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row && toToken(row);
  }

  async insertLoginLink(link: { secret_hash: string; token_id: string; expires_at: Date }) {
    await this.db.insertInto('login_links').values(link).execute();
  }

  async redeemLoginLink(secretHash: string, now: Date): Promise<StoredApiToken | undefined> {
    // One statement marks the link used, so two clicks race for it and one wins.
    const used = await this.db
      .updateTable('login_links')
      .set({ used_at: now })
      .where('secret_hash', '=', secretHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('token_id')
      .executeTakeFirst();
    if (!used) return undefined;
    return this.liveToken(used.token_id, now);
  }

  async insertSession(session: {
    secret_hash: string;
    token_id: string;
    csrf_token: string;
    expires_at: Date;
  }): Promise<void> {
    await this.db.insertInto('browser_sessions').values(session).execute();
  }

  async sessionBySecret(
    secretHash: string,
    now: Date,
  ): Promise<{ token: StoredApiToken; csrf_token: string; expires_at: Date } | undefined> {
    const session = await this.db
      .selectFrom('browser_sessions')
      .select(['token_id', 'csrf_token', 'expires_at'])
      .where('secret_hash', '=', secretHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!session) return undefined;
    const token = await this.liveToken(session.token_id, now);
    return token && { token, csrf_token: session.csrf_token, expires_at: session.expires_at };
  }

  private async liveToken(id: string, now: Date): Promise<StoredApiToken | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .where((where) => where.or([where('expires_at', 'is', null), where('expires_at', '>', now)]))
      .executeTakeFirst();
    return row && toToken(row);
  }
}

function toToken(row: Selectable<ApiTokensTable>): StoredApiToken {
  const { secret_hash: _hash, ...token } = row;
  return { ...token, role: token.role as StoredApiToken['role'] };
}
