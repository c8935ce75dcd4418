// SK-CORE-001, SK-CORE-002, SK-CORE-003, SK-CORE-004, SK-CORE-005: each built-in skill keeps
// its contract: schemas, outputs, confidence and declared effect.

import { describe, expect, it } from 'vitest';
import type { SkillContext } from '../skill.js';
import { SkillRegistry } from '../skill-registry.js';
import { unavailableServices } from '../unavailable-services.js';
import { announceSkill } from './announce-skill.js';
import { composeSkill } from './compose-skill.js';
import { delaySkill } from './delay-skill.js';
import { coreSkills } from './index.js';
import { noopSkill } from './noop-skill.js';
import { outlineSkill } from './outline-skill.js';

const services = unavailableServices();
const run = { agentId: 'ava', specId: 'SK-CORE-001', taskId: 't', campaignId: 'c', attempt: 1 };

function context(overrides: Partial<SkillContext> = {}): SkillContext {
  return {
    taskId: '00000000-0000-4000-8000-000000000001',
    campaignId: '00000000-0000-4000-8000-000000000002',
    agentId: 'ava',
    attempt: 1,
    specId: 'SK-CORE-001',
    feedback: [],
    signal: new AbortController().signal,
    tools: services.toolsFor(run),
    model: services.modelFor(run),
    memory: services.memoryFor(run),
    ...overrides,
  };
}

describe('core.outline (SK-CORE-001)', () => {
  it('derives three points from the goal by default', async () => {
    const input = outlineSkill.inputSchema.parse({ goal: 'Tease the spring drop.' });
    const { output, confidence } = await outlineSkill.run(input, context());
    expect(output.points).toEqual([
      'Tease the spring drop: why it matters',
      'Tease the spring drop: what is new',
      'Tease the spring drop: how to take part',
    ]);
    expect(confidence).toBe(0.95);
    expect(outlineSkill.outputSchema.safeParse(output).success).toBe(true);
  });

  it('addresses feedback from a rejected attempt in its first point', async () => {
    const input = outlineSkill.inputSchema.parse({ goal: 'Tease the drop', points: 4 });
    const { output } = await outlineSkill.run(input, context({ feedback: ['too vague'] }));
    expect(output.points).toHaveLength(4);
    expect(output.points[0]).toBe('Tease the drop: addressing "too vague"');
  });
});

describe('core.compose (SK-CORE-002)', () => {
  it('lists every point and the signoff at confidence 0.93', async () => {
    const input = composeSkill.inputSchema.parse({ points: ['one', 'two'], signoff: 'Bye now.' });
    const { output, confidence } = await composeSkill.run(input, context());
    expect(output.text).toBe('• one\n• two\n\nBye now.');
    expect(confidence).toBe(0.93);
  });

  it('truncates an overlong draft to 600 characters and lowers its confidence to 0.8', async () => {
    const input = composeSkill.inputSchema.parse({ points: ['x'.repeat(700)] });
    const { output, confidence } = await composeSkill.run(input, context());
    expect(output.text).toHaveLength(600);
    expect(output.text.endsWith('…')).toBe(true);
    expect(confidence).toBe(0.8);
  });
});

describe('core.announce (SK-CORE-003)', () => {
  it('prepares a message and declares an announcement effect with its payload', async () => {
    const input = announceSkill.inputSchema.parse({ text: 'Drop at noon' });
    const { output } = await announceSkill.run(input, context());
    expect(output).toEqual({ channel: 'outbox', message: '[ava] Drop at noon' });
    expect(announceSkill.effect?.kind).toBe('announcement');
    expect(announceSkill.effect?.payload(output)).toEqual(output);
  });
});

describe('core.noop (SK-CORE-004)', () => {
  it('reports the confidence it is given, 1 by default', async () => {
    expect((await noopSkill.run(noopSkill.inputSchema.parse({}), context())).confidence).toBe(1);
    const low = await noopSkill.run(noopSkill.inputSchema.parse({ confidence: 0.6999 }), context());
    expect(low).toEqual({ output: { ok: true }, confidence: 0.6999 });
  });
});

describe('core.delay (SK-CORE-005)', () => {
  it('waits and reports the time waited', async () => {
    const startedAt = Date.now();
    const { output } = await delaySkill.run({ ms: 30 }, context());
    expect(output).toEqual({ waited_ms: 30 });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(25);
  });

  it('stops early when its signal aborts', async () => {
    const controller = new AbortController();
    const run = delaySkill.run({ ms: 60_000 }, context({ signal: controller.signal }));
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the built-in registry', () => {
  it('registers every core skill once and names the known skills for an unknown one', () => {
    const registry = new SkillRegistry(coreSkills);
    expect(registry.list().map((skill) => skill.name)).toEqual([
      'core.outline',
      'core.compose',
      'core.announce',
      'core.noop',
      'core.delay',
    ]);
    expect(() => registry.get('core.nope')).toThrow(
      "unknown skill 'core.nope'; known skills: core.announce, core.compose, core.delay, core.noop, core.outline",
    );
    expect(() => registry.register(noopSkill)).toThrow(/already registered/);
  });
});
