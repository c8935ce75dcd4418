// FR-PLAN-001 (a template with a cycle or an unknown dependency is refused) and FR-PLAN-002
// (input bindings are resolved from upstream outputs).

import { describe, expect, it } from 'vitest';
import {
  type BindingScope,
  CampaignTemplate,
  findCycle,
  resolveBindings,
} from './campaign-template.js';

function problems(template: unknown): string[] {
  const parsed = CampaignTemplate.safeParse(template);
  if (parsed.success) throw new Error('expected the template to be refused');
  return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('CampaignTemplate (FR-PLAN-001)', () => {
  it('accepts a DAG and fills in the defaults of each step', () => {
    const template = CampaignTemplate.parse({
      steps: [
        { key: 'outline', skill: 'core.outline' },
        { key: 'compose', skill: 'core.compose', depends_on: ['outline'] },
      ],
    });
    expect(template.steps[0]).toEqual({
      key: 'outline',
      skill: 'core.outline',
      depends_on: [],
      input: {},
      priority: 'medium',
      max_attempts: 3,
    });
    expect(template.steps[1]?.depends_on).toEqual(['outline']);
  });

  it('refuses a duplicate step key and names it', () => {
    expect(
      problems({
        steps: [
          { key: 'outline', skill: 'core.outline' },
          { key: 'outline', skill: 'core.compose' },
        ],
      }),
    ).toEqual(["steps.1.key: duplicate step key 'outline'"]);
  });

  it('refuses a dependency on an undeclared step, naming it and the known steps', () => {
    expect(
      problems({
        steps: [
          { key: 'outline', skill: 'core.outline' },
          { key: 'compose', skill: 'core.compose', depends_on: ['outlin'] },
        ],
      }),
    ).toEqual(["steps.1.depends_on: unknown step 'outlin'; known steps: outline, compose"]);
  });

  it('refuses a cycle and names the steps on it', () => {
    expect(
      problems({
        steps: [
          { key: 'a', skill: 's', depends_on: ['c'] },
          { key: 'b', skill: 's', depends_on: ['a'] },
          { key: 'c', skill: 's', depends_on: ['b'] },
        ],
      }),
    ).toEqual(['steps: steps form a cycle: a → c → b → a']);
  });

  it('refuses a step that depends on itself', () => {
    expect(problems({ steps: [{ key: 'a', skill: 's', depends_on: ['a'] }] })).toEqual([
      'steps: steps form a cycle: a → a',
    ]);
  });

  it('refuses a template without steps', () => {
    expect(problems({ steps: [] })).toHaveLength(1);
  });

  it('refuses step keys that are not lowercase slugs', () => {
    const [problem] = problems({ steps: [{ key: 'Outline', skill: 'core.outline' }] });
    expect(problem).toContain('steps.0.key');
    expect(problem).toContain('use lowercase letters, digits, "_"');
  });
});

describe('findCycle (FR-PLAN-001)', () => {
  it('finds no cycle in a diamond', () => {
    expect(
      findCycle([
        { key: 'a', depends_on: [] },
        { key: 'b', depends_on: ['a'] },
        { key: 'c', depends_on: ['a'] },
        { key: 'd', depends_on: ['b', 'c'] },
      ]),
    ).toBeUndefined();
  });

  it('returns the cycle from its first repeated key back to that key', () => {
    expect(
      findCycle([
        { key: 'root', depends_on: ['x'] },
        { key: 'x', depends_on: ['y'] },
        { key: 'y', depends_on: ['x'] },
      ]),
    ).toEqual(['x', 'y', 'x']);
  });

  it('ignores dependencies on unknown keys', () => {
    expect(findCycle([{ key: 'a', depends_on: ['missing'] }])).toBeUndefined();
  });

  it('finds no cycle when there are no steps', () => {
    expect(findCycle([])).toBeUndefined();
  });
});

describe('resolveBindings (FR-PLAN-002)', () => {
  const scope: BindingScope = {
    campaign: { id: 'camp-1', goal: 'launch the spring drop', name: 'Spring' },
    agent: { id: 'ava', name: 'Ava', niche: 'streetwear' },
    steps: {
      outline: { points: ['one', 'two'], meta: { tone: { primary: 'bold' } } },
      compose: { text: 'hello' },
    },
  };

  it('reads campaign.goal and agent.id', () => {
    expect(
      resolveBindings({ goal: { $from: 'campaign.goal' }, who: { $from: 'agent.id' } }, scope),
    ).toEqual({ goal: 'launch the spring drop', who: 'ava' });
  });

  it('reads step outputs, including nested paths and whole arrays', () => {
    expect(
      resolveBindings(
        {
          points: { $from: 'outline.points' },
          tone: { $from: 'outline.meta.tone.primary' },
          text: { $from: 'compose.text' },
        },
        scope,
      ),
    ).toEqual({ points: ['one', 'two'], tone: 'bold', text: 'hello' });
  });

  it('reads a whole step output when the path is only the step key', () => {
    expect(resolveBindings({ $from: 'compose' }, scope)).toEqual({ text: 'hello' });
  });

  it('resolves bindings inside arrays and nested objects', () => {
    expect(
      resolveBindings(
        { list: [{ $from: 'agent.id' }, 'literal', { inner: { $from: 'campaign.name' } }] },
        scope,
      ),
    ).toEqual({ list: ['ava', 'literal', { inner: 'Spring' }] });
  });

  it('leaves objects with $from next to other keys, or a non-string $from, unchanged', () => {
    const value = {
      mixed: { $from: 'agent.id', extra: 1 },
      numeric: { $from: 42 },
      plain: { a: 1, b: [true, null] },
    };
    expect(resolveBindings(value, scope)).toEqual(value);
  });

  it('leaves primitives and null unchanged', () => {
    for (const value of ['text', 7, true, null, undefined]) {
      expect(resolveBindings(value, scope)).toBe(value);
    }
  });

  it('resolves a path that names nothing to undefined', () => {
    expect(
      resolveBindings(
        {
          a: { $from: 'outline.missing' },
          b: { $from: 'nope.points' },
          c: { $from: 'compose.text.length.deeper' },
        },
        scope,
      ),
    ).toEqual({ a: undefined, b: undefined, c: undefined });
  });

  it('does not change the value it resolves', () => {
    const value = { goal: { $from: 'campaign.goal' } };
    resolveBindings(value, scope);
    expect(value).toEqual({ goal: { $from: 'campaign.goal' } });
  });
});
