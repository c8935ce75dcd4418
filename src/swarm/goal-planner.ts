// Plans a campaign from a goal in plain language: the configured model writes the campaign file
// as structured output, given the goal, the tenant's agents, the skills and the campaign library
// (campaign-library.ts); the Planner's own check then validates it as it would a file a person
// wrote. The result is a draft: nothing is launched, so the operator can read the DAG and edit it
// first. Offline, the model maps the goal to the closest library template.

import type { LanguageModel } from 'ai';
import { z } from 'zod';
import type { Agent } from '../domain/agent.js';
import type { CampaignSpec } from '../domain/campaign.js';
import { ChimeraError } from '../domain/errors.js';
import { withContext } from '../models/model-context.js';
import { generateStructured } from '../models/structured-generation.js';
import type { SkillRegistry } from '../skills/skill-registry.js';
import { CAMPAIGN_LIBRARY } from './campaign-library.js';

/** The answer asked of the model: a campaign file with no dates (JSON Schema has none). */
const CampaignAnswer = z.object({
  name: z.string(),
  goal: z.string(),
  agent_ids: z.array(z.string()),
  schedule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('once') }),
    z.object({ kind: z.literal('interval'), every: z.string() }),
    z.object({ kind: z.literal('cron'), cron: z.string(), timezone: z.string() }),
  ]),
  template: z.object({
    steps: z.array(
      z.object({
        key: z.string(),
        skill: z.string(),
        depends_on: z.array(z.string()),
        input: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
});

const SYSTEM = `You plan campaigns for AI influencer agents. Answer with one campaign file: a name,
the goal, the agents that pursue it (only from the agents given), a schedule (once, an interval
such as "1d", or a cron expression with an IANA time zone) and a template: steps, each running one
of the skills given, with depends_on naming earlier steps and inputs that may bind
{"$from": "<step>"}, {"$from": "<step>.<field>"}, {"$from": "campaign.goal"} or {"$from": "agent"}.
Start from the library template closest to the goal.`;

export interface GoalPlannerOptions {
  model: LanguageModel;
  skills: SkillRegistry;
  /** The Planner's check of a campaign file: the schema, skills and spec ids. */
  check(raw: unknown): CampaignSpec;
}

export class GoalPlanner {
  constructor(private readonly options: GoalPlannerOptions) {}

  /**
   * A draft campaign for `goal`, run by `agents`. A model answer that is not a valid campaign is
   * MODEL_OUTPUT_INVALID naming the field.
   */
  async draft(goal: string, agents: readonly Agent[]): Promise<CampaignSpec> {
    const { model, skills, check } = this.options;
    const context = {
      task: 'campaign_plan',
      goal,
      agents: agents.map(({ id, name, niche }) => ({ id, name, niche })),
      skills: skills.list().map(({ name, description }) => ({ name, description })),
      templates: CAMPAIGN_LIBRARY,
    };
    const { value } = await generateStructured(model, {
      purpose: 'campaign plan',
      system: SYSTEM,
      prompt: withContext(`Plan a campaign for this goal: ${goal}`, context),
      schema: CampaignAnswer,
    });
    const known = new Set(agents.map((agent) => agent.id));
    const stranger = value.agent_ids.find((id) => !known.has(id));
    if (stranger !== undefined) {
      throw invalid(`agent_ids: '${stranger}' is not one of ${[...known].join(', ') || 'none'}`);
    }
    try {
      return check(value);
    } catch (error) {
      if (!(error instanceof ChimeraError)) throw error;
      throw invalid(error.message.replace(/^invalid campaign: /, ''), error);
    }
  }
}

function invalid(problem: string, cause?: Error): ChimeraError {
  return new ChimeraError(
    'MODEL_OUTPUT_INVALID',
    `campaign plan: the model's answer is not a valid campaign: ${problem}`,
    cause ? { cause } : {},
  );
}
