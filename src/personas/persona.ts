// A persona (SOUL.md) as the runtime holds it: validated frontmatter, the four body sections and
// the file it came from, plus its mapping onto an Agent. No file reading or markdown parsing here.

import { z } from 'zod';
import { type Agent, AgentId } from '../domain/agent.js';

/** The platforms a persona may publish on. */
export const PLATFORMS = ['twitter', 'instagram', 'threads', 'tiktok', 'youtube'] as const;

/** One platform a persona may publish on. */
export const Platform = z.enum(PLATFORMS, {
  error: (issue) => (issue.input === undefined ? undefined : `use one of: ${PLATFORMS.join(', ')}`),
});
export type Platform = z.infer<typeof Platform>;

/** Says "required field is missing" when a field is absent; other problems keep zod's wording. */
const REQUIRED = {
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? 'required field is missing' : undefined,
};

/** A non-empty line of text with surrounding whitespace removed. */
const Text = z.string().trim().min(1, 'must not be empty');

/** A non-empty list of non-empty lines of text. */
const TextList = z.array(Text, REQUIRED).min(1, 'list at least one entry');

/** A lowercase kebab-case slug naming a character reference image set, e.g. `ava-ref-v1`. */
export const CharacterReferenceId = z
  .string(REQUIRED)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use a lowercase slug such as "ava-ref-v1"')
  .max(128);

/** The YAML frontmatter of a SOUL.md file; every field is required. */
export const PersonaFrontmatter = z.object({
  name: z.string(REQUIRED).trim().min(1, 'must not be empty').max(200),
  id: z.string(REQUIRED).pipe(AgentId),
  voice_traits: TextList,
  directives: TextList,
  platforms: z
    .array(Platform, REQUIRED)
    .min(1, 'list at least one platform')
    .refine((platforms) => new Set(platforms).size === platforms.length, 'list each platform once'),
  niche: z.string(REQUIRED).trim().min(1, 'must not be empty').max(200),
  character_reference_id: CharacterReferenceId,
});
export type PersonaFrontmatter = z.infer<typeof PersonaFrontmatter>;

/** The markdown body of a SOUL.md file, one trimmed markdown string per required section. */
export const PersonaBody = z.object({
  backstory: Text,
  voice_tone: Text,
  core_beliefs: Text,
  directives: Text,
});
export type PersonaBody = z.infer<typeof PersonaBody>;

/** A complete persona: frontmatter, body sections and `source`, the file it was read from. */
export const Persona = PersonaFrontmatter.extend({
  body: PersonaBody,
  source: z.string().min(1),
});
export type Persona = z.infer<typeof Persona>;

/** Maps a persona onto the Agent the runtime stores; the persona details go into `agent.persona`. */
export function toAgent(persona: Persona): Agent {
  return {
    id: persona.id,
    name: persona.name,
    niche: persona.niche,
    persona: {
      voice_traits: [...persona.voice_traits],
      directives: [...persona.directives],
      platforms: [...persona.platforms],
      character_reference_id: persona.character_reference_id,
      body: { ...persona.body },
    },
    status: 'active',
  };
}
