// Moltbook's REST API through `fetch`: the bearer key on every request, JSON in and out, the
// answer checked against its zod schema, and every failure turned into a MoltbookError whose
// message names the request, what Moltbook said and, for a 429, when to retry. No retries here:
// the MCP hub and the effect executor decide when to try again.

import type { z } from 'zod';
import { ChimeraError } from '../../../domain/errors.js';
import { fieldProblems } from '../../../domain/field-problems.js';
import { Refusal } from './moltbook-wire.js';

/** Where Moltbook's own documentation of its API lives; named in contract errors. */
export const MOLTBOOK_DOCS = 'https://www.moltbook.com/skill.md';

/** A request Moltbook did not answer as its contract says. */
export class MoltbookError extends ChimeraError {
  /** The HTTP status Moltbook answered with; undefined when it did not answer. */
  readonly status: number | undefined;
  /**
   * True when Moltbook answered with an error status, so it made nothing; false when it did not
   * answer, or answered 2xx with a body that breaks the contract (it may have made something).
   */
  readonly refused: boolean;
  /** Seconds to wait before retrying, for a 429 that said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    message: string,
    details: { status?: number; refused: boolean; retryAfterSeconds?: number; cause?: unknown },
  ) {
    const retryable =
      details.status === undefined || details.status === 429 || details.status >= 500;
    super('MCP_TOOL_FAILED', message, { cause: details.cause, retryable });
    this.status = details.status;
    this.refused = details.refused;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** Client options; all three are injectable so tests can point it at a local server. */
export interface MoltbookClientOptions {
  /** Base URL of the API, e.g. 'https://www.moltbook.com/api/v1' (no trailing slash). */
  baseUrl: string;
  fetch: typeof fetch;
  /** The clock a 429's retry time is reported on. */
  now: () => Date;
}

/** One request: the account's key, an optional JSON body, and the schema of the answer. */
export interface MoltbookRequest<Schema extends z.ZodType> {
  apiKey: string;
  body?: Record<string, unknown>;
  schema: Schema;
  signal?: AbortSignal | undefined;
}

export class MoltbookClient {
  constructor(private readonly options: MoltbookClientOptions) {}

  /** Sends `method path` and returns the answer parsed by `request.schema`. */
  async send<Schema extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    request: MoltbookRequest<Schema>,
  ): Promise<z.infer<Schema>> {
    const what = `${method} ${path}`;
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(`${this.options.baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${request.apiKey}`,
          Accept: 'application/json',
          ...(request.body && { 'Content-Type': 'application/json' }),
        },
        ...(request.body && { body: JSON.stringify(request.body) }),
        // A redirect (moltbook.com → www.moltbook.com) drops the Authorization header: refuse it.
        redirect: 'error',
        ...(request.signal && { signal: request.signal }),
      });
      text = await response.text();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MoltbookError(
        `${what}: Moltbook at ${this.options.baseUrl} did not answer (${reason})`,
        { refused: false, cause: error },
      );
    }
    const body = parseJson(text);
    if (!response.ok) throw this.refusal(what, response, body);
    const parsed = request.schema.safeParse(body);
    if (!parsed.success) {
      const problems = body === undefined ? ['(body): not JSON'] : fieldProblems(parsed.error);
      throw new MoltbookError(
        `${what}: Moltbook's answer (${response.status}) breaks the contract this adapter was built on (${MOLTBOOK_DOCS}): ${problems.join('; ')}`,
        { status: response.status, refused: false },
      );
    }
    return parsed.data;
  }

  private refusal(what: string, response: Response, body: unknown): MoltbookError {
    const refusal = Refusal.safeParse(body ?? {});
    const said = refusal.success ? saying(refusal.data) : '';
    const status = response.status;
    if (status === 401) {
      return new MoltbookError(
        `${what}: Moltbook refused the API key (401${said}); give the server the key Moltbook issued to the agent's account (moltbook_…)`,
        { status, refused: true },
      );
    }
    if (status === 403) {
      return new MoltbookError(`${what}: Moltbook forbids this to the account (403${said})`, {
        status,
        refused: true,
      });
    }
    if (status === 404) {
      return new MoltbookError(`${what}: not found on Moltbook (404${said})`, {
        status,
        refused: true,
      });
    }
    if (status === 429) {
      const now = this.options.now();
      const seconds = retryAfterSeconds(response, refusal.success ? refusal.data : {}, now);
      const when =
        seconds === undefined
          ? 'Moltbook gave no retry time'
          : `retry in ${seconds} s, after ${new Date(now.getTime() + seconds * 1_000).toISOString()}`;
      return new MoltbookError(`${what}: Moltbook's rate limit was reached (429${said}); ${when}`, {
        status,
        refused: true,
        ...(seconds !== undefined && { retryAfterSeconds: seconds }),
      });
    }
    return new MoltbookError(`${what}: Moltbook answered ${status}${said}`, {
      status,
      refused: true,
    });
  }
}

/** ": <error> (hint: <hint>)", from what the refusal says. */
function saying(refusal: Refusal): string {
  const hint = refusal.hint ? ` (hint: ${refusal.hint})` : '';
  return refusal.error ? `: ${refusal.error}${hint}` : hint;
}

/**
 * The wait a 429 asks for, in whole seconds: the Retry-After header (seconds or an HTTP date),
 * else the body's retry_after_seconds, retryAfter or retry_after_minutes.
 */
function retryAfterSeconds(response: Response, refusal: Refusal, now: Date): number | undefined {
  const header = response.headers.get('retry-after')?.trim();
  if (header) {
    if (/^\d+$/.test(header)) return Number(header);
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now.getTime()) / 1_000));
  }
  const seconds =
    refusal.retry_after_seconds ??
    refusal.retryAfter ??
    (refusal.retry_after_minutes === undefined ? undefined : refusal.retry_after_minutes * 60);
  return seconds === undefined ? undefined : Math.ceil(seconds);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
