// The dashboard's one door to the server: fetch against the public /api/v1 with the session
// cookie, the session's CSRF token on every change, and RFC 9457 problems turned into ApiError.
// It keeps no data of its own; pages hold what they read.

/** A refused request: the problem's status, code, field and detail. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field: string | null,
    detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
const signedOutListeners = new Set<() => void>();

/** Remembers the session's CSRF token (GET /api/v1/session) for the changes that follow. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls `listener` whenever the server answers 401: the session ended or was revoked. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** Sends one request; resolves with the JSON answer or rejects with an ApiError. */
export async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', null, 'The server cannot be reached; check that it runs.');
  }
  if (response.ok) return (await response.json()) as T;
  const problem = (await response.json().catch(() => ({}))) as {
    code?: string;
    field?: string;
    detail?: string;
  };
  if (response.status === 401) for (const listener of signedOutListeners) listener();
  throw new ApiError(
    response.status,
    problem.code ?? 'HTTP_ERROR',
    problem.field ?? null,
    problem.detail ?? `${method} ${path} answered ${response.status}`,
  );
}

/** The message to show for a failed call. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
