// Who is calling: a bearer token (`Authorization: Bearer chm_…`), or a browser session cookie
// opened from a login link, whose mutations must also send the session's CSRF token in
// `X-CSRF-Token`. There is no anonymous caller: every API, seed and MCP route needs one.

import type { FastifyRequest } from 'fastify';
import type { Actor } from '../domain/actor.js';
import { AuthForbidden, AuthRequired } from '../domain/errors.js';
import type { ChimeraServices } from '../services/chimera-services.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'chimera_session';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The authenticated caller, and its session's CSRF token when it came by cookie. */
export interface Caller {
  actor: Actor;
  csrfToken: string | null;
}

/** Authenticates `request`; throws AUTH_REQUIRED (401) or, for a missing CSRF token, 403. */
export async function authenticate(
  request: FastifyRequest,
  services: ChimeraServices,
): Promise<Caller> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const secret = BEARER.exec(header)?.[1];
    if (!secret) throw new AuthRequired('authorization: use "Bearer <token>"');
    const actor = await services.tokens.authenticate(secret);
    if (!actor) throw new AuthRequired('authorization: the token is unknown, expired or revoked');
    return { actor, csrfToken: null };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) {
    const session = await services.tokens.sessionActor(cookie);
    if (!session) throw new AuthRequired('the session has ended; open a new login link');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (sent !== session.csrfToken) {
        throw new AuthForbidden(
          'x-csrf-token: a browser session must send its CSRF token (GET /api/v1/session) with every change',
          'x-csrf-token',
        );
      }
    }
    return session;
  }
  throw new AuthRequired();
}
