// `chimera mcp serve <name>`: runs a bundled MCP server on stdio. Stdout carries the protocol,
// so nothing else may print there.

import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Command } from 'commander';
import { bundledServer } from '../../mcp/bundled-servers.js';
import type { CliContext } from '../cli-context.js';

export function registerMcpCommands(program: Command, _context: CliContext): void {
  program
    .command('mcp')
    .description('Model Context Protocol servers')
    .command('serve <name>')
    .description('run a bundled MCP server on stdio (trends)')
    .action(async (name: string) => {
      const server = await bundledServer(name)();
      const transport = new StdioServerTransport();
      const closed = new Promise<void>((resolve) => {
        transport.onclose = () => resolve();
        process.stdin.once('end', () => resolve());
      });
      await server.connect(transport);
      await closed;
      await server.close();
    });
}
