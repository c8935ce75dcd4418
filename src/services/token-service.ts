// API tokens and browser sign-in. Operators create, list and revoke tokens of their tenant; a
// token's secret is shown once and only its hash is stored. A login link is a one-time secret
// (10 minutes) that opens a browser session acting as one token; the session's cookie is HttpOnly
// and its mutations need the session's CSRF token.

import { type Actor, actorLabel, type Role } from '../domain/actor.js';
import { hashSecret, newSecret } from '../domain/bearer-secret.js';
import { InputError } from '../domain/errors.js';
import type { StoredApiToken } from '../store/store.js';
import { found, requireRole } from './access-check.js';
import { AuthenticationCache } from './authentication-cache.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** How long a login link stays valid. */
export const LOGIN_LINK_TTL_MS = 10 * 60_000;
/** How long a browser session lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;

/** What a new token is for. */
export interface TokenRequest {
  role: Role;
  /** The agent the token acts as (MCP tool calls are charged to it). */
  agentId?: string | undefined;
  /** A label for people. */
  name?: string | undefined;
  /** Lifetime in days; none: until revoked. */
  expiresInDays?: number | undefined;
}

/** An opened browser session: the cookie's secret and the CSRF token its mutations must send. */
export interface BrowserSession {
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

export class TokenService {
  private readonly now: () => Date;
  private readonly cache: AuthenticationCache;

  constructor(private readonly deps: ServiceDependencies) {
    this.now = deps.now ?? (() => new Date());
    this.cache = new AuthenticationCache(deps.events, this.now);
  }

  /** Creates a token in the caller's tenant; returns it with its secret, shown only now. */
  async create(
    actor: Actor,
    request: TokenRequest,
  ): Promise<{ token: StoredApiToken; secret: string }> {
    requireRole(actor, 'operator', 'creating a token');
    const { store } = this.deps;
    if (request.agentId) {
      found(
        await store.tenantViews.getAgent(actor.tenantId, request.agentId),
        'agent',
        request.agentId,
      );
    }
    if (
      request.expiresInDays !== undefined &&
      !(Number.isFinite(request.expiresInDays) && request.expiresInDays > 0)
    ) {
      throw new InputError(`expires: give a positive number of days, got ${request.expiresInDays}`);
    }
    const secret = newSecret('chm');
    return store.transaction(async (tx) => {
      const token = await tx.access.insertToken({
        id: crypto.randomUUID(),
        tenant_id: actor.tenantId,
        role: request.role,
        agent_id: request.agentId ?? null,
        name: request.name ?? '',
        secret_hash: hashSecret(secret),
        created_by: actorLabel(actor),
        expires_at:
          request.expiresInDays === undefined
            ? null
            : new Date(this.now().getTime() + request.expiresInDays * 86_400_000),
      });
      await tx.audit.write({
        actor: actorLabel(actor),
        tenant_id: actor.tenantId,
        action: 'token.create',
        subject_type: 'token',
        subject_id: token.id,
        detail: { before: null, after: { role: token.role, agent_id: token.agent_id } },
      });
      return { token, secret };
    });
  }

  list(actor: Actor): Promise<StoredApiToken[]> {
    requireRole(actor, 'operator', 'listing tokens');
    return this.deps.store.access.listTokens(actor.tenantId);
  }

  async revoke(actor: Actor, id: string): Promise<StoredApiToken> {
    requireRole(actor, 'operator', 'revoking a token');
    const revoked = await this.deps.store.transaction(async (tx) => {
      const token = found(
        await tx.access.revokeToken(actor.tenantId, id, this.now()),
        'live token',
        id,
      );
      await tx.audit.write({
        actor: actorLabel(actor),
        tenant_id: actor.tenantId,
        action: 'token.revoke',
        subject_type: 'token',
        subject_id: id,
        detail: { before: { revoked: false }, after: { revoked: true } },
      });
      return token;
    });
    // Every process hears of it from the feed; this one need not wait for that.
    this.cache.forgetTenant(actor.tenantId);
    return revoked;
  }

  /** The actor a bearer secret stands for; undefined when it is unknown, expired or revoked. */
  async authenticate(secret: string): Promise<Actor | undefined> {
    const hash = hashSecret(secret);
    const caller = await this.cache.get(`token:${hash}`, async () => {
      const token = await this.deps.store.access.tokenBySecret(hash, this.now());
      return (
        token && { actor: tokenActor(token, 'token'), csrfToken: null, expiresAt: token.expires_at }
      );
    });
    return caller?.actor;
  }

  /**
   * A one-time sign-in link secret for `tokenId` (default: the caller's own token), valid 10
   * minutes. The local CLI names the token, since it has none of its own.
   */
  async createLoginLink(
    actor: Actor,
    tokenId: string,
  ): Promise<{ secret: string; expiresAt: Date }> {
    requireRole(actor, 'operator', 'creating a login link');
    const tokens = await this.deps.store.access.listTokens(actor.tenantId);
    const token = found(
      tokens.find((item) => item.id === tokenId && item.revoked_at === null),
      'live token',
      tokenId,
    );
    const secret = newSecret('chl');
    const expiresAt = new Date(this.now().getTime() + LOGIN_LINK_TTL_MS);
    await this.deps.store.transaction(async (tx) => {
      await tx.access.insertLoginLink({
        secret_hash: hashSecret(secret),
        token_id: token.id,
        expires_at: expiresAt,
      });
      await tx.audit.write({
        actor: actorLabel(actor),
        tenant_id: actor.tenantId,
        action: 'token.login_link',
        subject_type: 'token',
        subject_id: token.id,
        detail: { before: null, after: { expires_at: expiresAt.toISOString() } },
      });
    });
    return { secret, expiresAt };
  }

  /** Redeems a login link once, opening a browser session; undefined when used or expired. */
  async redeemLoginLink(secret: string): Promise<BrowserSession | undefined> {
    const now = this.now();
    const session = {
      secret: newSecret('chs'),
      csrfToken: newSecret('csrf'),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    };
    return this.deps.store.transaction(async (tx) => {
      const token = await tx.access.redeemLoginLink(hashSecret(secret), now);
      if (!token) return undefined;
      await tx.access.insertSession({
        secret_hash: hashSecret(session.secret),
        token_id: token.id,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
      });
      await tx.audit.write({
        actor: `token:${token.id}`,
        tenant_id: token.tenant_id,
        action: 'session.open',
        subject_type: 'token',
        subject_id: token.id,
        detail: { before: null, after: { expires_at: session.expiresAt.toISOString() } },
      });
      return session;
    });
  }

  /** The actor and CSRF token of a live browser session. */
  async sessionActor(secret: string): Promise<{ actor: Actor; csrfToken: string } | undefined> {
    const hash = hashSecret(secret);
    const caller = await this.cache.get(`session:${hash}`, async () => {
      const session = await this.deps.store.access.sessionBySecret(hash, this.now());
      return (
        session && {
          actor: tokenActor(session.token, 'session'),
          csrfToken: session.csrf_token,
          expiresAt: earliest(session.expires_at, session.token.expires_at),
        }
      );
    });
    return caller?.csrfToken ? { actor: caller.actor, csrfToken: caller.csrfToken } : undefined;
  }
}

function tokenActor(token: StoredApiToken, kind: 'token' | 'session'): Actor {
  return {
    kind,
    id: token.id,
    tenantId: token.tenant_id,
    role: token.role,
    agentId: token.agent_id,
  };
}

/** The earlier of a session's end and its token's expiry (null: none). */
function earliest(sessionEnd: Date, tokenExpiry: Date | null): Date {
  return tokenExpiry && tokenExpiry < sessionEnd ? tokenExpiry : sessionEnd;
}
