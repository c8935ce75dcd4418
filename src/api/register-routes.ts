// Mounts the route table on fastify: authenticate the caller, validate path, query and body with
// the route's zod schemas (a failure is a 400 naming every bad field), refuse input the store
// cannot hold (a NUL or a lone surrogate in any string or key, nesting over 100 levels) with a
// 400 naming where, call the service, answer.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { isStorableText, UNSTORABLE_TEXT } from '../domain/storable-text.js';
import type { ChimeraServices } from '../services/chimera-services.js';
import { authenticate } from './authenticate.js';
import { type Problem, validationProblem } from './problem-details.js';
import type { RouteSpec } from './route-spec.js';

/** Thrown to answer with a problem; the server's error handler sends it. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

export function registerRoutes(
  http: FastifyInstance,
  routes: readonly RouteSpec[],
  services: ChimeraServices,
): void {
  for (const route of routes) {
    http.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        const caller = await authenticate(request, services);
        const result = await route.handler({
          actor: caller.actor,
          csrfToken: caller.csrfToken,
          services,
          params: parse('path', route.params, request.params),
          query: parse('query', route.query, request.query),
          body: parse('body', route.body, bodyOf(request, route)),
        });
        return reply.code(route.status ?? 200).send(result);
      },
    });
  }
}

function parse(where: 'path' | 'query' | 'body', schema: z.ZodType | undefined, value: unknown) {
  if (!schema) return {};
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw new ProblemError(validationProblem(where, parsed.error));
  const bad = unstorable(parsed.data);
  if (bad) {
    const field = [where, ...bad.path].join('.');
    throw new ProblemError({
      status: 400,
      code: 'INPUT_INVALID',
      field,
      detail: `${field}: ${bad.message}`,
      errors: [{ field, message: bad.message }],
    });
  }
  return parsed.data;
}

/** How deep a value may nest; deeper, storing it (JSON.stringify) would overflow the stack. */
const MAX_DEPTH = 100;

/** A key on the way down a value, with the step it was reached from. */
interface Step {
  key: string;
  parent: Step | undefined;
  depth: number;
}

/**
 * Where `value` holds what cannot be stored: a string or key with a NUL or a lone surrogate, or
 * nesting deeper than MAX_DEPTH. Walks with its own stack, as a body may nest deeper than the
 * call stack goes.
 */
function unstorable(value: unknown): { path: string[]; message: string } | undefined {
  const stack: Array<[unknown, Step | undefined]> = [[value, undefined]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, at] = next;
    if (typeof item === 'string') {
      if (!isStorableText(item)) return { path: pathOf(at), message: UNSTORABLE_TEXT };
    } else if (typeof item === 'object' && item !== null) {
      const depth = (at?.depth ?? 0) + 1;
      if (depth > MAX_DEPTH) {
        return { path: pathOf(at), message: `nest values at most ${MAX_DEPTH} levels deep` };
      }
      for (const [key, child] of Object.entries(item)) {
        const step = { key, parent: at, depth };
        if (!isStorableText(key)) return { path: pathOf(step), message: UNSTORABLE_TEXT };
        stack.push([child, step]);
      }
    }
  }
  return undefined;
}

/** The keys from the root to `step`; past 32 levels, the first 32 and '…'. */
function pathOf(step: Step | undefined): string[] {
  const path: string[] = [];
  for (let at = step; at; at = at.parent) path.push(at.key);
  path.reverse();
  return path.length > 32 ? [...path.slice(0, 32), '…'] : path;
}

/** The body, or an empty object for a route that takes none (whatever was sent is ignored). */
function bodyOf(request: FastifyRequest, route: RouteSpec): unknown {
  return route.body ? request.body : {};
}
