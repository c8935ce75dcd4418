// FR-WORK-002: invalid input or output is reported per field, naming the field path.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldProblems } from './field-problems.js';

function problemsOf(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the value to be invalid');
  return fieldProblems(parsed.error);
}

describe('fieldProblems (FR-WORK-002)', () => {
  it('names an array element as points[0]', () => {
    const [problem] = problemsOf(z.object({ points: z.array(z.string()) }), { points: [7] });
    expect(problem).toMatch(/^points\[0\]: /);
    expect(problem).toContain('expected string');
    expect(problem).toContain('number');
  });

  it('names a nested field as a.b', () => {
    const [problem] = problemsOf(z.object({ a: z.object({ b: z.number() }) }), { a: { b: 'x' } });
    expect(problem).toMatch(/^a\.b: /);
  });

  it('names fields inside array elements as items[1].name and matrix[0][2]', () => {
    const schema = z.object({
      items: z.array(z.object({ name: z.string() })),
      matrix: z.array(z.array(z.number())),
    });
    const problems = problemsOf(schema, {
      items: [{ name: 'ok' }, { name: 3 }],
      matrix: [[1, 2, 'x']],
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'items[1].name',
      'matrix[0][2]',
    ]);
  });

  it('calls the root (input) when the whole value is wrong', () => {
    const [problem] = problemsOf(z.object({ a: z.string() }), 'not an object');
    expect(problem).toMatch(/^\(input\): /);
  });

  it('names a top-level array element without a leading dot', () => {
    const [problem] = problemsOf(z.array(z.string()), ['a', 1]);
    expect(problem).toMatch(/^\[1\]: /);
  });

  it('gives one line per problem, in the order zod reports them', () => {
    const schema = z.object({ title: z.string().min(3), tags: z.array(z.string()).max(1) });
    const problems = problemsOf(schema, { title: 'no', tags: ['a', 'b'] });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^title: /);
    expect(problems[1]).toMatch(/^tags: /);
    for (const problem of problems) expect(problem).not.toContain('\n');
  });

  it('keeps the message of a custom refinement', () => {
    const schema = z.object({ slug: z.string().regex(/^[a-z]+$/, 'use lowercase letters') });
    expect(problemsOf(schema, { slug: 'Bad' })).toEqual(['slug: use lowercase letters']);
  });
});
