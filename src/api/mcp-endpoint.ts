// Chimera's MCP server over Streamable HTTP at POST /mcp, stateless: each request gets its own
// server and transport (the SDK's stateless mode), so any number of clients and processes can
// serve it without sticky sessions. GET and DELETE, which only sessions use, answer 405.

import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { FastifyInstance } from 'fastify';
import type { ChimeraApp } from '../app/chimera-app.js';
import { createChimeraServer } from '../mcp/servers/chimera/chimera-server.js';

export const MCP_PATH = '/mcp';

export function registerMcpEndpoint(http: FastifyInstance, app: ChimeraApp): void {
  http.post(MCP_PATH, async (request, reply) => {
    const server = createChimeraServer(app);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    // The transport writes the response itself, possibly as a stream.
    reply.hijack();
    await transport.handleRequest(request.raw, reply.raw, request.body);
  });

  const sessionsOnly = {
    jsonrpc: '2.0',
    error: { code: -32000, message: 'this endpoint is stateless: POST JSON-RPC requests to /mcp' },
    id: null,
  };
  http.get(MCP_PATH, async (_request, reply) => reply.code(405).send(sessionsOnly));
  http.delete(MCP_PATH, async (_request, reply) => reply.code(405).send(sessionsOnly));
}
