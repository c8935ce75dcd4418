// Which skills a node offers other agents (CHIMERA_NETWORK_OFFER): the named ones, or by default
// every registered skill without an effect, since an effect (a post, a payment) would act on the
// provider's own accounts for a stranger.

import { ConfigError } from '../../domain/errors.js';
import type { AnySkill } from '../../skills/skill.js';
import type { SkillRegistry } from '../../skills/skill-registry.js';

/** The offered skills, in the registry's order; an unknown name in `offer` is a config error. */
export function offeredSkills(registry: SkillRegistry, offer?: string): AnySkill[] {
  const skills = registry.list();
  if (offer === undefined) return skills.filter((skill) => skill.effect === undefined);
  const names = new Set(offer.split(',').map((name) => name.trim()));
  const unknown = [...names].filter((name) => !registry.has(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `CHIMERA_NETWORK_OFFER names no skill ${unknown.map((name) => `'${name}'`).join(', ')}; skills: ${skills.map((skill) => skill.name).join(', ')}`,
    );
  }
  return skills.filter((skill) => names.has(skill.name));
}
