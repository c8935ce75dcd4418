// FR-API-007: the OpenAPI 3.1 document is generated from the route table's zod schemas and
// served without a token at /openapi.json, with a reference page at /docs. Every route is in it
// with its role, parameters, request and response schemas and an example, and every example fits
// the schemas it illustrates.

import { describe, expect, it } from 'vitest';
import { buildHttpServer } from '../src/api/http-server.js';
import { ROUTES } from '../src/api/route-table.js';
import { useTestApp } from './support/test-app.js';

describe('the OpenAPI document', () => {
  const suite = useTestApp('pglite');

  it('lists every route with schemas and an example, and serves the reference page', async () => {
    const http = await buildHttpServer(suite.app);
    const answer = await http.inject({ method: 'GET', url: '/openapi.json' });
    expect(answer.statusCode).toBe(200);
    const document = answer.json();
    expect(document.openapi).toBe('3.1.0');
    for (const route of ROUTES) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${path}`).toBeDefined();
      expect(operation.operationId).toBe(route.operationId);
      expect(operation['x-chimera-role']).toBe(route.role);
      const success = operation.responses[String(route.status ?? 200)];
      expect(success.content['application/json'].schema).toBeTypeOf('object');
      expect(success.content['application/json'].example).toBeDefined();
      expect(operation.responses['401']).toBeDefined();
      if (route.body) {
        expect(operation.requestBody.content['application/json'].schema).toBeTypeOf('object');
      }
      for (const name of route.path.match(/:(\w+)/g) ?? []) {
        expect(operation.parameters).toContainEqual(
          expect.objectContaining({ name: name.slice(1), in: 'path', required: true }),
        );
      }
    }
    expect(document.paths['/api/v1/events'].get.responses['200'].content).toHaveProperty(
      'text/event-stream',
    );
    const docs = await http.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    await http.close();
  });

  it.each(
    ROUTES.map((route) => [route.operationId, route] as const),
  )('%s: its examples fit its schemas', (_name, route) => {
    const response = route.response.safeParse(route.example.response);
    expect(response.success, JSON.stringify(response.error?.issues)).toBe(true);
    if (route.body) {
      const body = route.body.safeParse(route.example.body);
      expect(body.success, JSON.stringify(body.error?.issues)).toBe(true);
    }
  });
});
