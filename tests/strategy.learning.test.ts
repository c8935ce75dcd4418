// Issue 12 §4: a per-agent bandit over format, topic cluster, hook style and posting hour learns
// from engagement. 30 simulated days × 3 agents in the sandbox's synthetic audience, on a fixed
// seed: over the last 10 days it beats a random policy by ≥ 20 % and a fixed best guess. Also the
// bandit's contract: pure updates, JSON state, an exploration floor, determinism per seed.

import { describe, expect, it } from 'vitest';
import { InputError } from '../src/domain/errors.js';
import {
  createRandom,
  type Random,
  sampleGamma,
  sampleNormal,
  seedFrom,
} from '../src/domain/seeded-random.js';
import {
  BanditState,
  chooseStrategy,
  createBanditState,
  summarizeBandit,
  updateBandit,
} from '../src/domain/strategy/bandit.js';
import {
  BEST_GUESS,
  learningGoalMisses,
  learningReport,
  MIN_GAIN_OVER_RANDOM,
  runLearningSimulation,
  SIMULATED_AGENTS,
} from '../src/domain/strategy/learning-simulation.js';
import {
  DIMENSION_VALUES,
  STRATEGY_DIMENSIONS,
  type StrategyChoice,
} from '../src/domain/strategy/strategy-choices.js';
import {
  expectedEngagementRate,
  syntheticEngagementRate,
} from '../src/mcp/servers/social-sandbox/synthetic-audience.js';

const SEED = 'chimera-strategy';
const audience = (post: Parameters<typeof syntheticEngagementRate>[0]) =>
  syntheticEngagementRate(post, SEED);

/** Every one of the 720 joint choices. */
const ALL_CHOICES: StrategyChoice[] = DIMENSION_VALUES.format.flatMap((format) =>
  DIMENSION_VALUES.topic.flatMap((topic) =>
    DIMENSION_VALUES.hook.flatMap((hook) =>
      DIMENSION_VALUES.hour.map((hour) => ({ format, topic, hook, hour })),
    ),
  ),
);

const FAVOURITE: StrategyChoice = { format: 'text', topic: 'news', hook: 'stat', hour: 6 };

/** A bandit after `posts` posts against an audience that pays 10 % for FAVOURITE, 1 % otherwise. */
function trainedOnFavourite(epsilon: number, posts: number): BanditState {
  const random = createRandom(seedFrom('favourite', epsilon));
  let state = createBanditState({ epsilon });
  for (let post = 0; post < posts; post++) {
    const choice = chooseStrategy(state, random);
    const reward = STRATEGY_DIMENSIONS.every(
      (dimension) => choice[dimension] === FAVOURITE[dimension],
    )
      ? 0.1
      : 0.01;
    state = updateBandit(state, choice, reward);
  }
  return state;
}

function choices(random: Random, count: number): StrategyChoice[] {
  const state = trainedOnFavourite(0.1, 50);
  return Array.from({ length: count }, () => chooseStrategy(state, random));
}

describe('learning from engagement over 30 simulated days × 3 agents', () => {
  it('beats random by ≥ 20 % and the fixed best guess over the last 10 days', () => {
    const result = runLearningSimulation(audience, { seed: SEED });
    process.stdout.write(
      `${[`seed ${SEED}, ${result.options.postsPerDay} posts/agent/day`, ...learningReport(result)].join('\n')}\n`,
    );
    const { bandit, random, fixed } = result.outcomes;
    expect(bandit.lastDaysRate).toBeGreaterThanOrEqual(MIN_GAIN_OVER_RANDOM * random.lastDaysRate);
    expect(bandit.lastDaysRate).toBeGreaterThan(fixed.lastDaysRate);
    expect(learningGoalMisses(result)).toEqual([]);
  });

  it('gives the same figures for the same seed', () => {
    expect(runLearningSimulation(audience, { seed: SEED })).toEqual(
      runLearningSimulation(audience, { seed: SEED }),
    );
  });
});

describe('the synthetic audience', () => {
  it('expects realistic rates, 1–12 %, and pays each post the same every time', () => {
    for (const agent of SIMULATED_AGENTS) {
      for (const choice of ALL_CHOICES) {
        const rate = expectedEngagementRate(
          { agentId: agent.id, niche: agent.niche, choice },
          SEED,
        );
        expect(rate).toBeGreaterThanOrEqual(0.01);
        expect(rate).toBeLessThanOrEqual(0.12);
      }
      const post = {
        id: `${agent.id}:1:1`,
        agentId: agent.id,
        niche: agent.niche,
        choice: BEST_GUESS,
      };
      expect(syntheticEngagementRate(post, SEED)).toBe(syntheticEngagementRate(post, SEED));
    }
  });

  it('rewards the best guess above the average choice, yet below each agent’s optimum', () => {
    for (const agent of SIMULATED_AGENTS) {
      const rates = ALL_CHOICES.map((choice) =>
        expectedEngagementRate({ agentId: agent.id, niche: agent.niche, choice }, SEED),
      );
      const guess = expectedEngagementRate(
        { agentId: agent.id, niche: agent.niche, choice: BEST_GUESS },
        SEED,
      );
      expect(guess).toBeGreaterThan(rates.reduce((sum, rate) => sum + rate, 0) / rates.length);
      expect(guess).toBeLessThan(Math.max(...rates));
    }
  });
});

describe('the bandit', () => {
  it('updates purely: a new state, the old one untouched', () => {
    const before = createBanditState();
    const snapshot = structuredClone(before);
    const after = updateBandit(before, BEST_GUESS, 0.05);
    expect(before).toEqual(snapshot);
    expect(after).not.toBe(before);
    const video = summarizeBandit(after).format.find((arm) => arm.value === 'video');
    expect(video?.pulls).toBe(1);
    expect(summarizeBandit(before).format.every((arm) => arm.pulls === 0)).toBe(true);
  });

  it('round-trips its state through JSON and the zod schema', () => {
    const state = trainedOnFavourite(0.1, 40);
    const stored = JSON.parse(JSON.stringify(state));
    expect(BanditState.parse(stored)).toEqual(state);
    expect(BanditState.safeParse({ ...stored, version: 2 }).success).toBe(false);
    const missingHour = { ...stored, arms: { ...stored.arms, hour: stored.arms.hour.slice(1) } };
    expect(BanditState.safeParse(missingHour).success).toBe(false);
  });

  it('refuses a reward that is not an engagement rate', () => {
    for (const reward of [-0.01, 1.5, Number.NaN]) {
      expect(() => updateBandit(createBanditState(), BEST_GUESS, reward)).toThrow(InputError);
    }
  });

  it('summarizes pulls and a posterior mean between the prior and the rewards', () => {
    let state = createBanditState();
    for (const reward of [0.08, 0.1, 0.09]) state = updateBandit(state, BEST_GUESS, reward);
    const summary = summarizeBandit(state);
    const hour18 = summary.hour.find((arm) => arm.value === 18);
    expect(hour18?.pulls).toBe(3);
    expect(hour18?.posteriorMean).toBeCloseTo((0.04 + 0.08 + 0.1 + 0.09) / 4, 10);
    expect(summary.hour.find((arm) => arm.value === 6)).toEqual({
      value: 6,
      pulls: 0,
      posteriorMean: 0.04,
    });
  });

  it('keeps pulling every value of every dimension through its exploration floor', () => {
    const posts = 3_000;
    const floorShare = (dimension: (typeof STRATEGY_DIMENSIONS)[number]) =>
      (0.1 / DIMENSION_VALUES[dimension].length) * posts;
    const explored = summarizeBandit(trainedOnFavourite(0.1, posts));
    for (const dimension of STRATEGY_DIMENSIONS) {
      const favourite = explored[dimension].find((arm) => arm.value === FAVOURITE[dimension]);
      expect(favourite?.pulls).toBeGreaterThan(posts / 2);
      for (const arm of explored[dimension]) {
        expect(arm.pulls).toBeGreaterThanOrEqual(floorShare(dimension) / 2);
      }
    }
    // Without the floor, sampling alone gives up on some value.
    const greedy = summarizeBandit(trainedOnFavourite(0, posts));
    const starved = STRATEGY_DIMENSIONS.some((dimension) =>
      greedy[dimension].some((arm) => arm.pulls < floorShare(dimension) / 2),
    );
    expect(starved).toBe(true);
  });

  it('makes the same choices from the same seed, and others from another', () => {
    const first = choices(createRandom(seedFrom('choices', 1)), 50);
    expect(choices(createRandom(seedFrom('choices', 1)), 50)).toEqual(first);
    expect(choices(createRandom(seedFrom('choices', 2)), 50)).not.toEqual(first);
  });
});

describe('the seeded samplers', () => {
  const moments = (draws: number[]) => {
    const mean = draws.reduce((sum, draw) => sum + draw, 0) / draws.length;
    const variance = draws.reduce((sum, draw) => sum + (draw - mean) ** 2, 0) / draws.length;
    return { mean, variance };
  };

  it('draw standard normals', () => {
    const random = createRandom(7);
    const { mean, variance } = moments(Array.from({ length: 20_000 }, () => sampleNormal(random)));
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
  });

  it.each([0.5, 1, 3.5])('draw Gamma(%s, 2) with mean shape/2 and variance shape/4', (shape) => {
    const random = createRandom(seedFrom('gamma', shape));
    const draws = Array.from({ length: 20_000 }, () => sampleGamma(random, shape, 2));
    const { mean, variance } = moments(draws);
    expect(draws.every((draw) => draw > 0)).toBe(true);
    expect(Math.abs(mean - shape / 2)).toBeLessThan(0.03 * shape);
    expect(Math.abs(variance - shape / 4)).toBeLessThan(0.08 * shape);
  });
});
