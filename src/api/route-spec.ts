// One HTTP route as data: its method and path, the least role that may call it, zod schemas for
// its parameters, query, body and response, an example, and the service call it makes. The
// server registers routes from this table, the OpenAPI document is generated from it, and the
// authorization tests are generated from it, so a new route cannot skip any of the three.

import type { z } from 'zod';
import type { Actor, Role } from '../domain/actor.js';
import type { ChimeraServices } from '../services/chimera-services.js';

/** What a handler gets: the caller, the services, and its validated input. */
export interface RouteCall<Params, Query, Body> {
  actor: Actor;
  services: ChimeraServices;
  params: Params;
  query: Query;
  body: Body;
  /** The CSRF token of the caller's browser session; null for a bearer token. */
  csrfToken: string | null;
}

/** A route of the operator API. */
export interface RouteSpec<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Fastify-style path: '/api/v1/agents/:id'. */
  path: string;
  operationId: string;
  summary: string;
  /** The OpenAPI tag the route is listed under. */
  tag: string;
  /** The least role that may call it; the service enforces it, the route table documents it. */
  role: Role;
  params?: Params;
  query?: Query;
  body?: Body;
  response: z.ZodType;
  /** The status of a success. @defaultValue 200 */
  status?: 200 | 201;
  /**
   * An example request (its query where one is required, its body where it takes one) and
   * response, shown in the API reference and called by the authorization tests.
   */
  example: { query?: z.input<Query>; body?: z.input<Body>; response: unknown };
  handler(call: RouteCall<z.output<Params>, z.output<Query>, z.output<Body>>): Promise<unknown>;
}

/** Declares a route with its handler's input types inferred from its schemas. */
export function defineRoute<
  Params extends z.ZodType = z.ZodType<Record<string, never>>,
  Query extends z.ZodType = z.ZodType<Record<string, never>>,
  Body extends z.ZodType = z.ZodType<undefined>,
>(route: RouteSpec<Params, Query, Body>): RouteSpec {
  return route as unknown as RouteSpec;
}
