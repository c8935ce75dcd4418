// The Judge: checks a result against the skill's acceptance criteria (its output schema), runs
// the policy hooks, and routes by confidence. It decides; it never performs the effect.

import { ConfigError } from '../domain/errors.js';
import { fieldProblems } from '../domain/field-problems.js';
import {
  DEFAULT_THRESHOLDS,
  type JudgeThresholds,
  type PolicyFinding,
  routeVerdict,
  thresholdsProblem,
} from '../domain/judge-routing.js';
import type { Task } from '../domain/task.js';
import type { Verdict } from '../domain/verdict.js';
import type { AnySkill } from '../skills/skill.js';

/** What a policy hook looks at. */
export interface JudgeSubject {
  task: Task;
  skill: AnySkill;
  output: unknown;
  confidence: number;
}

/** A policy hook: returns findings that force an escalation or a rejection, with reasons. */
export interface JudgePolicy {
  readonly name: string;
  evaluate(subject: JudgeSubject): readonly PolicyFinding[] | Promise<readonly PolicyFinding[]>;
  /** Loads what the policy needs (a model) before the first judgement, so no lease pays for it. */
  prepare?(): Promise<void>;
}

/** Judge options. */
export interface JudgeOptions {
  /** Confidence thresholds. Default approve ≥ 0.90, escalate ≥ 0.70. */
  thresholds?: JudgeThresholds;
  /** Policy hooks, run in order on every schema-valid result. */
  policies?: readonly JudgePolicy[];
  now?: () => Date;
}

export class Judge {
  readonly thresholds: JudgeThresholds;
  private readonly policies: readonly JudgePolicy[];
  private readonly now: () => Date;

  constructor(options: JudgeOptions = {}) {
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    const problem = thresholdsProblem(this.thresholds);
    if (problem) throw new ConfigError('CONFIG_INVALID', `judge thresholds: ${problem}`);
    this.policies = options.policies ?? [];
    this.now = options.now ?? (() => new Date());
  }

  /** Prepares every policy that has something to load. */
  async prepare(): Promise<void> {
    await Promise.all(this.policies.map((policy) => policy.prepare?.()));
  }

  /** Judges one result. */
  async judge(subject: JudgeSubject): Promise<Verdict> {
    const parsed = subject.skill.outputSchema.safeParse(subject.output);
    const schemaProblems = parsed.success ? [] : fieldProblems(parsed.error);
    const findings: PolicyFinding[] = [];
    if (parsed.success) {
      for (const policy of this.policies) findings.push(...(await policy.evaluate(subject)));
    }
    return routeVerdict({
      confidence: subject.confidence,
      schemaProblems,
      findings,
      thresholds: this.thresholds,
      now: this.now(),
    });
  }
}
