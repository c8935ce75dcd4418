// `chimera mcp serve [name]`: runs Chimera's own MCP server, or a bundled one, on stdio. Stdout carries the protocol,
// so nothing else may print there.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Command } from 'commander';
import { bundledServerContext } from '../../app/hub-servers.js';
import { BUNDLED_SERVERS, bundledServer } from '../../mcp/bundled-servers.js';
import { createChimeraServer } from '../../mcp/servers/chimera/chimera-server.js';
import { type CliContext, configFor, withApp, withServices } from '../cli-context.js';

export function registerMcpCommands(program: Command, context: CliContext): void {
  program
    .command('mcp')
    .description('Model Context Protocol servers')
    .command('serve [name]')
    .description(
      `run Chimera's own MCP server (default) or a bundled one on stdio (${Object.keys(BUNDLED_SERVERS).sort().join(', ')})`,
    )
    .option('--agent <id>', "the agent whose budget pays for Chimera's tools (default: none)")
    .action(async (name = 'chimera', flags: { agent?: string } = {}) => {
      if (name === 'chimera') {
        return withServices(context, { createDataDir: true }, async (services, actor, app) =>
          serveOnStdio(
            createChimeraServer(services, app.skills, { ...actor, agentId: flags.agent ?? null }),
            context,
          ),
        );
      }
      const bundled = bundledServer(name);
      const config = configFor(context);
      const { dataDir, feeds } = config;
      const files = { dataDir, walletConfig: config, ...(feeds && { feedsManifest: feeds }) };
      if (!bundled.needsDatabase) return serveOnStdio(await bundled.create(files), context);
      await withApp(context, { createDataDir: true }, async (app) =>
        serveOnStdio(
          await bundled.create(bundledServerContext({ pool: app.database.pool, ...files })),
          context,
        ),
      );
    });
}

/** Serves `server` on the context's stdin and stdout until the client closes the stream. */
async function serveOnStdio(server: McpServer, context: CliContext): Promise<void> {
  const transport = new StdioServerTransport(context.stdin, context.stdout);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    context.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
