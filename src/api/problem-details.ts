// Errors at the HTTP edge as RFC 9457 problem details (application/problem+json), each naming
// the field, parameter or header at fault. Known errors keep their code and get their status;
// anything else is logged and answered as a plain 500, never with a stack trace.

import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { ChimeraError, type ErrorCode } from '../domain/errors.js';
import {
  PG_DEADLOCK_DETECTED,
  PG_SERIALIZATION_FAILURE,
  sqlState,
} from '../store/postgres/postgres-error-codes.js';

/** A problem to answer with. */
export interface Problem {
  status: number;
  code: string;
  field: string;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  INPUT_INVALID: 422,
  AGENT_UNKNOWN: 422,
  SKILL_UNKNOWN: 422,
  SPEC_UNKNOWN_ID: 422,
  SKILL_INPUT_INVALID: 422,
  AUTH_REQUIRED: 401,
  AUTH_FORBIDDEN: 403,
  STORE_NOT_FOUND: 404,
  STORE_VERSION_CONFLICT: 409,
  TASK_ILLEGAL_TRANSITION: 409,
  REVIEW_ALREADY_DECIDED: 409,
  CAMPAIGN_ILLEGAL_TRANSITION: 409,
  AUTH_RATE_LIMITED: 429,
  SPEND_REJECTED: 402,
  SPEND_ESCALATED: 402,
  // Another node failed the request (RFC 4918's Failed Dependency): not this server's fault.
  NETWORK_PROVIDER_UNTRUSTED: 424,
  NETWORK_REFUSED: 424,
  NETWORK_UNREACHABLE: 424,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  402: 'Payment required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Content too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  424: 'Failed dependency',
  429: 'Too many requests',
  500: 'Internal server error',
};

/** The problem for a request that failed its schema: one entry per bad field. */
export function validationProblem(where: 'path' | 'query' | 'body', error: z.ZodError): Problem {
  const errors = error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = errors[0] ?? { field: where, message: 'invalid' };
  return {
    status: 400,
    code: 'INPUT_INVALID',
    field: first.field,
    detail: errors.map((item) => `${item.field}: ${item.message}`).join('; '),
    errors,
  };
}

/** The problem for anything a handler or a hook threw; undefined for an unexpected error. */
export function problemOf(error: unknown): Problem | undefined {
  if (error instanceof ChimeraError) {
    const status = STATUS[error.code];
    if (status === undefined) return undefined;
    return { status, code: error.code, field: fieldOf(error, status), detail: error.message };
  }
  // Two writers crossed in PostgreSQL and it rolled one back: nothing changed, try again.
  const state = sqlState(error);
  if (state === PG_DEADLOCK_DETECTED || state === PG_SERIALIZATION_FAILURE) {
    return {
      status: 409,
      code: 'STORE_VERSION_CONFLICT',
      field: 'path',
      detail:
        'path: a concurrent change collided with this one and it was rolled back; nothing changed, retry',
    };
  }
  // Fastify's own errors: malformed JSON, a wrong content type, a body too large, a bad URL.
  const fastify = error as { statusCode?: number; code?: string; message?: string };
  if (
    typeof fastify.statusCode === 'number' &&
    fastify.statusCode >= 400 &&
    fastify.statusCode < 500
  ) {
    const known = FASTIFY_PROBLEMS[fastify.code ?? ''];
    const field =
      known?.field ??
      (fastify.statusCode === 415
        ? 'content-type'
        : fastify.statusCode === 429
          ? 'authorization'
          : 'body');
    return {
      status: fastify.statusCode,
      code: fastify.statusCode === 429 ? 'AUTH_RATE_LIMITED' : 'INPUT_INVALID',
      field,
      detail: known?.detail ?? `${field}: ${fastify.message ?? 'invalid request'}`,
    };
  }
  return undefined;
}

/**
 * Fastify errors about something other than the body, and a detail for those whose message
 * would echo the whole (possibly huge) URL back. The router's two reach the error handler
 * through the server's `frameworkErrors` option.
 */
const FASTIFY_PROBLEMS: Record<string, { field: string; detail?: string }> = {
  FST_ERR_BAD_URL: { field: 'path', detail: 'path: not a valid URL; check its percent-encoding' },
  FST_ERR_MAX_PARAM_LENGTH: { field: 'path', detail: 'path: a path parameter is too long' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { field: 'content-length' },
};

/** Sends `problem` as application/problem+json. */
export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: `https://chimera.dev/problems/${problem.code.toLowerCase().replace(/_/g, '-')}`,
      title: TITLES[problem.status] ?? 'Error',
      ...problem,
    });
}

/** The internal error answer: no message, no stack; the log has the details. */
export const INTERNAL_PROBLEM: Problem = {
  status: 500,
  code: 'INTERNAL',
  field: '(server)',
  detail: 'internal error; the server log has the details',
};

const FIELD_PREFIX = /(?:^|: )([A-Za-z_][\w.[\]-]*): /;

/** The field an error names: its context, else the `field: problem` prefix of its message. */
function fieldOf(error: ChimeraError, status: number): string {
  if (error.context.field) return error.context.field;
  if (status === 401 || status === 403 || status === 429) return 'authorization';
  if (status === 404 || status === 409) return 'id';
  return FIELD_PREFIX.exec(error.message)?.[1] ?? 'body';
}
