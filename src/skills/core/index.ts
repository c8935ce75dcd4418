// The built-in skills that exercise the runtime before the content skills arrive.

import type { AnySkill } from '../skill.js';
import { announceSkill } from './announce-skill.js';
import { composeSkill } from './compose-skill.js';
import { delaySkill } from './delay-skill.js';
import { noopSkill } from './noop-skill.js';
import { outlineSkill } from './outline-skill.js';

export const coreSkills: readonly AnySkill[] = [
  outlineSkill,
  composeSkill,
  announceSkill,
  noopSkill,
  delaySkill,
];
