// Judge policy hooks over what an audience would see: the classifiers of domain/policies (and
// the sensitive-topic model) applied to a skill's public text. Skills without public text
// (analysis, plumbing) pass.

import type { LanguageModel } from 'ai';
import type { PolicyFinding } from '../domain/judge-routing.js';
import { admitsAutomation, asksIfAutomated, HONESTY_REPLY } from '../domain/policies/disclosure.js';
import { OWN_REPEAT_WINDOW_DAYS, ownRepeatFindings } from '../domain/policies/own-repeats.js';
import { checkDirectives } from '../domain/policies/persona-directives.js';
import type { SensitiveCategory } from '../domain/policies/sensitive-topics.js';
import type { SecondOpinions } from '../models/second-opinion.js';
import { loadSentenceEncoder } from '../models/sentence-encoder/sentence-encoder.js';
import {
  classifySensitiveTopicsWithModel,
  sensitiveTopicFindings,
} from '../models/text-classifiers/sensitive-topics-model.js';
import type { SkillRun } from '../skills/skill.js';
import type { ContentRepository } from '../store/store.js';
import type { JudgePolicy } from './judge.js';

/** A hosted model to ask for a second opinion, bound to the run being judged so its agent pays. */
export interface SecondOpinionSource {
  opinions: SecondOpinions;
  modelFor(run: SkillRun): LanguageModel;
}

/**
 * Sensitive topics (politics, health, finance, legal) always go to a human (FR-POLICY-001): the
 * keyword lexicon or the topic model flags them, so unlisted wording still reaches a person.
 * With a hosted model configured, the rule is "escalate if either flags": a post the offline
 * check passes is put to the model, and each category it names adds a finding. A post the offline
 * check flags goes to a person anyway, so the model is not asked (or paid). If the model cannot
 * answer (down, or its spend refused), the offline verdict stands alone.
 *
 * @example sensitiveTopicsPolicy() // offline only
 */
export function sensitiveTopicsPolicy(secondOpinion?: SecondOpinionSource): JudgePolicy {
  return {
    name: 'sensitive-topics',
    evaluate: async ({ skill, task, output }) => {
      if (!skill.publicText) return [];
      const text = skill.publicText(output);
      const offline = await classifySensitiveTopicsWithModel(text);
      const findings = sensitiveTopicFindings(offline);
      if (!secondOpinion || offline.sensitive) return findings;
      const run: SkillRun = {
        agentId: task.agent_id,
        specId: task.spec_id,
        taskId: task.id,
        campaignId: task.campaign_id,
        attempt: task.attempt,
      };
      let named: readonly SensitiveCategory[];
      try {
        named = (await secondOpinion.opinions.ask(text, secondOpinion.modelFor(run)))
          .sensitive_categories;
      } catch {
        return findings;
      }
      return named.map(
        (category): PolicyFinding => ({
          policy: 'sensitive-topics',
          action: 'escalate',
          reason: `sensitive topic (${category}): the hosted model's second opinion`,
        }),
      );
    },
    prepare: async () => {
      await loadSentenceEncoder();
    },
  };
}

/**
 * The character-consistency lock: a visual asset whose character reference is missing or not
 * the persona's goes to a human (FR-POLICY-004).
 */
export const characterConsistencyPolicy: JudgePolicy = {
  name: 'character-consistency',
  evaluate: ({ skill, task, output }) => {
    if (!skill.characterReferences) return [];
    const { expected, actual } = skill.characterReferences(
      skill.inputSchema.parse(task.input),
      output,
    );
    if (expected && actual === expected) return [];
    return [
      {
        policy: 'character-consistency',
        action: 'escalate',
        reason: actual
          ? `the asset shows character '${actual}', not the persona's '${expected}'`
          : `the asset carries no character reference (expected '${expected}')`,
      },
    ];
  },
};

/**
 * A breach of a persona directive is rejected with the directive quoted (FR-POLICY-002). It
 * applies to skills whose input carries the persona (the Director writes with it).
 */
export const personaDirectivesPolicy: JudgePolicy = {
  name: 'persona-directives',
  evaluate: ({ skill, task, output }) => {
    const directives = (task.input as { persona?: { directives?: unknown } } | null)?.persona
      ?.directives;
    if (!skill.publicText || !Array.isArray(directives)) return [];
    return checkDirectives({ text: skill.publicText(output) }, directives.map(String));
  },
};

/**
 * Honesty: a reply to "are you a bot?" must say the persona is AI; one that dodges or denies it
 * is rejected with the question and the reply quoted (FR-POLICY-003).
 */
export const honestyPolicy: JudgePolicy = {
  name: 'honesty',
  evaluate: ({ skill, output }) =>
    (skill.exchanges?.(output) ?? [])
      .filter(({ incoming, reply }) => asksIfAutomated(incoming) && !admitsAutomation(reply))
      .map(({ incoming, reply }) => ({
        policy: 'honesty',
        action: 'reject' as const,
        reason: `"${incoming}" asks whether this is an AI, and the reply "${reply}" does not say so; answer honestly, e.g. "${HONESTY_REPLY}"`,
      })),
};

/**
 * Content that nearly repeats one of the agent's own posts of the last 30 days is rejected,
 * naming the post (FR-POLICY-005). It reads the agent's published captions from the store.
 */
export function ownRepeatsPolicy(
  content: Pick<ContentRepository, 'listRecentCaptions'>,
  now: () => Date = () => new Date(),
): JudgePolicy {
  return {
    name: 'own-repeats',
    evaluate: async ({ skill, task, output }) => {
      if (!skill.publicText) return [];
      const since = new Date(now().getTime() - OWN_REPEAT_WINDOW_DAYS * 86_400_000);
      const earlier = await content.listRecentCaptions(task.agent_id, since);
      return ownRepeatFindings(skill.publicText(output), earlier);
    },
  };
}

/**
 * The policies every Judge runs that need nothing but the result, and a hosted model's second
 * opinion on sensitive topics when one is configured.
 */
export function contentPolicies(secondOpinion?: SecondOpinionSource): JudgePolicy[] {
  return [
    sensitiveTopicsPolicy(secondOpinion),
    characterConsistencyPolicy,
    personaDirectivesPolicy,
    honestyPolicy,
  ];
}
