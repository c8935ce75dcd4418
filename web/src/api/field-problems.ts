// The fields a refused request names, from its problem details: the `field` the API puts first,
// and every `field: message` pair of its detail (the services join several with "; "), so a form
// shows each message next to its own field.

import { ApiError } from './client';

/** One problem of one request field, as the API names it (e.g. `template.steps[0].skill`). */
export interface FieldProblem {
  field: string;
  message: string;
}

const PAIR = /^([A-Za-z_][\w.[\]-]*): (.+)$/s;

/**
 * The field problems of `error`, the API's `field` first. A detail piece that names no field
 * continues the message before it ("unknown agent 'x'; create it first"). Validation fields of
 * the request body lose their `body.` prefix. Empty when `error` is not a 4xx problem.
 */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500) return [];
  // The Planner prefixes its list: "invalid campaign: goal: …; agent_ids: …".
  const detail = error.message.replace(/^invalid [\w ]+: (?=[A-Za-z_][\w.[\]-]*: )/, '');
  const problems: FieldProblem[] = [];
  for (const piece of detail.split('; ')) {
    const pair = PAIR.exec(piece);
    const last = problems.at(-1);
    if (pair?.[1] && pair[2]) problems.push({ field: bare(pair[1]), message: pair[2] });
    else if (last) last.message = `${last.message}; ${piece}`;
  }
  const named = error.field ? bare(error.field) : null;
  if (named && !problems.some((problem) => problem.field === named)) {
    problems.unshift({ field: named, message: error.message });
  }
  return problems.sort((a, b) => Number(b.field === named) - Number(a.field === named));
}

function bare(field: string): string {
  return field.replace(/^body\./, '');
}
