// The create-campaign form's model: its fields as text, the campaign file they make (what POST
// /api/v1/campaigns and `chimera campaign launch` read), and which field an API problem belongs to.
// The form checks nothing the API checks: the API's schema is the one judge of a campaign.

import type { FieldProblem } from '../api/field-problems';

/** The form's fields, as typed. */
export interface CampaignDraft {
  name: string;
  goal: string;
  /** Agent ids separated by commas or spaces. */
  agents: string;
  /** The template's steps as JSON (an array, or a template object with `steps`). */
  steps: string;
}

export type DraftField = keyof CampaignDraft;

/** A one-step template to start from. */
export const BLANK_DRAFT: CampaignDraft = {
  name: '',
  goal: '',
  agents: '',
  steps: JSON.stringify(
    [{ key: 'outline', skill: 'core.outline', input: { goal: { $from: 'campaign.goal' } } }],
    null,
    2,
  ),
};

/** The draft of a campaign file's content, or of a stored campaign (same fields). */
export function draftOf(file: unknown): CampaignDraft {
  const record = (typeof file === 'object' && file !== null ? file : {}) as Record<string, unknown>;
  const template = record.template as { steps?: unknown } | undefined;
  return {
    name: typeof record.name === 'string' ? record.name : '',
    goal: typeof record.goal === 'string' ? record.goal : '',
    agents: Array.isArray(record.agent_ids) ? record.agent_ids.join(', ') : '',
    steps: JSON.stringify(template?.steps ?? [], null, 2),
  };
}

/** The campaign file of `draft`, or the reason its steps cannot be read as JSON. */
export function fileOf(
  draft: CampaignDraft,
): { file: Record<string, unknown> } | { stepsProblem: string } {
  let steps: unknown;
  try {
    steps = JSON.parse(draft.steps);
  } catch (error) {
    return { stepsProblem: `not JSON: ${(error as Error).message}` };
  }
  if (typeof steps === 'object' && steps !== null && !Array.isArray(steps) && 'steps' in steps) {
    steps = (steps as { steps: unknown }).steps;
  }
  return {
    file: {
      name: draft.name.trim(),
      goal: draft.goal.trim(),
      agent_ids: draft.agents.split(/[\s,]+/).filter((agent) => agent !== ''),
      template: { steps },
    },
  };
}

/** The form field an API problem's field belongs to; null for none (shown above the form). */
export function draftFieldOf(apiField: string): DraftField | null {
  const root = apiField.split(/[.[]/)[0];
  if (root === 'name' || root === 'goal') return root;
  if (root === 'agent_ids') return 'agents';
  if (root === 'template') return 'steps';
  return null;
}

/** The problems of each form field (several joined), and those of no field. */
export function problemsByField(problems: readonly FieldProblem[]): {
  byField: Partial<Record<DraftField, string>>;
  other: string[];
  first: DraftField | null;
} {
  const byField: Partial<Record<DraftField, string>> = {};
  const other: string[] = [];
  let first: DraftField | null = null;
  for (const problem of problems) {
    const field = draftFieldOf(problem.field);
    if (!field) {
      other.push(`${problem.field}: ${problem.message}`);
      continue;
    }
    first ??= field;
    // Deeper paths keep their place: "steps[0].skill: unknown skill 'x'".
    const deeper = /^(name|goal)$|^(agent_ids|template)$/.test(problem.field)
      ? problem.message
      : `${problem.field.replace(/^template\./, '')}: ${problem.message}`;
    byField[field] = byField[field] ? `${byField[field]}; ${deeper}` : deeper;
  }
  return { byField, other, first };
}
