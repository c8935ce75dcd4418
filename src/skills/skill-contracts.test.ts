// FR-SKILL-001: every built-in skill has a known spec id, schemas that export to JSON Schema, and
// worked examples that fit them; a broken contract is reported naming the field.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadSpecCatalog } from '../specs/spec-catalog.js';
import { BUILT_IN_SKILLS } from './built-in-skills.js';
import { defineSkill } from './skill.js';
import { skillJsonSchemas, validateSkillContracts } from './skill-contracts.js';

const specs = await loadSpecCatalog(new URL('../../specs/', import.meta.url));

describe('validateSkillContracts', () => {
  it('finds no problem in any built-in skill', () => {
    const reports = validateSkillContracts(BUILT_IN_SKILLS, specs.ids);
    expect(reports.filter((report) => report.problems.length > 0)).toEqual([]);
    expect(reports).toHaveLength(BUILT_IN_SKILLS.length);
  });

  it('reports an unknown spec id, a missing example and an example that breaks the schema', () => {
    const broken = defineSkill({
      name: 'test.Broken',
      specId: 'SK-NOPE-001',
      description: 'broken on purpose',
      inputSchema: z.object({ count: z.number() }),
      outputSchema: z.object({ ok: z.boolean() }),
      examples: [{ input: { count: 'three' }, output: { ok: true } }],
      async run() {
        return { output: { ok: true }, confidence: 1 };
      },
    });
    const [report] = validateSkillContracts([broken], specs.ids);
    expect(report?.problems).toEqual([
      "name 'test.Broken' is not a dotted lowercase name like 'scout.analyze'",
      "spec id 'SK-NOPE-001' is not defined in specs/",
      'examples[0].input: count: Invalid input: expected number, received string',
    ]);
    const [bare] = validateSkillContracts(
      [{ ...broken, name: 'test.bare', examples: [] }],
      specs.ids,
    );
    expect(bare?.problems).toContain('no worked example: add one to `examples`');
  });

  it('exports input and output JSON Schema', () => {
    const publish = BUILT_IN_SKILLS.find((skill) => skill.name === 'publish')!;
    const schemas = skillJsonSchemas(publish) as {
      input: { required: string[] };
      output: { properties: object };
    };
    expect(schemas.input.required).toEqual(['asset', 'platform']);
    expect(Object.keys(schemas.output.properties)).toContain('idempotency_key');
  });
});
