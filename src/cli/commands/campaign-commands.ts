// `chimera agent add FILE`, `agent list`, `agent show ID`, `agent freeze|unfreeze ID`,
// `chimera campaign plan GOAL`, `campaign launch FILE` and `campaign runs ID`.

import type { Command } from 'commander';
import { type CliContext, withReadServices, withServices } from '../cli-context.js';

export function registerCampaignCommands(program: Command, context: CliContext): void {
  const agents = program.command('agent').description('manage agents');
  agents
    .command('add <file>')
    .description('create or update an agent from a SOUL.md persona or a JSON file')
    .action(async (file: string) => {
      const { parseAgent, readJsonFile } = await import('../../app/example-seed.js');
      const { readSoulText } = await import('../../personas/soul-file.js');
      const soul = file.endsWith('.md') ? await readSoulText(file) : undefined;
      const parsed = soul === undefined ? parseAgent(await readJsonFile(file), file) : undefined;
      await withServices(context, { createDataDir: true }, async (services, actor) => {
        const agent = parsed
          ? await services.agents.save(actor, parsed)
          : await services.agents.createFromSoul(actor, soul ?? '', file);
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
        await withServices(context, { createDataDir: false }, async (services, actor) => {
          const before = await services.agents.show(actor, id);
          await services.agents.setFrozen(actor, id, frozen);
          const state = frozen ? 'frozen' : 'active';
          context.printer.line(
            before.status !== state
              ? `agent ${id} is ${state}`
              : `agent ${id} was already ${state}`,
          );
        });
      });
  }
  agents
    .command('list')
    .description('list agents with their niche and status')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      await withReadServices(context, { services: ['agents'] }, async (services, actor) => {
        const list = await services.agents.list(actor);
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
      await withReadServices(context, { services: ['agents'] }, async (services, actor) => {
        context.printer.json(await services.agents.show(actor, id));
      });
    });

  const campaigns = program.command('campaign').description('manage campaigns');
  campaigns
    .command('launch <file>')
    .description(
      'validate a campaign file and plan its first run if due now (nothing is written if invalid)',
    )
    .action(async (file: string) => {
      const { readJsonFile } = await import('../../app/example-seed.js');
      const raw = await readJsonFile(file);
      await withServices(context, { createDataDir: true }, async (services, actor) => {
        const { campaign, tasks } = await services.campaigns.create(actor, raw);
        const count = Object.values(tasks).reduce((sum, n) => sum + (n ?? 0), 0);
        const next = campaign.next_run_at ? `; next run ${campaign.next_run_at.toISOString()}` : '';
        context.printer.line(`campaign ${campaign.id} launched with ${count} tasks${next}`);
      });
    });
  campaigns
    .command('plan <goal>')
    .description(
      'draft a campaign file for a goal in plain language and show its DAG; nothing is launched',
    )
    .option('--agents <ids>', 'comma-separated agent ids (default: every active agent)')
    .option('--out <file>', 'write the draft there, to edit and then `campaign launch`')
    .option('--json', 'print the draft as JSON')
    .action(async (goal: string, flags: { agents?: string; out?: string; json?: boolean }) => {
      await withServices(context, { createDataDir: true }, async (services, actor) => {
        const agentIds = flags.agents?.split(',').map((id) => id.trim());
        const draft = await services.campaigns.plan(actor, {
          goal,
          ...(agentIds && { agent_ids: agentIds }),
        });
        if (flags.json) return context.printer.json(draft);
        const { schedule } = draft;
        const when =
          schedule.kind === 'once'
            ? 'once'
            : schedule.kind === 'interval'
              ? `every ${schedule.every}`
              : `on '${schedule.cron}' (${schedule.timezone})`;
        context.printer.line(`"${draft.name}", ${when}, for ${draft.agent_ids.join(', ')}:`);
        for (const step of draft.template.steps) {
          const after = step.depends_on.length ? `  after ${step.depends_on.join(', ')}` : '';
          context.printer.line(`  ${step.key}  ${step.skill}${after}`);
        }
        if (flags.out) {
          const { writeFile } = await import('node:fs/promises');
          await writeFile(flags.out, `${JSON.stringify(draft, null, 2)}\n`);
          context.printer.line(
            `wrote ${flags.out}; edit it, then: chimera campaign launch ${flags.out}`,
          );
        }
      });
    });
  campaigns
    .command('runs <id>')
    .description("list a campaign's runs, one per occurrence of its schedule, newest first")
    .option('--limit <n>', 'how many runs', (value) => Number.parseInt(value, 10), 20)
    .option('--json', 'print JSON')
    .action(async (id: string, flags: { limit: number; json?: boolean }) => {
      await withReadServices(context, { services: ['campaigns'] }, async (services, actor) => {
        const runs = await services.campaigns.runs(actor, id, flags.limit);
        if (flags.json) return context.printer.json(runs);
        if (runs.length === 0) return context.printer.line(`campaign ${id} has no runs yet`);
        for (const run of runs) {
          const folded = run.folded > 0 ? `  (+${run.folded} missed occurrences folded in)` : '';
          context.printer.line(
            `#${run.seq}  ${run.status.padEnd(9)}  for ${run.scheduled_for.toISOString()}  started ${run.started_at.toISOString()}${folded}`,
          );
        }
      });
    });
}
