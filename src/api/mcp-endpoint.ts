// Chimera's MCP server over Streamable HTTP at POST /mcp, stateless: each request gets its own
// server and transport (the SDK's stateless mode), so any number of clients and processes can
// serve it without sticky sessions. GET and DELETE, which only sessions use, answer 405. Every
// request needs a token; the server acts as it (its tenant, its role, its agent's budget).

import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChimeraApp } from '../app/chimera-app.js';
import { createChimeraServer } from '../mcp/servers/chimera/chimera-server.js';
import { authenticate } from './authenticate.js';

export const MCP_PATH = '/mcp';

export function registerMcpEndpoint(http: FastifyInstance, app: ChimeraApp): void {
  http.post(MCP_PATH, async (request, reply) => {
    const { actor } = await authenticate(request, app.operator);
    const server = createChimeraServer(app.operator, app.skills, actor);
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
  const refuse = async (request: FastifyRequest, reply: FastifyReply) => {
    await authenticate(request, app.operator);
    return reply.code(405).send(sessionsOnly);
  };
  http.get(MCP_PATH, refuse);
  http.delete(MCP_PATH, refuse);
}
