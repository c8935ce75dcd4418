// The content skills: Scout (perceive). Director, Artist and Publisher join as they land.

import type { AnySkill } from '../skill.js';
import { scoutSkill } from './scout-skill.js';

export const contentSkills: readonly AnySkill[] = [scoutSkill];
