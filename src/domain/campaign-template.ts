// The declarative template a Planner expands into a task DAG, and its binding language.
// A step's input may hold `{ "$from": "<step>.<path>" }`, `{ "$from": "campaign.goal" }`,
// `{ "$from": "agent.id" }` or `{ "$from": "strategy" }`; bindings are resolved when the step is
// queued, never earlier.

import { z } from 'zod';
import { TaskPriority } from './task.js';

const StepKey = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'use lowercase letters, digits, "_"');

/** One step of a template: which skill, after which steps, with which input. */
export const TemplateStep = z.object({
  key: StepKey,
  skill: z.string().min(1),
  /** Overrides the skill's own spec id; must exist in specs/. */
  spec_id: z.string().optional(),
  depends_on: z.array(StepKey).default([]),
  input: z.record(z.string(), z.unknown()).default({}),
  priority: TaskPriority.default('medium'),
  max_attempts: z.number().int().min(1).max(20).default(3),
  /** Time allowed from planning to completion, in milliseconds. */
  deadline_ms: z.number().int().positive().optional(),
});
export type TemplateStep = z.infer<typeof TemplateStep>;

/** A DAG of steps: keys unique, dependencies known, no cycles. */
export const CampaignTemplate = z
  .object({ steps: z.array(TemplateStep).min(1).max(500) })
  .superRefine((template, context) => {
    const keys = new Set<string>();
    template.steps.forEach((step, index) => {
      if (keys.has(step.key)) {
        context.addIssue({
          code: 'custom',
          path: ['steps', index, 'key'],
          message: `duplicate step key '${step.key}'`,
        });
      }
      keys.add(step.key);
    });
    template.steps.forEach((step, index) => {
      for (const dependency of step.depends_on) {
        if (!keys.has(dependency)) {
          context.addIssue({
            code: 'custom',
            path: ['steps', index, 'depends_on'],
            message: `unknown step '${dependency}'; known steps: ${[...keys].join(', ')}`,
          });
        }
      }
    });
    const cycle = findCycle(template.steps);
    if (cycle) {
      context.addIssue({
        code: 'custom',
        path: ['steps'],
        message: `steps form a cycle: ${cycle.join(' → ')}`,
      });
    }
  });
export type CampaignTemplate = z.infer<typeof CampaignTemplate>;

/** Returns one dependency cycle as a list of keys, or undefined when the steps form a DAG. */
export function findCycle(
  steps: ReadonlyArray<{ key: string; depends_on: readonly string[] }>,
): string[] | undefined {
  const byKey = new Map(steps.map((step) => [step.key, step]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | undefined => {
    if (state.get(key) === 'done') return undefined;
    if (state.get(key) === 'visiting') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'visiting');
    path.push(key);
    for (const dependency of byKey.get(key)?.depends_on ?? []) {
      const cycle = visit(dependency);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(key, 'done');
    return undefined;
  };
  for (const step of steps) {
    const cycle = visit(step.key);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Values a binding may read: the campaign, the agent, the agent's strategy for this task (its
 * bandit's choice: format, topic, hook, hour), and approved upstream outputs by step key.
 */
export interface BindingScope {
  campaign: { id: string; goal: string; name: string };
  /** The agent: id, name, niche, and its persona's fields (voice_traits, directives, …). */
  agent: { id: string; name: string; niche: string } & Record<string, unknown>;
  /** Drawn only for a task whose input binds `strategy` (see `bindsStrategy`). */
  strategy?: Record<string, unknown>;
  steps: Record<string, unknown>;
}

/** True when `value` holds a `{ "$from": "strategy…" }` binding. */
export function bindsStrategy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(bindsStrategy);
  if (value === null || typeof value !== 'object') return false;
  const from = (value as Record<string, unknown>).$from;
  if (typeof from === 'string') return from === 'strategy' || from.startsWith('strategy.');
  return Object.values(value).some(bindsStrategy);
}

/** Replaces every `{ "$from": "a.b.c" }` in `value` with the value it names in `scope`. */
export function resolveBindings(value: unknown, scope: BindingScope): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveBindings(item, scope));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const from = record.$from;
  if (typeof from === 'string' && Object.keys(record).length === 1) {
    return readPath(from, scope);
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [key, resolveBindings(item, scope)]),
  );
}

function readPath(path: string, scope: BindingScope): unknown {
  const [head, ...rest] = path.split('.');
  const roots: Record<string, unknown> = {
    campaign: scope.campaign,
    agent: scope.agent,
    strategy: scope.strategy,
  };
  let current: unknown = Object.hasOwn(roots, head ?? '')
    ? roots[head ?? '']
    : scope.steps[head ?? ''];
  for (const part of rest) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
