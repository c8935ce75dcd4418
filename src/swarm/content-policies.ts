// Judge policy hooks over what an audience would see: the pure classifiers of domain/policies
// applied to a skill's public text. Skills without public text (analysis, plumbing) pass.

import { sensitiveTopicsFinding } from '../domain/policies/sensitive-topics.js';
import type { JudgePolicy } from './judge.js';

/** Sensitive topics (politics, health, finance, legal) always go to a human (FR-POLICY-001). */
export const sensitiveTopicsPolicy: JudgePolicy = {
  name: 'sensitive-topics',
  evaluate: ({ skill, output }) =>
    skill.publicText ? sensitiveTopicsFinding(skill.publicText(output)) : [],
};

/** The policies every Judge runs. */
export const CONTENT_POLICIES: readonly JudgePolicy[] = [sensitiveTopicsPolicy];
