// The `chimera` command: parses arguments with commander and maps every failure to a one-line
// message and an exit code (2 for input and configuration problems, 1 otherwise).

import { Command, CommanderError } from 'commander';
import type { CliContext, GlobalFlags } from './cli-context.js';
import { registerAdminCommands } from './commands/admin-commands.js';
import { registerCampaignCommands } from './commands/campaign-commands.js';
import { registerCfoCommands } from './commands/cfo-commands.js';
import { registerMcpCommands } from './commands/mcp-commands.js';
import { registerReviewCommands } from './commands/review-commands.js';
import { registerRunCommands } from './commands/run-commands.js';
import { registerSkillsCommands } from './commands/skills-commands.js';
import { registerStatusCommand } from './commands/status-command.js';
import { registerWalletCommands } from './commands/wallet-commands.js';
import { describeFailure } from './exit-codes.js';
import { createPrinter, type Printer } from './printer.js';

/** Builds the program; exported for tests that drive it in-process. */
export function buildProgram(printer: Printer = createPrinter()): Command {
  const program = new Command('chimera')
    .description('Chimera: the governed runtime for a fleet of autonomous AI influencers')
    .option(
      '--data-dir <path>',
      'embedded database folder (default ./.chimera, or CHIMERA_DATA_DIR)',
    )
    .option(
      '--database-url <url>',
      'PostgreSQL server URL (default DATABASE_URL; unset = embedded)',
    )
    .option(
      '--log-level <level>',
      'fatal|error|warn|info|debug|trace|silent (default LOG_LEVEL or warn)',
    )
    .showHelpAfterError()
    .exitOverride();
  const context: CliContext = { printer, flags: () => program.opts<GlobalFlags>() };
  registerRunCommands(program, context);
  registerStatusCommand(program, context);
  registerReviewCommands(program, context);
  registerCampaignCommands(program, context);
  registerAdminCommands(program, context);
  registerCfoCommands(program, context);
  registerWalletCommands(program, context);
  registerMcpCommands(program, context);
  registerSkillsCommands(program, context);
  return program;
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: string[], printer: Printer = createPrinter()): Promise<number> {
  try {
    await buildProgram(printer).parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage mistakes were already explained by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    const failure = describeFailure(error);
    printer.error(failure.message);
    return failure.exitCode;
  }
}
