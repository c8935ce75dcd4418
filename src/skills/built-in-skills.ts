// Every skill that ships with Chimera: the core built-ins and the content loop.

import { contentSkills } from './content/index.js';
import { coreSkills } from './core/index.js';
import type { AnySkill } from './skill.js';

export const BUILT_IN_SKILLS: readonly AnySkill[] = [...coreSkills, ...contentSkills];
