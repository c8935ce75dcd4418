// Serves the dashboard that `vite build` writes to web/dist/ at /: its files by path (hashed
// assets cached for a year), and index.html for the dashboard's own pages (/fleet, /posts…). It
// never answers under the API's, MCP's, reference's or seed routes' paths: those stay their
// routes' or a 404 problem. Without a build it says to run `npm run build`. It adds no API: the
// dashboard reads the public /api/v1 and its events, as any client does.

import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ROUTES } from './route-table.js';

/** Where `vite build --config web/vite.config.ts` writes the dashboard (the same from dist/). */
export const DASHBOARD_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Paths the dashboard never claims: each, and everything under it, belongs to the server. */
const SERVER_PATHS = [
  '/api',
  '/mcp',
  '/docs',
  '/openapi.json',
  '/healthz',
  '/login',
  '/media',
  ...ROUTES.map((route) => route.path).filter((path) => !path.startsWith('/api/')),
];

/**
 * What the dashboard's pages may load: its own scripts and styles only (no inline script), media
 * from https anywhere (agents' images), API calls and events to this server, and no framing.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "media-src 'self' https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chimera: dashboard not built</title></head>
<body><main><h1>The dashboard is not built</h1>
<p>Run <code>npm run build</code> in Chimera's folder, then reload this page.
The API is up meanwhile: <a href="/docs">/docs</a>.</p></main></body></html>
`;

/** Options of registerDashboard. */
export interface DashboardOptions {
  /** The built dashboard's folder, absolute: DASHBOARD_ROOT unless a test builds elsewhere. */
  root: string;
}

/**
 * Adds the dashboard's routes to `http` (before it listens). A build made while the server runs
 * is served from the next request on; so is its absence.
 */
export async function registerDashboard(
  http: FastifyInstance,
  options: DashboardOptions,
): Promise<void> {
  const { root } = options;
  // serve: false: only reply.sendFile, which confines paths to `root`; the route below decides.
  await http.register(fastifyStatic, { root, serve: false, suppressWarning: true });
  http.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (SERVER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
      return reply.callNotFound();
    }
    const file = (request.params as { '*': string })['*'];
    securityHeaders(reply);
    if (/\.[A-Za-z0-9]+$/.test(file)) {
      // Only plain relative paths: a "..", "." or empty segment, or a backslash, is nobody's file.
      if (file.split('/').some((segment) => /^\.{0,2}$/.test(segment)) || /[\\\0]/.test(file)) {
        return reply.callNotFound();
      }
      // A file of the build; the hashed ones under assets/ never change.
      const hashed = file.startsWith('assets/');
      return reply.sendFile(file, root, {
        dotfiles: 'ignore',
        maxAge: hashed ? '1y' : 0,
        immutable: hashed,
      });
    }
    reply.header('cache-control', 'no-cache');
    if (!(await exists(join(root, 'index.html')))) {
      return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    }
    return reply.sendFile('index.html', root, { cacheControl: false });
  });
}

function securityHeaders(reply: FastifyReply): void {
  reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
