// Judge calibration (viewer): over the escalations people of the caller's tenant decided in the
// last days, per policy and confidence band how often they approved, and per policy the threshold
// the evidence supports (domain/judge-calibration.ts). It recommends; it changes no setting.

import { ENVIRONMENT_VARIABLES } from '../config/config.js';
import type { Actor } from '../domain/actor.js';
import { InputError } from '../domain/errors.js';
import {
  type CalibrationOptions,
  type JudgeCalibration,
  judgeCalibration,
  type PolicyCalibration,
  type PolicyRecommendation,
} from '../domain/judge-calibration.js';
import { MAX_AGREEMENT_DAYS } from './judge-agreement-service.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** A recommendation with the environment variable that holds its setting, when there is one. */
export type CalibrationRecommendation = PolicyRecommendation & {
  /** E.g. 'CHIMERA_JUDGE_APPROVE_AT'; null when no setting holds the threshold. */
  variable: string | null;
};

/** The calibration of the last days, as the CLI and the API show it. */
export interface CalibrationReport extends Omit<JudgeCalibration, 'by_policy'> {
  /** Decisions from this instant on. */
  since: Date;
  by_policy: Array<
    Omit<PolicyCalibration, 'recommendation'> & { recommendation: CalibrationRecommendation }
  >;
}

export class JudgeCalibrationService {
  private readonly now: () => Date;

  constructor(private readonly deps: ServiceDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Decisions of the last `days` days (from now), calibrated against the configured thresholds.
   * `options` default to the domain's (target recall 0.99, 30 decisions, 5 rejections).
   */
  async calibration(
    actor: Actor,
    days: number,
    options: CalibrationOptions = {},
  ): Promise<CalibrationReport> {
    if (!(Number.isInteger(days) && days >= 1 && days <= MAX_AGREEMENT_DAYS)) {
      throw new InputError(
        `days: give a whole number from 1 to ${MAX_AGREEMENT_DAYS}, got ${days}`,
        { context: { field: 'days' } },
      );
    }
    const since = new Date(this.now().getTime() - days * 86_400_000);
    const decisions = await this.deps.store.tenantViews.listDecidedEscalations(
      actor.tenantId,
      since,
    );
    const calibration = judgeCalibration(decisions, this.deps.judgeThresholds, options);
    return {
      since,
      ...calibration,
      by_policy: calibration.by_policy.map((policy) => ({
        ...policy,
        recommendation: {
          ...policy.recommendation,
          variable: policy.recommendation.setting
            ? ENVIRONMENT_VARIABLES[policy.recommendation.setting]
            : null,
        },
      })),
    };
  }
}
