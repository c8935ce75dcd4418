// Every skill that ships with Chimera: the core built-ins, the content loop, and payments.

import { payAgentSkill } from './commerce/pay-agent-skill.js';
import { contentSkills } from './content/index.js';
import { coreSkills } from './core/index.js';
import type { AnySkill } from './skill.js';

export const BUILT_IN_SKILLS: readonly AnySkill[] = [
  ...coreSkills,
  ...contentSkills,
  payAgentSkill,
];
