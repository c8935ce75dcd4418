// Offline evidence that the bandit learns (issue 12 §4): days of posts by a few agents, judged by an
// audience model, under three policies (the bandit, a uniform random pick, a fixed best guess) on
// one seed. Pure: the audience comes in as a function (the sandbox's synthetic one in the bench).

import { createRandom, pickUniform, type Random, seedFrom } from '../seeded-random.js';
import { type BanditOptions, chooseStrategy, createBanditState, updateBandit } from './bandit.js';
import { DIMENSION_VALUES, type StrategyChoice } from './strategy-choices.js';

/** An agent of the simulation. */
export interface SimulatedAgent {
  id: string;
  niche: string;
}

/** A post of the simulation, as the audience sees it. */
export interface SimulatedPost {
  /** `<agent>:<day>:<slot>`, the same under every policy, so each policy meets the same luck. */
  id: string;
  agentId: string;
  niche: string;
  choice: StrategyChoice;
}

/** The engagement rate a post earns, in [0, 1]; a deterministic function of the post. */
export type Audience = (post: SimulatedPost) => number;

/** The three agents of the acceptance run. */
export const SIMULATED_AGENTS: readonly SimulatedAgent[] = [
  { id: 'ava', niche: 'sustainable fashion' },
  { id: 'milo', niche: 'home espresso' },
  { id: 'noor', niche: 'trail running' },
];

/** What a sensible person picks with no data: a video of tips, opened by a question, at 18:00. */
export const BEST_GUESS: StrategyChoice = {
  format: 'video',
  topic: 'tips',
  hook: 'question',
  hour: 18,
};

/** The policies compared: the bandit, a uniform pick per dimension, and always `BEST_GUESS`. */
export const POLICIES = ['bandit', 'random', 'fixed'] as const;
export type PolicyName = (typeof POLICIES)[number];

/** Options of a simulation run. */
export interface LearningSimulationOptions {
  /** Seeds every policy's random source. @defaultValue 'chimera-strategy' */
  seed: string;
  /** @defaultValue 30 */
  days: number;
  /** Posts per agent per day. @defaultValue 3 */
  postsPerDay: number;
  /** The last days, whose posts `lastDaysRate` averages. @defaultValue 10 */
  evaluationDays: number;
  /** @defaultValue SIMULATED_AGENTS */
  agents: readonly SimulatedAgent[];
  /** The bandit's options. @defaultValue DEFAULT_BANDIT_OPTIONS */
  bandit: Partial<BanditOptions>;
}

export const DEFAULT_SIMULATION_OPTIONS: LearningSimulationOptions = {
  seed: 'chimera-strategy',
  days: 30,
  postsPerDay: 3,
  evaluationDays: 10,
  agents: SIMULATED_AGENTS,
  bandit: {},
};

/** How one policy fared. */
export interface PolicyOutcome {
  /** Mean engagement rate of each day's posts, over all agents; day 1 first. */
  dailyRates: number[];
  /** Mean engagement rate of the posts of the last `evaluationDays` days. */
  lastDaysRate: number;
}

export interface LearningSimulationResult {
  options: LearningSimulationOptions;
  outcomes: Record<PolicyName, PolicyOutcome>;
}

/** The acceptance goal over the last days: bandit ≥ this × random, and bandit > fixed. */
export const MIN_GAIN_OVER_RANDOM = 1.2;

/** How the result misses the goal, one line per miss; empty when it meets it. */
export function learningGoalMisses(result: LearningSimulationResult): string[] {
  const { bandit, random, fixed } = result.outcomes;
  const misses: string[] = [];
  if (!(bandit.lastDaysRate >= MIN_GAIN_OVER_RANDOM * random.lastDaysRate)) {
    misses.push(
      `bandit ${percent(bandit.lastDaysRate)} < ${MIN_GAIN_OVER_RANDOM} × random ${percent(random.lastDaysRate)}`,
    );
  }
  if (!(bandit.lastDaysRate > fixed.lastDaysRate)) {
    misses.push(
      `bandit ${percent(bandit.lastDaysRate)} ≤ fixed best guess ${percent(fixed.lastDaysRate)}`,
    );
  }
  return misses;
}

/**
 * The figures as text lines: per policy, the rate over the last days and its ratio to random, then
 * the mean rate of each block of `evaluationDays` days, so the learning curve shows.
 */
export function learningReport(result: LearningSimulationResult): string[] {
  const { evaluationDays } = result.options;
  const random = result.outcomes.random.lastDaysRate;
  const blocks = (rates: readonly number[]) =>
    Array.from({ length: Math.ceil(rates.length / evaluationDays) }, (_, block) =>
      mean(rates.slice(block * evaluationDays, (block + 1) * evaluationDays)),
    );
  const blockLabels = blocks(result.outcomes.random.dailyRates).map((_, block) => {
    const first = block * evaluationDays + 1;
    return `days ${first}–${Math.min(result.options.days, first + evaluationDays - 1)}`;
  });
  const header = [
    'policy'.padEnd(8),
    `last ${evaluationDays} days`.padStart(14),
    '× random'.padStart(10),
    ...blockLabels.map((label) => label.padStart(12)),
  ];
  const rows = POLICIES.map((name) => {
    const outcome = result.outcomes[name];
    return [
      name.padEnd(8),
      percent(outcome.lastDaysRate).padStart(14),
      (outcome.lastDaysRate / random).toFixed(2).padStart(10),
      ...blocks(outcome.dailyRates).map((rate) => percent(rate).padStart(12)),
    ];
  });
  return [header, ...rows].map((cells) => cells.join(''));
}

/**
 * Runs every policy for `days` days. Each morning an agent's policy picks the day's
 * `postsPerDay` choices; the bandit sees their rates that evening, as a day's engagement settles.
 */
export function runLearningSimulation(
  audience: Audience,
  options: Partial<LearningSimulationOptions> = {},
): LearningSimulationResult {
  const settings = { ...DEFAULT_SIMULATION_OPTIONS, ...options };
  const outcome = (name: PolicyName): PolicyOutcome => {
    const dailyRates = simulatePolicy(name, audience, settings);
    return { dailyRates, lastDaysRate: mean(dailyRates.slice(-settings.evaluationDays)) };
  };
  return {
    options: settings,
    outcomes: { bandit: outcome('bandit'), random: outcome('random'), fixed: outcome('fixed') },
  };
}

/** A policy for one agent: it chooses, and may learn from what a choice earned. */
interface Policy {
  choose(): StrategyChoice;
  learn(choice: StrategyChoice, reward: number): void;
}

function simulatePolicy(
  name: PolicyName,
  audience: Audience,
  settings: LearningSimulationOptions,
): number[] {
  const policies = settings.agents.map((agent) => ({
    agent,
    policy: policyFor(name, agent, settings),
  }));
  return Array.from({ length: settings.days }, (_, day) => {
    const rates = policies.flatMap(({ agent, policy }) => {
      const posts = Array.from({ length: settings.postsPerDay }, (_, slot) => ({
        id: `${agent.id}:${day + 1}:${slot + 1}`,
        agentId: agent.id,
        niche: agent.niche,
        choice: policy.choose(),
      }));
      const earned = posts.map((post) => ({ choice: post.choice, rate: audience(post) }));
      for (const { choice, rate } of earned) policy.learn(choice, rate);
      return earned.map(({ rate }) => rate);
    });
    return mean(rates);
  });
}

function policyFor(
  name: PolicyName,
  agent: SimulatedAgent,
  settings: LearningSimulationOptions,
): Policy {
  const random = createRandom(seedFrom(settings.seed, name, agent.id));
  switch (name) {
    case 'bandit': {
      let state = createBanditState(settings.bandit);
      return {
        choose: () => chooseStrategy(state, random),
        learn: (choice, reward) => {
          state = updateBandit(state, choice, reward);
        },
      };
    }
    case 'random':
      return { choose: () => randomChoice(random), learn: () => undefined };
    case 'fixed':
      return { choose: () => BEST_GUESS, learn: () => undefined };
  }
}

function randomChoice(random: Random): StrategyChoice {
  return {
    format: pickUniform(random, DIMENSION_VALUES.format),
    topic: pickUniform(random, DIMENSION_VALUES.topic),
    hook: pickUniform(random, DIMENSION_VALUES.hook),
    hour: pickUniform(random, DIMENSION_VALUES.hour),
  };
}

function percent(rate: number): string {
  return `${(100 * rate).toFixed(2)} %`;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
