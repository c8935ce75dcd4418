// `chimera review list|approve|reject`: the human side of the escalate path.

import type { Command } from 'commander';
import type { Actor } from '../../domain/actor.js';
import { type Currency, formatMoney, money } from '../../domain/money.js';
import type { StoredSpendRequest } from '../../store/store.js';
import { type CliContext, osUser, withReadServices, withServices } from '../cli-context.js';

export function registerReviewCommands(program: Command, context: CliContext): void {
  const review = program.command('review').description('human review of escalated results');

  review
    .command('list')
    .description('show pending reviews with their task, output and verdict reasons')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      await withReadServices(context, { services: ['reviews'] }, async (services, actor) => {
        const items = await services.reviews.list(actor, { status: 'pending', limit: 1_000 });
        if (flags.json) {
          context.printer.json(
            items.map(({ review: item, task, result, spend }) => ({
              id: item.id,
              kind: item.kind,
              ...(spend && { spend: spendSummary(spend) }),
              created_at: item.created_at,
              reasons: item.reasons,
              task: {
                id: task.id,
                campaign_id: task.campaign_id,
                agent_id: task.agent_id,
                type: task.type,
                step_key: task.step_key,
                attempt: item.attempt,
                spec_id: task.spec_id,
              },
              output: task.output,
              confidence: result?.confidence ?? null,
            })),
          );
          return;
        }
        if (items.length === 0) {
          context.printer.line('no reviews pending');
          return;
        }
        for (const { review: item, task, result, spend } of items) {
          context.printer.line(`review ${item.id} (${item.kind})`);
          if (spend) {
            const { amount, request_type, request_id } = spendSummary(spend);
            context.printer.line(`  spend ${request_id}: ${amount} for ${request_type}`);
          }
          context.printer.line(
            `  task ${task.id} (${task.type}, step ${task.step_key}, agent ${task.agent_id}, attempt ${item.attempt})`,
          );
          context.printer.line(`  confidence ${result?.confidence ?? 'n/a'}`);
          for (const reason of item.reasons) context.printer.line(`  reason: ${reason}`);
          context.printer.line(`  output: ${JSON.stringify(task.output)}`);
        }
      });
    });

  review
    .command('approve <id>')
    .description('approve a pending review: the effect runs once and the campaign resumes')
    .option('--reviewer <name>', 'who decides (default: the OS user)')
    .action(async (id: string, flags: { reviewer?: string }) => {
      await withServices(context, { createDataDir: false }, async (services, actor) => {
        const task = await services.reviews.approve(reviewer(actor, flags), id);
        context.printer.line(`approved review ${id}: task ${task.id} is ${task.status}`);
      });
    });

  review
    .command('reject <id>')
    .description('reject a pending review; the task is re-planned with your reason or fails')
    .requiredOption('--reason <text>', 'why, in words the agent will get as feedback')
    .option('--reviewer <name>', 'who decides (default: the OS user)')
    .action(async (id: string, flags: { reason: string; reviewer?: string }) => {
      await withServices(context, { createDataDir: false }, async (services, actor) => {
        const task = await services.reviews.reject(reviewer(actor, flags), id, flags.reason);
        context.printer.line(`rejected review ${id}: task ${task.id} is ${task.status}`);
      });
    });
}

/** The local actor, named after `--reviewer` when given (the audit log records that name). */
function reviewer(actor: Actor, flags: { reviewer?: string }): Actor {
  return flags.reviewer ? { ...actor, id: flags.reviewer } : { ...actor, id: osUser() };
}

/** A spend request as a reviewer reads it: the amount in its currency's major units. */
function spendSummary(spend: StoredSpendRequest) {
  return {
    request_id: spend.request_id,
    request_type: spend.request_type,
    amount: formatMoney(money(BigInt(spend.amount), spend.currency as Currency)),
    risk_score: spend.decision.risk_score,
  };
}
