// Chimera's HTTP server, started with `chimera start`: the operator API under /api/v1, the seed's
// worker contracts at the root, Chimera's MCP server at /mcp, the OpenAPI document and its
// reference page, sign-in by login link, a health check, rendered media at /media/<file>, the
// node's signed A2A agent card and key under /.well-known, and the dashboard at / (web/dist).
// Every route but /healthz, the OpenAPI document, its reference page, /login, /.well-known and
// the dashboard's files needs a token (the dashboard's pages then call the API with their
// session). Listens on CHIMERA_HTTP_HOST:CHIMERA_HTTP_PORT (loopback by default); a port in
// use is a config error.

import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { ChimeraApp } from '../app/chimera-app.js';
import { hashSecret } from '../domain/bearer-secret.js';
import { ChimeraError, ConfigError } from '../domain/errors.js';
import { a2aRoutes } from '../network/a2a/a2a-routes.js';
import { buildAgentCard } from '../network/card/agent-card.js';
import { agentCardRoutes, JWKS_ROUTE } from '../network/card/agent-card-routes.js';
import { nodeJwks, signAgentCard } from '../network/card/agent-card-signature.js';
import { authenticate, SESSION_COOKIE } from './authenticate.js';
import { DASHBOARD_ROOT, registerDashboard } from './dashboard-assets.js';
import { registerEventStream } from './event-stream.js';
import { MCP_PATH, registerMcpEndpoint } from './mcp-endpoint.js';
import { openApiDocument } from './openapi-document.js';
import { INTERNAL_PROBLEM, problemOf, sendProblem } from './problem-details.js';
import { ProblemError, registerRoutes } from './register-routes.js';
import { ROUTES } from './route-table.js';

/** The version the API document and the agent card state. */
const CHIMERA_VERSION = '0.1.0';

/** What a browser shows for a login link that is unknown, used or expired. */
const LINK_SPENT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chimera: sign-in link spent</title></head>
<body><main><h1>This sign-in link no longer works</h1>
<p>A login link works once, for 10 minutes. Ask for a new one with
<code>chimera login-link</code>, or from whoever gave you this one.</p></main></body></html>
`;

/** A listening HTTP server: its base URL, the MCP endpoint's URL, and how to stop it. */
export interface RunningHttpServer {
  url: string;
  mcpUrl: string;
  close(): Promise<void>;
}

/** Builds the server without listening (tests inject requests into it). */
export async function buildHttpServer(app: ChimeraApp): Promise<FastifyInstance> {
  const http = Fastify({
    logger: false,
    bodyLimit: 1_048_576,
    // The router's own refusals (a bad URL, a path parameter over 100 characters) as problems too.
    frameworkErrors: (error, _request, reply) =>
      sendProblem(reply, problemOf(error) ?? INTERNAL_PROBLEM),
    // Live event streams stay open: closing the server ends them instead of waiting on them.
    forceCloseConnections: true,
  });
  const logger = app.logger;
  http.setErrorHandler((error, request, reply) => {
    const problem = error instanceof ProblemError ? error.problem : problemOf(error);
    if (problem) return sendProblem(reply, problem);
    logger.error({ err: error, url: request.url }, 'request failed');
    return sendProblem(reply, INTERNAL_PROBLEM);
  });
  http.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      status: 404,
      code: 'STORE_NOT_FOUND',
      field: 'path',
      detail: `path: no route ${request.method} ${request.url.split('?')[0]}; see /openapi.json`,
    }),
  );
  await http.register(cookie);
  const redis = app.config.redisUrl
    ? new Redis(app.config.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  if (redis) http.addHook('onClose', async () => void redis.disconnect());
  await http.register(rateLimit, {
    max: app.config.apiRateLimit,
    timeWindow: 60_000,
    ...(redis && { redis, nameSpace: 'chimera:api-rate:' }),
    // Per token (or session, or address), keyed by a hash: a secret never lands in Redis.
    keyGenerator: (request) => {
      const secret = request.headers.authorization ?? request.cookies?.[SESSION_COOKIE];
      return secret ? hashSecret(secret) : request.ip;
    },
    allowList: (request) => request.url === '/healthz',
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new Error(
          `authorization: over ${context.max} requests a minute; retry after ${context.after}`,
        ),
        {
          statusCode: 429,
        },
      ),
  });
  const document = openApiDocument(ROUTES, CHIMERA_VERSION);
  await http.register(swagger, { mode: 'static', specification: { document } });
  await http.register(swaggerUi, { routePrefix: '/docs' });
  http.get('/openapi.json', async () => document);
  http.get('/healthz', async () => ({ status: 'ok', database: app.database.kind }));
  http.get('/login', async (request, reply) => {
    const secret = (request.query as { token?: unknown }).token;
    const session =
      typeof secret === 'string' ? await app.operator.tokens.redeemLoginLink(secret) : undefined;
    if (!session) {
      // A person who clicked the link gets a page; a script gets the problem.
      if (request.headers.accept?.includes('text/html')) {
        return reply.code(401).type('text/html; charset=utf-8').send(LINK_SPENT_PAGE);
      }
      return sendProblem(reply, {
        status: 401,
        code: 'AUTH_REQUIRED',
        field: 'token',
        detail: 'token: this login link is unknown, used or expired; ask for a new one',
      });
    }
    return reply
      .setCookie(SESSION_COOKIE, session.secret, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/',
        expires: session.expiresAt,
      })
      .redirect('/', 303);
  });
  // A file, not JSON, so not in the route table: the dashboard's <img> and <video> load it with
  // the session cookie.
  http.get('/media/:name', async (request, reply) => {
    const { actor } = await authenticate(request, app.operator);
    const file = await app.operator.media.file(actor, (request.params as { name: string }).name);
    const stream = createReadStream(file.path);
    // Named by its content's hash: the bytes behind a name never change.
    await once(stream, 'open').catch(() => {
      throw new ChimeraError('STORE_NOT_FOUND', `no media file '${file.path}' on this server`, {
        context: { field: 'path.name' },
      });
    });
    return reply
      .type(file.mediaType)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(stream);
  });
  const baseUrl = () => app.config.publicUrl ?? listeningUrl(http);
  const card = async () => {
    const identity = await app.nodeIdentity();
    const unsigned = buildAgentCard({
      identity,
      baseUrl: baseUrl(),
      skills: app.offeredSkills,
      version: CHIMERA_VERSION,
    });
    return signAgentCard(unsigned, identity, `${baseUrl()}${JWKS_ROUTE}`);
  };
  await http.register(agentCardRoutes, {
    card,
    jwks: async () => nodeJwks(await app.nodeIdentity()),
  });
  await http.register(a2aRoutes, {
    card,
    identity: () => app.nodeIdentity(),
    store: app.store,
    provider: app.market.provider,
    admission: () => app.market.admission(),
  });
  registerRoutes(http, ROUTES, app.operator);
  registerEventStream(http, app.operator);
  registerMcpEndpoint(http, app);
  await registerDashboard(http, { root: DASHBOARD_ROOT });
  return http;
}

/** The URL `http` listens at (it must be listening). */
function listeningUrl(http: FastifyInstance): string {
  const address = http.server.address();
  if (typeof address !== 'object' || address === null) {
    throw new ChimeraError(
      'CONFIG_INVALID',
      'set CHIMERA_PUBLIC_URL: the server has no address yet',
    );
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export async function startHttpServer(
  app: ChimeraApp,
  options: { host: string; port: number },
): Promise<RunningHttpServer> {
  const http = await buildHttpServer(app);
  try {
    await http.listen({ host: options.host, port: options.port });
  } catch (error) {
    await http.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new ConfigError(
        'CONFIG_INVALID',
        `cannot listen on ${options.host}:${options.port} (${code}); set CHIMERA_HTTP_PORT to a free port, or 0 for any`,
      );
    }
    throw error;
  }
  const address = http.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  return { url, mcpUrl: `${url}${MCP_PATH}`, close: () => http.close() };
}
