// The offline model's writer for planning a campaign from a goal in plain language: it picks the
// library template whose keywords the goal uses most (the first on a tie, and the first when the
// goal uses none) and fills in the goal and agents. Deterministic; it invents no new templates.

import type { OfflineWriter } from './offline-language-model.js';

interface PlanContext {
  goal: string;
  agents: Array<{ id: string }>;
  templates: Array<{
    name: string;
    keywords: string[];
    schedule: unknown;
    template: unknown;
  }>;
}

/** Writes a campaign file for the goal in context from the closest template. */
export const campaignPlanWriter: OfflineWriter = (raw) => {
  const { goal, agents, templates } = raw as unknown as PlanContext;
  const words = goal.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const score = (keywords: string[]) =>
    keywords.filter((stem) => words.some((word) => word.startsWith(stem))).length;
  const closest = templates.reduce((best, each) =>
    score(each.keywords) > score(best.keywords) ? each : best,
  );
  return {
    name: `${closest.name}: ${goal}`.slice(0, 200),
    goal,
    agent_ids: agents.map((agent) => agent.id),
    schedule: closest.schedule,
    template: closest.template,
  };
};
