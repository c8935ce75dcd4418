// `chimera agent add FILE` and `chimera campaign launch FILE`.

import type { Command } from 'commander';
import { parseAgent, readJsonFile } from '../../app/example-seed.js';
import { toAgent } from '../../personas/persona.js';
import { loadSoulFile } from '../../personas/soul-file.js';
import { type CliContext, withApp } from '../cli-context.js';

export function registerCampaignCommands(program: Command, context: CliContext): void {
  program
    .command('agent')
    .description('manage agents')
    .command('add <file>')
    .description('create or update an agent from a SOUL.md persona or a JSON file')
    .action(async (file: string) => {
      const agent = file.endsWith('.md')
        ? toAgent(await loadSoulFile(file))
        : parseAgent(await readJsonFile(file), file);
      await withApp(context, { createDataDir: true }, async (app) => {
        await app.store.agents.upsert(agent);
        context.printer.line(`agent ${agent.id} saved`);
      });
    });

  program
    .command('campaign')
    .description('manage campaigns')
    .command('launch <file>')
    .description('validate a campaign file and plan its task DAG (nothing is written if invalid)')
    .action(async (file: string) => {
      const raw = await readJsonFile(file);
      await withApp(context, { createDataDir: true }, async (app) => {
        const campaign = await app.planner.launch(raw, 'cli');
        const tasks = await app.store.tasks.listByCampaign(campaign.id);
        context.printer.line(`campaign ${campaign.id} launched with ${tasks.length} tasks`);
      });
    });
}
