// Who is signed in: GET /api/v1/session on load gives the role (for role-aware controls) and the
// CSRF token (for changes). A 401 from any call means the session ended: the sign-in page again.
// The browser never sees the session secret itself; it is an HttpOnly cookie.

import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, errorMessage, onSignedOut, setCsrfToken } from '../api/client';
import { api } from '../api/endpoints';
import type { Role, Session } from '../api/wire-types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'failed'; message: string }
  | { status: 'signed-in'; session: Session };

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, operator: 2 };

/** True when `role` includes `least` (viewer ⊂ reviewer ⊂ operator), as the services check. */
export function mayAct(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}

/** Loads the session, and reloads it on demand or when the server says it ended. */
export function useSessionState(): { state: SessionState; reload: () => void } {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const reload = useCallback(() => {
    api.session().then(
      (session) => {
        setCsrfToken(session.csrf_token);
        setState({ status: 'signed-in', session });
      },
      (error: unknown) => {
        setCsrfToken(null);
        setState(
          error instanceof ApiError && error.status === 401
            ? { status: 'signed-out' }
            : { status: 'failed', message: errorMessage(error) },
        );
      },
    );
  }, []);
  useEffect(() => {
    reload();
    return onSignedOut(() => {
      setCsrfToken(null);
      setState({ status: 'signed-out' });
    });
  }, [reload]);
  return { state, reload };
}

const SessionContext = createContext<Session | null>(null);
export const SessionProvider = SessionContext.Provider;

/** The signed-in session; only inside the signed-in shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in shell');
  return session;
}
