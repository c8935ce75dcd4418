// Chimera's HTTP server, started with `chimera start`: a health check and the MCP endpoint today;
// the operator API joins here. Listens on CHIMERA_HTTP_HOST:CHIMERA_HTTP_PORT (loopback by
// default) and reports a port already in use as a configuration error.

import Fastify from 'fastify';
import type { ChimeraApp } from '../app/chimera-app.js';
import { ConfigError } from '../domain/errors.js';
import { MCP_PATH, registerMcpEndpoint } from './mcp-endpoint.js';

/** A listening HTTP server: its base URL, the MCP endpoint's URL, and how to stop it. */
export interface RunningHttpServer {
  url: string;
  mcpUrl: string;
  close(): Promise<void>;
}

export async function startHttpServer(
  app: ChimeraApp,
  options: { host: string; port: number },
): Promise<RunningHttpServer> {
  const http = Fastify({ logger: false });
  http.get('/healthz', async () => ({ status: 'ok', database: app.database.kind }));
  registerMcpEndpoint(http, app);
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
