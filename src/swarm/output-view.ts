// What an audience would get from one stage's stored output, as the coverage and re-plan rules
// compare it: its skill's public text and the media it carries.

import { type ContentView, contentView } from '../domain/content-coverage.js';
import { publicMedia } from '../skills/content/public-media.js';
import type { AnySkill } from '../skills/skill.js';

/** The view of `output`; undefined when its skill shows nothing public or there is no output. */
export function outputView(skill: AnySkill, output: unknown): ContentView | undefined {
  if (!skill.publicText || output === null || output === undefined) return undefined;
  return contentView(skill.publicText(output), publicMedia(output));
}
