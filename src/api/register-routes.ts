// Mounts the route table on fastify: authenticate the caller, validate path, query and body with
// the route's zod schemas (a failure is a 400 naming every bad field), call the service, answer.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
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
  return parsed.data;
}

/** The body, or an empty object for a route that takes none (whatever was sent is ignored). */
function bodyOf(request: FastifyRequest, route: RouteSpec): unknown {
  return route.body ? request.body : {};
}
