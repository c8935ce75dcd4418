// The content skills: Scout (perceive), Director (plan), Artist (produce), Publisher (publish)
// and replies to comments.

import type { AnySkill } from '../skill.js';
import { artistSkill } from './artist-skill.js';
import { directorSkill } from './director-skill.js';
import { publisherSkill } from './publisher-skill.js';
import { replySkill } from './reply-skill.js';
import { scoutSkill } from './scout-skill.js';

export const contentSkills: readonly AnySkill[] = [
  scoutSkill,
  directorSkill,
  artistSkill,
  publisherSkill,
  replySkill,
];
