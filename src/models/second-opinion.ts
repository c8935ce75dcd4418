// A hosted model's second opinion on a post: its sentiment and the sensitive topics it touches,
// as structured output, cached by text so the same post is never paid for twice. It gives an
// opinion; how it combines with the offline classifiers is decided where they are used (the
// Judge's sensitive-topics policy, the Scout's sentiment).

import type { LanguageModel } from 'ai';
import { z } from 'zod';
import { generateStructured } from './structured-generation.js';

/** What the model answers about one post. */
export const SecondOpinion = z.object({
  sentiment: z
    .enum(['positive', 'neutral', 'negative'])
    .describe('what the author expresses or reports; sarcastic praise is negative'),
  sensitive_categories: z
    .array(z.enum(['politics', 'health', 'finance', 'legal']))
    .describe('every sensitive topic the post is about; empty when none'),
});
export type SecondOpinion = z.infer<typeof SecondOpinion>;

const SYSTEM = `You review short social posts for a brand-safety team. For the post you are given, answer:
- sentiment: positive (approval, enthusiasm, a favourable outcome), negative (complaint, criticism, harm, loss; sarcastic praise counts as negative) or neutral (facts, questions, announcements, a balanced mix).
- sensitive_categories: politics (elections, voting, parties, politicians, government, legislation, protests), health (conditions, diagnoses, treatments, medicines, supplements with health claims, mental health, pregnancy, injuries), finance (investing, trading, crypto, loans and credit, taxes, get-rich claims), legal (lawsuits, courts, lawyers, crimes and arrests, rights, contracts, intellectual property, immigration status). Everyday senses do not count: a party outfit, a poll about pizza, a band or show named after an office, a legal pad, a legal thriller.`;

/** Whether a model is the offline writer, which has no opinion to give. */
export function isOfflineModel(model: LanguageModel): boolean {
  return typeof model !== 'string' && model.provider === 'chimera-offline';
}

/**
 * Asks a model for second opinions, remembering the last `cacheSize` answers by text. The model
 * passed with each question is the one bound to the run that asks (see `SkillServices.modelFor`),
 * so the CFO approves and charges each call that is not served from the cache.
 */
export class SecondOpinions {
  private readonly cache = new Map<string, SecondOpinion>();

  /** @param cacheSize answers kept; the oldest is dropped first. @defaultValue 2048 */
  constructor(private readonly cacheSize = 2048) {}

  /** The model's opinion on `text`; a model failure (MODEL_UNAVAILABLE, SPEND_*) is thrown. */
  async ask(text: string, model: LanguageModel, signal?: AbortSignal): Promise<SecondOpinion> {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const { value } = await generateStructured(model, {
      purpose: 'second opinion on a post',
      system: SYSTEM,
      prompt: `Post:\n"""\n${text}\n"""`,
      schema: SecondOpinion,
      ...(signal && { signal }),
    });
    if (this.cache.size >= this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(text, value);
    return value;
  }
}
