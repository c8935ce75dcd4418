// Looks skills up by name. Registration refuses duplicates and unknown contract versions.

import { ChimeraError } from '../domain/errors.js';
import type { AnySkill } from './skill.js';

export class SkillRegistry {
  private readonly skills = new Map<string, AnySkill>();

  constructor(skills: readonly AnySkill[] = []) {
    for (const skill of skills) this.register(skill);
  }

  /** Adds a skill; throws when the name is taken or the contract version is unknown. */
  register(skill: AnySkill): this {
    if (skill.specificationVersion !== 'chimera.skill.v1') {
      throw new ChimeraError(
        'SKILL_UNKNOWN',
        `skill '${skill.name}' speaks contract '${String(skill.specificationVersion)}'; this runtime speaks chimera.skill.v1`,
      );
    }
    if (this.skills.has(skill.name)) {
      throw new ChimeraError('SKILL_UNKNOWN', `skill '${skill.name}' is already registered`);
    }
    this.skills.set(skill.name, skill);
    return this;
  }

  /** The skill called `name`; throws SKILL_UNKNOWN listing the known names. */
  get(name: string): AnySkill {
    const skill = this.skills.get(name);
    if (!skill) {
      throw new ChimeraError(
        'SKILL_UNKNOWN',
        `unknown skill '${name}'; known skills: ${[...this.skills.keys()].sort().join(', ')}`,
        { context: { skill: name } },
      );
    }
    return skill;
  }

  has(name: string): boolean {
    return this.skills.has(name);
  }

  list(): AnySkill[] {
    return [...this.skills.values()];
  }
}
