// Skill services for places that run skills without the outside world (unit tests, contract
// checks): any tool call fails loudly instead of pretending to succeed, and memory is empty.

import { ChimeraError } from '../domain/errors.js';
import { OfflineLanguageModel } from '../models/offline/offline-language-model.js';
import type { SkillServices } from './skill.js';

/** Services whose tools refuse every call with MCP_UNAVAILABLE and whose memory holds nothing. */
export function unavailableServices(): SkillServices {
  const refuse = async (): Promise<never> => {
    throw new ChimeraError('MCP_UNAVAILABLE', 'no MCP hub in this context: tools are unavailable');
  };
  return {
    toolsFor: () => ({ callTool: refuse, readResource: refuse }),
    modelFor: () => new OfflineLanguageModel({}),
    memoryFor: () => ({ recall: async () => [] }),
  };
}
