// `chimera mcp serve [name]`: runs Chimera's own MCP server, or a bundled one, on stdio. Stdout carries the protocol,
// so nothing else may print there.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Command } from 'commander';
import { type CliContext, configFor, withApp, withServices } from '../cli-context.js';

/**
 * The names of mcp/bundled-servers.ts's BUNDLED_SERVERS, sorted, for the help text: importing
 * that module loads every server. mcp-commands.test.ts keeps the two in step.
 */
export const BUNDLED_SERVER_NAMES = ['media', 'social-sandbox', 'trends', 'wallet'] as const;

export function registerMcpCommands(program: Command, context: CliContext): void {
  program
    .command('mcp')
    .description('Model Context Protocol servers')
    .command('serve [name]')
    .description(
      `run Chimera's own MCP server (default) or a bundled one on stdio (${BUNDLED_SERVER_NAMES.join(', ')})`,
    )
    .option('--agent <id>', "the agent whose budget pays for Chimera's tools (default: none)")
    .action(async (name = 'chimera', flags: { agent?: string } = {}) => {
      if (name === 'chimera') {
        const { createChimeraServer } = await import('../../mcp/servers/chimera/chimera-server.js');
        return withServices(context, { createDataDir: true }, async (services, actor, app) =>
          serveOnStdio(
            createChimeraServer(services, app.skills, { ...actor, agentId: flags.agent ?? null }),
            context,
          ),
        );
      }
      const { bundledServer } = await import('../../mcp/bundled-servers.js');
      const bundled = bundledServer(name);
      const config = await configFor(context);
      const { dataDir, feeds } = config;
      const files = { dataDir, walletConfig: config, ...(feeds && { feedsManifest: feeds }) };
      if (!bundled.needsDatabase) return serveOnStdio(await bundled.create(files), context);
      const { bundledServerContext } = await import('../../app/hub-servers.js');
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
  const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
  const transport = new StdioServerTransport(context.stdin, context.stdout);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    context.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
