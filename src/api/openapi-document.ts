// The OpenAPI 3.1 document of the API, generated from the route table's zod schemas: each route's
// parameters, body, answer, example and the problems it may answer with.

import { z } from 'zod';
import type { RouteSpec } from './route-spec.js';
import { ProblemWire } from './wire-schemas.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io,
  }) as JsonSchema;
  return rest;
}

/** OpenAPI parameters for a path or query schema (a zod object). */
function parameters(where: 'path' | 'query', schema: z.ZodType | undefined) {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === 'string' && { description: property.description }),
  }));
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The live event stream, which answers text/event-stream rather than JSON. */
const EVENT_STREAM_OPERATION = {
  operationId: 'streamEvents',
  summary:
    "Your tenant's live events (task-state, review-opened, review-decided, spend, post-published, token-revoked) as server-sent events; resume with Last-Event-ID",
  tags: ['events'],
  'x-chimera-role': 'viewer',
  security: [{ bearer: [] }, { session: [] }],
  parameters: [
    {
      name: 'Last-Event-ID',
      in: 'header',
      required: false,
      schema: { type: 'string', pattern: '^\\d{1,15}$' },
      description: 'the id of the last event received; the stream starts after it',
    },
  ],
  responses: {
    '200': {
      description: 'An endless stream; each event has an id, a kind and JSON data',
      content: {
        'text/event-stream': {
          schema: { type: 'string' },
          example:
            'id: 42\nevent: review-opened\ndata: {"id":42,"kind":"review-opened","subject_id":"…","data":{"status":"pending"},"at":"2026-11-29T09:00:00.000Z"}\n\n',
        },
      },
    },
    '400': problem('Last-Event-ID is not a whole number'),
    '401': problem('No valid token'),
  },
};

/** Builds the document for `routes`. */
export function openApiDocument(routes: readonly RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const hasParams = route.params !== undefined;
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      'x-chimera-role': route.role,
      description: `Needs the **${route.role}** role or above.`,
      security: [{ bearer: [] }, { session: [] }],
      parameters: [...parameters('path', route.params), ...parameters('query', route.query)],
      ...(route.body && {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: jsonSchema(route.body, 'input'),
              ...(route.example.body !== undefined && { example: route.example.body }),
            },
          },
        },
      }),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'OK',
          content: {
            'application/json': {
              schema: jsonSchema(route.response, 'output'),
              example: route.example.response,
            },
          },
        },
        '400': problem('The request failed its schema; `errors` names every bad field'),
        '401': problem('No valid token'),
        '403': problem('The token’s role does not allow this'),
        ...(hasParams && { '404': problem('No such object in your tenant') }),
        '422': problem('The request is well-formed but refused; `field` names why'),
        '429': problem('Too many requests; see Retry-After'),
      },
    };
  }
  paths['/api/v1/events'] = { get: EVENT_STREAM_OPERATION };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chimera operator API',
      version,
      description:
        'Operate a fleet of AI influencer agents: agents, campaigns, tasks, reviews, money, posts and the fleet, plus the seed’s worker contracts. Every route needs a bearer token (`chimera token create`) or a browser session (`chimera login-link`); errors are RFC 9457 problem details naming the field.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http' as const, scheme: 'bearer' },
        session: { type: 'apiKey' as const, in: 'cookie' as const, name: 'chimera_session' },
      },
      schemas: { Problem: jsonSchema(ProblemWire, 'output') },
    },
    paths,
  };
}
