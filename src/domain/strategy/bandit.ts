// One agent's learning strategy: Thompson sampling over each dimension of a StrategyChoice on its
// own (factored arms), rewarded by a post's engagement rate, with a floor of exploration. Pure and
// immutable; the state is plain JSON for the store. It does not fetch metrics or schedule posts.
//
// Why Normal-Gamma and not Beta-Bernoulli: an engagement rate is a continuous share whose spread
// from post to post (a few points) dwarfs the binomial noise of its thousands of views. Counting
// views as Bernoulli trials would make the posterior far too sure; counting a post as one trial
// would make it far too vague. A Normal mean with unknown precision learns the real spread from the
// rewards, and its sufficient statistics (pulls, mean, sum of squared deviations) store compactly.
//
// Why factored: 4 × 6 × 5 × 6 = 720 joint choices are too many to try from a few posts a day;
// 21 arms are not. The price: it learns each value's average over the other dimensions, so it
// cannot see interactions (video only at night), and a value tried while the others were still
// poor looks worse than one tried later. The exploration floor keeps re-testing both.

import { z } from 'zod';
import { InputError } from '../errors.js';
import { pickUniform, type Random, sampleGamma, sampleNormal } from '../seeded-random.js';
import {
  DIMENSION_VALUES,
  HookStyle,
  PostFormat,
  PostingHour,
  type StrategyChoice,
  TopicCluster,
} from './strategy-choices.js';

/** The prior of a value's mean engagement rate before any post, the same for every value. */
export const BanditPrior = z.object({
  /** Prior guess of a value's mean engagement rate, in [0, 1]. Default 0.04. */
  mean: z.number().min(0).max(1),
  /** How many posts the prior guess weighs as (κ₀). Default 1. */
  weight: z.number().positive(),
  /**
   * Prior guess of the standard deviation of one post's engagement rate. Default 0.02. It weighs
   * as one post (gamma shape α₀ = 1), so the rewards soon replace it.
   */
  spread: z.number().positive(),
});
export type BanditPrior = z.infer<typeof BanditPrior>;

/** What the bandit knows of one value: sufficient statistics of its rewards (Welford). */
const ArmStats = z.object({
  /** Posts that used the value. */
  pulls: z.number().int().nonnegative(),
  /** Mean reward of those posts; 0 when none. */
  mean: z.number(),
  /** Sum of squared deviations of those rewards from `mean`. */
  squares: z.number().nonnegative(),
});
type Arm<V> = z.infer<typeof ArmStats> & { value: V };

/** One arm per value of a dimension, in the order of `values`. */
function armsOf<V extends string | number>(value: z.ZodType<V>, values: readonly V[]) {
  return z
    .array(ArmStats.extend({ value }))
    .refine(
      (arms) =>
        arms.length === values.length && arms.every((arm, index) => arm.value === values[index]),
      `lists one arm per value, in this order: ${values.join(', ')}`,
    );
}

/** A bandit's whole state, as stored. A new version comes with a migration from the last one. */
export const BanditState = z.object({
  version: z.literal(1),
  /** Chance, per dimension and post, of picking a value uniformly instead of by sampling. */
  epsilon: z.number().min(0).max(1),
  prior: BanditPrior,
  arms: z.object({
    format: armsOf(PostFormat, DIMENSION_VALUES.format),
    topic: armsOf(TopicCluster, DIMENSION_VALUES.topic),
    hook: armsOf(HookStyle, DIMENSION_VALUES.hook),
    hour: armsOf(PostingHour, DIMENSION_VALUES.hour),
  }),
});
export type BanditState = z.infer<typeof BanditState>;

/** Options of a new bandit. */
export interface BanditOptions {
  /**
   * The exploration floor: the chance, for each dimension of each post, that its value is picked
   * uniformly at random. Every value then keeps at least epsilon / (its dimension's size) of the
   * posts, however poor it looks; a post exploits all four dimensions with chance (1 − ε)⁴.
   * @defaultValue 0.1
   */
  epsilon: number;
  /** @defaultValue `{ mean: 0.04, weight: 1, spread: 0.02 }` */
  prior: BanditPrior;
}

export const DEFAULT_BANDIT_OPTIONS: BanditOptions = {
  epsilon: 0.1,
  prior: { mean: 0.04, weight: 1, spread: 0.02 },
};

/** Gamma shape of the prior on the precision of rewards: the prior spread weighs as one post. */
const PRIOR_SHAPE = 1;

/** A bandit that has seen no post. */
export function createBanditState(options: Partial<BanditOptions> = {}): BanditState {
  const { epsilon, prior } = { ...DEFAULT_BANDIT_OPTIONS, ...options };
  const fresh = <V>(values: readonly V[]): Arm<V>[] =>
    values.map((value) => ({ value, pulls: 0, mean: 0, squares: 0 }));
  return BanditState.parse({
    version: 1,
    epsilon,
    prior,
    arms: {
      format: fresh(DIMENSION_VALUES.format),
      topic: fresh(DIMENSION_VALUES.topic),
      hook: fresh(DIMENSION_VALUES.hook),
      hour: fresh(DIMENSION_VALUES.hour),
    },
  });
}

/**
 * The choice for the next post: per dimension, with chance `epsilon` a uniform pick, otherwise the
 * value whose mean engagement rate, drawn from its posterior, is highest. Advances `random`.
 */
export function chooseStrategy(state: BanditState, random: Random): StrategyChoice {
  return {
    format: chooseValue(state, state.arms.format, random),
    topic: chooseValue(state, state.arms.topic, random),
    hook: chooseValue(state, state.arms.hook, random),
    hour: chooseValue(state, state.arms.hour, random),
  };
}

/**
 * The state after a post made with `choice` earned `reward`: its engagement rate,
 * (likes + comments + shares) / views, in [0, 1]. Returns a new state; `state` is left as it was.
 */
export function updateBandit(
  state: BanditState,
  choice: StrategyChoice,
  reward: number,
): BanditState {
  if (!(reward >= 0 && reward <= 1)) {
    throw new InputError(
      `reward ${reward} is not an engagement rate; pass (likes + comments + shares) / views, in [0, 1]`,
      { context: { field: 'reward' } },
    );
  }
  return {
    ...state,
    arms: {
      format: observe(state.arms.format, choice.format, reward),
      topic: observe(state.arms.topic, choice.topic, reward),
      hook: observe(state.arms.hook, choice.hook, reward),
      hour: observe(state.arms.hour, choice.hour, reward),
    },
  };
}

/** What the bandit believes of one value. */
export interface ArmSummary<V> {
  value: V;
  /** Posts that used it. */
  pulls: number;
  /** Posterior mean of its engagement rate (the prior mean when it has no pulls). */
  posteriorMean: number;
}

/** Per dimension, per value (in the dimension's order): pulls and posterior mean. */
export type BanditSummary = { [D in keyof BanditState['arms']]: ArmSummary<StrategyChoice[D]>[] };

/** What the bandit has learned, for `chimera strategy show`. */
export function summarizeBandit(state: BanditState): BanditSummary {
  const summarize = <V>(arms: readonly Arm<V>[]): ArmSummary<V>[] =>
    arms.map((arm) => ({
      value: arm.value,
      pulls: arm.pulls,
      posteriorMean: posterior(state.prior, arm).mean,
    }));
  return {
    format: summarize(state.arms.format),
    topic: summarize(state.arms.topic),
    hook: summarize(state.arms.hook),
    hour: summarize(state.arms.hour),
  };
}

function chooseValue<V>(state: BanditState, arms: readonly Arm<V>[], random: Random): V {
  if (random() < state.epsilon) return pickUniform(random, arms).value;
  return arms
    .map((arm) => ({ value: arm.value, draw: sampleMean(state.prior, arm, random) }))
    .reduce((best, next) => (next.draw > best.draw ? next : best)).value;
}

/** Welford's update of the arm that was pulled; the others are kept as they are. */
function observe<V>(arms: readonly Arm<V>[], value: V, reward: number): Arm<V>[] {
  return arms.map((arm) => {
    if (arm.value !== value) return arm;
    const pulls = arm.pulls + 1;
    const delta = reward - arm.mean;
    const mean = arm.mean + delta / pulls;
    return { ...arm, pulls, mean, squares: arm.squares + delta * (reward - mean) };
  });
}

/** Normal-Gamma posterior of an arm's mean μ and reward precision τ. */
interface Posterior {
  mean: number;
  /** κ: the mean's precision is κτ. */
  weight: number;
  /** α and β of τ ~ Gamma(α, β). */
  shape: number;
  rate: number;
}

function posterior(prior: BanditPrior, arm: Arm<unknown>): Posterior {
  const weight = prior.weight + arm.pulls;
  return {
    mean: (prior.weight * prior.mean + arm.pulls * arm.mean) / weight,
    weight,
    shape: PRIOR_SHAPE + arm.pulls / 2,
    rate:
      PRIOR_SHAPE * prior.spread ** 2 +
      arm.squares / 2 +
      (prior.weight * arm.pulls * (arm.mean - prior.mean) ** 2) / (2 * weight),
  };
}

/** A draw of the arm's mean: τ from its gamma, then μ from Normal(mean, 1 / (κτ)). */
function sampleMean(prior: BanditPrior, arm: Arm<unknown>, random: Random): number {
  const belief = posterior(prior, arm);
  const precision = sampleGamma(random, belief.shape, belief.rate);
  return belief.mean + sampleNormal(random) / Math.sqrt(belief.weight * precision);
}
