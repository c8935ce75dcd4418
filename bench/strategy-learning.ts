// Strategy learning for `npm run bench` (issue 12 §4): 30 simulated days × 3 agents, 3 posts each
// a day, against the sandbox's synthetic audience on a fixed seed. Prints the engagement rate of
// the bandit, a uniform random policy and a fixed best guess. Goal, over the last 10 days: bandit
// ≥ 1.2 × random and bandit > fixed. Always exits 0 (it is a measurement); misses are printed as
// GOAL MISSED lines.

import {
  learningGoalMisses,
  learningReport,
  MIN_GAIN_OVER_RANDOM,
  runLearningSimulation,
} from '../src/domain/strategy/learning-simulation.js';
import { syntheticEngagementRate } from '../src/mcp/servers/social-sandbox/synthetic-audience.js';

const SEED = 'chimera-strategy';

const out = (line = '') => process.stdout.write(`${line}\n`);

const started = performance.now();
const result = runLearningSimulation((post) => syntheticEngagementRate(post, SEED), { seed: SEED });
const elapsedMs = performance.now() - started;
const { days, agents, postsPerDay, evaluationDays } = result.options;
out(
  `Strategy learning: engagement rate, ${days} days × ${agents.length} agents (${agents.map((agent) => agent.id).join(', ')}) × ${postsPerDay} posts/day, synthetic audience, seed '${SEED}' (goal over the last ${evaluationDays} days: bandit ≥ ${MIN_GAIN_OVER_RANDOM} × random and > fixed best guess)`,
);
for (const line of learningReport(result)) out(`  ${line}`);
out(`  simulated in ${elapsedMs.toFixed(0)} ms`);
out();
const misses = learningGoalMisses(result);
if (misses.length === 0) {
  out(
    `  goal met: over the last ${evaluationDays} days the bandit beats random by ≥ ${Math.round(100 * (MIN_GAIN_OVER_RANDOM - 1))} % and beats the fixed best guess`,
  );
}
for (const miss of misses) out(`  GOAL MISSED: ${miss}`);
