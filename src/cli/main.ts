// The `chimera` command: parses arguments with commander and maps every failure to a one-line
// message and an exit code (2 for input and configuration problems, 1 otherwise). It returns the
// exit code instead of setting process.exitCode, so tests run it in-process.
//
// Start-up is part of every command's time, so registering the commands must stay cheap: a
// commands/*.ts file imports at its top only what declaring its names, options and descriptions
// needs (types, commander, domain/errors, domain/money), and `await import()`s the rest inside its
// `.action`, where only the command that runs pays for it. Commands that only read open Chimera
// with withReadServices (no migrations, MCP hub, model or swarm), the others with withServices.

import { Command, CommanderError } from 'commander';
import type { CliContext, GlobalFlags } from './cli-context.js';
import type { CliOptions } from './cli-options.js';
import { registerAdminCommands } from './commands/admin-commands.js';
import { registerCampaignCommands } from './commands/campaign-commands.js';
import { registerCfoCommands } from './commands/cfo-commands.js';
import { registerJudgeCommands } from './commands/judge-commands.js';
import { registerMcpCommands } from './commands/mcp-commands.js';
import { registerMemoryCommands } from './commands/memory-commands.js';
import { registerNetworkCommands } from './commands/network-commands.js';
import { registerReviewCommands } from './commands/review-commands.js';
import { registerRunCommands } from './commands/run-commands.js';
import { registerSkillsCommands } from './commands/skills-commands.js';
import { registerStatusCommand } from './commands/status-command.js';
import { registerStrategyCommands } from './commands/strategy-commands.js';
import { registerTokenCommands } from './commands/token-commands.js';
import { registerWalletCommands } from './commands/wallet-commands.js';
import { describeFailure } from './exit-codes.js';
import { createPrinter } from './printer.js';

/**
 * Builds the program and the context its commands share, on the streams and environment of
 * `options` (the process's own by default).
 */
export function buildProgram(options: CliOptions = {}): { program: Command; context: CliContext } {
  const printer = createPrinter(options.stdout, options.stderr);
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
    // Set before the commands are added, which inherit them: help and usage errors go to the
    // printer, and commander throws instead of exiting.
    .configureOutput({ writeOut: printer.writeOut, writeErr: printer.writeErr })
    .showHelpAfterError()
    .exitOverride();
  const context: CliContext = {
    printer,
    flags: () => program.opts<GlobalFlags>(),
    environment: options.environment ?? process.env,
    stdin: options.stdin ?? process.stdin,
    stdout: options.stdout ?? process.stdout,
    stopSignal: options.stopSignal,
    exitCode: 0,
  };
  registerRunCommands(program, context);
  registerStatusCommand(program, context);
  registerReviewCommands(program, context);
  registerJudgeCommands(program, context);
  registerCampaignCommands(program, context);
  registerAdminCommands(program, context);
  registerCfoCommands(program, context);
  registerWalletCommands(program, context);
  registerMcpCommands(program, context);
  registerSkillsCommands(program, context);
  registerStrategyCommands(program, context);
  registerMemoryCommands(program, context);
  registerTokenCommands(program, context);
  registerNetworkCommands(program, context);
  return { program, context };
}

/**
 * Runs the CLI on `argv` (node-style: the first two entries are the runtime and the script) and
 * returns its exit code. `bin/chimera.js` sets process.exitCode from it.
 */
export async function main(argv: string[], options: CliOptions = {}): Promise<number> {
  const { program, context } = buildProgram(options);
  try {
    await program.parseAsync(argv);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage mistakes were already explained by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    const failure = describeFailure(error);
    context.printer.error(failure.message);
    return failure.exitCode;
  }
}
