// `chimera wallet show AGENT` (address and balances, from the configured wallet backend) and
// `chimera wallet fund AGENT AMOUNT [--currency USDC]`, the sandbox faucet of the local store
// only: under CHIMERA_WALLET=agentkit it refuses, since real money does not come from a command.

import type { Command } from 'commander';
import type { ChimeraApp } from '../../app/chimera-app.js';
import { ChimeraError, InputError } from '../../domain/errors.js';
import {
  CURRENCIES,
  decimalText,
  formatMoney,
  isCurrency,
  type Money,
  money,
  parseMoneyField,
} from '../../domain/money.js';
import { type CliContext, withApp } from '../cli-context.js';

export function registerWalletCommands(program: Command, context: CliContext): void {
  const wallet = program
    .command('wallet')
    .description("agents' wallets (the bundled wallet server's backend, CHIMERA_WALLET)");
  wallet
    .command('show <agent>')
    .description("an agent's wallet address and balances")
    .option('--json', 'print JSON')
    .action(async (agentId: string, flags: { json?: boolean }) => {
      await withApp(context, { createDataDir: false }, async (app) => {
        await checkAgent(app, agentId);
        // Loaded when needed: the wallet backends are a large share of the CLI's start-up.
        const { openWalletBackend } = await import(
          '../../mcp/servers/wallet/open-wallet-backend.js'
        );
        const backend = await openWalletBackend(app.config, app.database.pool);
        const balances = [];
        for (const currency of backend.currencies) {
          balances.push(await backend.getBalance(agentId, currency));
        }
        const address = balances[0]?.address ?? '';
        if (flags.json) {
          return context.printer.json({
            agent_id: agentId,
            address,
            wallet: backend.kind,
            balances: balances.map((balance) => ({
              currency: balance.currency,
              balance: decimalText(money(balance.units, balance.currency)),
              units: balance.units.toString(),
            })),
          });
        }
        context.printer.line(`${agentId}  ${address}  (${backend.kind} wallet)`);
        for (const balance of balances) {
          context.printer.line(`  ${formatMoney(money(balance.units, balance.currency))}`);
        }
      });
    });
  wallet
    .command('fund <agent> <amount>')
    .description('credit the local wallet store from the sandbox faucet (not under agentkit)')
    .option('--currency <code>', `one of ${Object.keys(CURRENCIES).join(', ')}`, 'USDC')
    .action(async (agentId: string, amountText: string, flags: { currency: string }) => {
      const amount = parseAmount(amountText, flags.currency);
      await withApp(context, { createDataDir: false }, async (app) => {
        await checkAgent(app, agentId);
        const { openLocalWalletStore } = await import(
          '../../mcp/servers/wallet/open-wallet-backend.js'
        );
        const store = await openLocalWalletStore(app.database.pool, app.config, true);
        const funded = await store.fund(agentId, amount);
        await app.store.audit.write({
          actor: 'cli',
          action: 'wallet.fund',
          subject_type: 'agent',
          subject_id: agentId,
          detail: {
            tx_id: funded.transaction.tx_id,
            units: amount.units.toString(),
            currency: amount.currency,
          },
        });
        const balance = money(funded.balance.units, amount.currency);
        context.printer.line(
          `funded ${agentId} (${funded.balance.address}) with ${formatMoney(amount)}; balance ${formatMoney(balance)} (tx ${funded.transaction.tx_id})`,
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

async function checkAgent(app: ChimeraApp, agentId: string): Promise<void> {
  if (await app.store.agents.get(agentId)) return;
  const known = (await app.store.agents.list()).map((agent) => agent.id).join(', ') || 'none';
  throw new ChimeraError('AGENT_UNKNOWN', `agent: no agent '${agentId}' (known: ${known})`, {
    context: { agentId },
  });
}
