// The content loop as a campaign template: Scout → Director → Artist → Publisher, per agent, and
// the example personas it runs for.

import type { ChimeraApp } from '../../src/app/chimera-app.js';
import { toAgent } from '../../src/personas/persona.js';
import { loadPersonaDirectory } from '../../src/personas/soul-file.js';

const PERSONAS = new URL('../../examples/personas/', import.meta.url);
const STEPS = ['scout', 'brief', 'asset', 'post'] as const;

/** The loop's steps up to `through`, with the brief in `format`. */
export function contentLoop(
  options: { format?: string; through?: (typeof STEPS)[number] } = {},
): Array<Record<string, unknown>> {
  const steps = [
    {
      key: 'scout',
      skill: 'scout.analyze',
      input: { niche: { $from: 'agent.niche' }, goal: { $from: 'campaign.goal' } },
    },
    {
      key: 'brief',
      skill: 'director.create_brief',
      depends_on: ['scout'],
      input: {
        report: { $from: 'scout' },
        persona: { $from: 'agent' },
        format: options.format ?? 'image',
      },
    },
    {
      key: 'asset',
      skill: 'artist.produce',
      depends_on: ['brief'],
      input: { brief: { $from: 'brief' } },
    },
    {
      key: 'post',
      skill: 'publish',
      depends_on: ['asset'],
      input: { asset: { $from: 'asset' }, platform: 'instagram', disclosure_level: 'none' },
    },
  ];
  return steps.slice(0, STEPS.indexOf(options.through ?? 'post') + 1);
}

/** The whole loop: one image post to Instagram per agent (asking for no disclosure, raised). */
export const CONTENT_LOOP = contentLoop();

/** Saves the example personas (ava, milo, noor) as agents. */
export async function addPersonas(app: ChimeraApp): Promise<void> {
  for (const persona of await loadPersonaDirectory(PERSONAS)) {
    await app.store.agents.upsert(toAgent(persona));
  }
}
