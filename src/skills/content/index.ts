// The content skills: Scout (perceive) and Director (plan). Artist and Publisher join next.

import type { AnySkill } from '../skill.js';
import { directorSkill } from './director-skill.js';
import { scoutSkill } from './scout-skill.js';

export const contentSkills: readonly AnySkill[] = [scoutSkill, directorSkill];
