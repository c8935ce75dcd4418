// Judge–human agreement (viewer): of the results the Judge escalated in the caller's tenant and a
// person decided over the last days, how often the person approved, by policy, confidence band
// and day (domain/judge-agreement.ts).

import type { Actor } from '../domain/actor.js';
import { InputError } from '../domain/errors.js';
import { type JudgeAgreement, judgeAgreement } from '../domain/judge-agreement.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** The longest look back, in days. */
export const MAX_AGREEMENT_DAYS = 366;

export class JudgeAgreementService {
  private readonly now: () => Date;

  constructor(private readonly deps: ServiceDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Decisions of the last `days` days (from now), tallied. */
  async agreement(actor: Actor, days: number): Promise<JudgeAgreement & { since: Date }> {
    if (!(Number.isInteger(days) && days >= 1 && days <= MAX_AGREEMENT_DAYS)) {
      throw new InputError(
        `days: give a whole number from 1 to ${MAX_AGREEMENT_DAYS}, got ${days}`,
      );
    }
    const since = new Date(this.now().getTime() - days * 86_400_000);
    const decisions = await this.deps.store.tenantViews.listDecidedEscalations(
      actor.tenantId,
      since,
    );
    return { since, ...judgeAgreement(decisions) };
  }
}
