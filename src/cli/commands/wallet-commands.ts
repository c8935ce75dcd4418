// `chimera wallet show AGENT` (address and balances, from the configured wallet backend) and
// `chimera wallet fund AGENT AMOUNT [--currency USDC]`, the sandbox faucet of the local store
// only: under CHIMERA_WALLET=agentkit it refuses, since real money does not come from a command.

import type { Command } from 'commander';
import type { Actor } from '../../domain/actor.js';
import { ChimeraError, InputError } from '../../domain/errors.js';
import {
  CURRENCIES,
  formatMoney,
  isCurrency,
  type Money,
  parseMoneyField,
} from '../../domain/money.js';
import type { ChimeraServices } from '../../services/chimera-services.js';
import { type CliContext, withReadServices, withServices } from '../cli-context.js';

export function registerWalletCommands(program: Command, context: CliContext): void {
  const wallet = program
    .command('wallet')
    .description("agents' wallets (the bundled wallet server's backend, CHIMERA_WALLET)");
  wallet
    .command('show <agent>')
    .description("an agent's wallet address and balances")
    .option('--json', 'print JSON')
    .action(async (agentId: string, flags: { json?: boolean }) => {
      await withReadServices(
        context,
        { services: ['agents', 'money'] },
        async (services, actor) => {
          await checkAgent(services, actor, agentId);
          const view = await services.money.wallet(actor, agentId);
          if (flags.json) return context.printer.json(view);
          context.printer.line(`${agentId}  ${view.address}  (${view.wallet} wallet)`);
          for (const balance of view.balances) {
            context.printer.line(`  ${balance.balance} ${balance.currency}`);
          }
        },
      );
    });
  wallet
    .command('fund <agent> <amount>')
    .description('credit the local wallet store from the sandbox faucet (not under agentkit)')
    .option('--currency <code>', `one of ${Object.keys(CURRENCIES).join(', ')}`, 'USDC')
    .action(async (agentId: string, amountText: string, flags: { currency: string }) => {
      const amount = parseAmount(amountText, flags.currency);
      await withServices(context, { createDataDir: false }, async (services, actor) => {
        await checkAgent(services, actor, agentId);
        const funded = await services.money.fundWallet(actor, agentId, amount);
        context.printer.line(
          `funded ${agentId} (${funded.address}) with ${formatMoney(amount)}; balance ${formatMoney(funded.balance)} (tx ${funded.tx_id})`,
        );
      });
    });
}

/** The amount to fund, or an InputError naming the argument. */
function parseAmount(amount: string, currency: string): Money {
  if (!isCurrency(currency)) {
    throw new InputError(
      `--currency: unknown currency '${currency}'; use one of ${Object.keys(CURRENCIES).join(', ')}`,
    );
  }
  const parsed = parseMoneyField('amount', amount, currency);
  if (parsed.units <= 0n) throw new InputError(`amount: ${amount} ${currency} must be more than 0`);
  return parsed;
}

/** Refuses an unknown agent, naming the known ones. */
async function checkAgent(
  services: Pick<ChimeraServices, 'agents'>,
  actor: Actor,
  agentId: string,
) {
  const agents = await services.agents.list(actor);
  if (agents.some((agent) => agent.id === agentId)) return;
  const known = agents.map((agent) => agent.id).join(', ') || 'none';
  throw new ChimeraError('AGENT_UNKNOWN', `agent: no agent '${agentId}' (known: ${known})`, {
    context: { agentId },
  });
}
