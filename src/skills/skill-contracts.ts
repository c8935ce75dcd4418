// Checks skill contracts: a known spec id, schemas that export to JSON Schema, and worked
// examples that fit the schemas. Pure; the CLI prints the report.

import { z } from 'zod';
import { fieldProblems } from '../domain/field-problems.js';
import type { AnySkill } from './skill.js';

/** One skill's contract as JSON Schema (input as callers send it, output as the skill returns it). */
export function skillJsonSchemas(skill: AnySkill): { input: unknown; output: unknown } {
  return {
    input: z.toJSONSchema(skill.inputSchema, { io: 'input', unrepresentable: 'any' }),
    output: z.toJSONSchema(skill.outputSchema, { io: 'output', unrepresentable: 'any' }),
  };
}

/** The problems found in one skill's contract; empty when it is sound. */
export interface SkillContractReport {
  skill: string;
  specId: string;
  examples: number;
  problems: string[];
}

/** Validates every skill against `specIds` (the ids defined in specs/). */
export function validateSkillContracts(
  skills: readonly AnySkill[],
  specIds: ReadonlySet<string>,
): SkillContractReport[] {
  return skills.map((skill) => {
    const problems: string[] = [];
    if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/.test(skill.name)) {
      problems.push(`name '${skill.name}' is not a dotted lowercase name like 'scout.analyze'`);
    }
    if (!specIds.has(skill.specId))
      problems.push(`spec id '${skill.specId}' is not defined in specs/`);
    try {
      skillJsonSchemas(skill);
    } catch (error) {
      problems.push(`schemas do not export to JSON Schema: ${(error as Error).message}`);
    }
    const examples = skill.examples ?? [];
    if (examples.length === 0) problems.push('no worked example: add one to `examples`');
    examples.forEach((example, index) => {
      const input = skill.inputSchema.safeParse(example.input);
      if (!input.success)
        problems.push(`examples[${index}].input: ${fieldProblems(input.error).join('; ')}`);
      const output = skill.outputSchema.safeParse(example.output);
      if (!output.success)
        problems.push(`examples[${index}].output: ${fieldProblems(output.error).join('; ')}`);
    });
    return { skill: skill.name, specId: skill.specId, examples: examples.length, problems };
  });
}
