// `chimera agent add FILE`, `agent list`, `agent show ID`, `agent freeze|unfreeze ID` and
// `chimera campaign launch FILE`.

import type { Command } from 'commander';
import { parseAgent, readJsonFile } from '../../app/example-seed.js';
import { InputError } from '../../domain/errors.js';
import { toAgent } from '../../personas/persona.js';
import { loadSoulFile } from '../../personas/soul-file.js';
import { setAgentFrozen } from '../../swarm/agent-freeze.js';
import { type CliContext, withApp } from '../cli-context.js';

export function registerCampaignCommands(program: Command, context: CliContext): void {
  const agents = program.command('agent').description('manage agents');
  agents
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
  for (const frozen of [true, false]) {
    agents
      .command(`${frozen ? 'freeze' : 'unfreeze'} <id>`)
      .description(
        frozen
          ? 'stop the agent spending and starting tasks, at once'
          : 'let a frozen agent spend and work again',
      )
      .action(async (id: string) => {
        await withApp(context, { createDataDir: false }, async (app) => {
          const changed = await setAgentFrozen(app.store, id, frozen, 'cli');
          const state = frozen ? 'frozen' : 'active';
          context.printer.line(
            changed ? `agent ${id} is ${state}` : `agent ${id} was already ${state}`,
          );
        });
      });
  }
  agents
    .command('list')
    .description('list agents with their niche and status')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      await withApp(context, { createDataDir: false }, async (app) => {
        const list = await app.store.agents.list();
        if (flags.json) return context.printer.json(list);
        for (const agent of list) {
          context.printer.line(`${agent.id}  ${agent.status}  ${agent.name}  (${agent.niche})`);
        }
      });
    });
  agents
    .command('show <id>')
    .description("print an agent's stored record as JSON")
    .action(async (id: string) => {
      await withApp(context, { createDataDir: false }, async (app) => {
        const agent = await app.store.agents.get(id);
        if (!agent) throw new InputError(`no agent '${id}'; 'chimera agent list' shows the agents`);
        context.printer.json(agent);
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
