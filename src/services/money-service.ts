// Money, as operators read it (viewer): budgets per agent and period (spent, reserved, remaining),
// the CFO's ledger entries of the tenant's agents and a verification of the whole chain, and an
// agent's wallet as its backend reports it.

import { type BudgetLine, budgetLines } from '../commerce/budget-view.js';
import { type LedgerEntry, verifyChain } from '../commerce/ledger-chain.js';
import { type Actor, actorLabel } from '../domain/actor.js';
import type { Money } from '../domain/money.js';
import { found, requireRole } from './access-check.js';
import type { ServiceDependencies, WalletView } from './service-dependencies.js';

/** The ledger check: the chain holds, or the first entry that breaks it. */
export type LedgerCheck =
  | { ok: true; entries: number; key_id: string | null }
  | {
      ok: false;
      entries: number;
      key_id: string;
      /** The first broken entry, when it is one of the caller's tenant; otherwise null. */
      broken: { seq: number; tx_id: string; problem: string } | null;
    };

export class MoneyService {
  constructor(private readonly deps: ServiceDependencies) {}

  async budgets(actor: Actor, agentId?: string): Promise<BudgetLine[]> {
    const { store } = this.deps;
    if (agentId) {
      found(await store.tenantViews.getAgent(actor.tenantId, agentId), 'agent', agentId);
    }
    return budgetLines(await store.cfo.listCurrentBudgets(agentId, actor.tenantId));
  }

  async ledger(actor: Actor): Promise<LedgerEntry[]> {
    const { store } = this.deps;
    const mine = await store.tenantViews.ledgerSeqs(actor.tenantId);
    return (await store.cfo.listLedger()).filter((entry) => mine.has(entry.seq));
  }

  /**
   * Recomputes the whole hash chain and checks every signature: the chain is shared, so one
   * tenant's entries are sound only if every entry before them is.
   */
  async verifyLedger(actor: Actor): Promise<LedgerCheck> {
    const { store } = this.deps;
    const entries = await store.cfo.listLedger();
    // No spend yet: nothing to verify, and no CFO key may exist.
    if (entries.length === 0) return { ok: true, entries: 0, key_id: null };
    const { publicKey, keyId } = await this.deps.cfoPublicKey();
    const verdict = verifyChain(entries, publicKey);
    if (verdict.ok) return { ok: true, entries: verdict.entries, key_id: keyId };
    const mine = await store.tenantViews.ledgerSeqs(actor.tenantId);
    return {
      ok: false,
      entries: verdict.entries,
      key_id: keyId,
      broken: mine.has(verdict.seq)
        ? { seq: verdict.seq, tx_id: verdict.tx_id, problem: verdict.problem }
        : null,
    };
  }

  async wallet(actor: Actor, agentId: string): Promise<WalletView> {
    found(await this.deps.store.tenantViews.getAgent(actor.tenantId, agentId), 'agent', agentId);
    return this.deps.wallets.show(agentId);
  }

  /** Credits an agent's local wallet from the sandbox faucet (operator); audited. */
  async fundWallet(actor: Actor, agentId: string, amount: Money) {
    requireRole(actor, 'operator', 'funding a wallet');
    const { store, wallets } = this.deps;
    found(await store.tenantViews.getAgent(actor.tenantId, agentId), 'agent', agentId);
    const funded = await wallets.fund(agentId, amount);
    await store.audit.write({
      actor: actorLabel(actor),
      tenant_id: actor.tenantId,
      action: 'wallet.fund',
      subject_type: 'agent',
      subject_id: agentId,
      detail: {
        tx_id: funded.tx_id,
        units: amount.units.toString(),
        currency: amount.currency,
        after: { balance_units: funded.balance.units.toString() },
      },
    });
    return funded;
  }
}
