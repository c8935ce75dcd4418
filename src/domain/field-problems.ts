// Turns zod issues into one line per problem that names the field, what was wrong and, where zod
// says, what was expected: "points[0]: expected string, received number".

import type { z } from 'zod';

/** Formats each issue as `path: message`; the root is called `(input)`. */
export function fieldProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(input)';
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
