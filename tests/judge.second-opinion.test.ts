// Issue 14, a model's second opinion: with a hosted model configured (the AI SDK's mock model
// here), the Judge's sensitive-topic check and the Scout's unsure sentiment ask it for structured
// output, cache the answer by text, charge the call through the CFO, and combine it with the
// offline classifiers by the documented rules (escalate if either flags; the model decides only
// where the sentiment classifier is unsure).

import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { OfflineLanguageModel } from '../src/models/offline/offline-language-model.js';
import { OFFLINE_WRITERS } from '../src/models/offline/offline-writers.js';
import { type SecondOpinion, SecondOpinions } from '../src/models/second-opinion.js';
import {
  classifySentiment,
  combineSentiment,
  isUnsure,
} from '../src/skills/scout/sentiment-classifier.js';
import { sensitiveTopicsPolicy } from '../src/swarm/content-policies.js';
import { addPersonas, contentLoop } from './support/content-loop.js';
import { campaignOf, useTestApp } from './support/test-app.js';

const USAGE = {
  inputTokens: { total: 200, noCache: 200, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 20, text: 20, reasoning: 0 },
};

const promptText = (options: LanguageModelV3CallOptions) => JSON.stringify(options.prompt);
const isSecondOpinion = (options: LanguageModelV3CallOptions) =>
  promptText(options).includes('brand-safety team');

/**
 * A hosted model: answers second opinions with `opinion` and everything else as the offline
 * writers would, so the rest of the content loop runs unchanged.
 */
function hostedModel(opinion: SecondOpinion | Error) {
  const offline = new OfflineLanguageModel(OFFLINE_WRITERS);
  return new MockLanguageModelV3({
    doGenerate: async (options) => {
      if (!isSecondOpinion(options)) return offline.doGenerate(options);
      if (opinion instanceof Error) throw opinion;
      return {
        content: [{ type: 'text', text: JSON.stringify(opinion) }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: USAGE,
        warnings: [],
      };
    },
  });
}

const subject = (text: string) =>
  ({
    task: {
      id: 'task-1',
      agent_id: 'ava',
      spec_id: 'SK-DIRECTOR-001',
      campaign_id: 'campaign-1',
      attempt: 1,
    },
    skill: { publicText: () => text },
    output: {},
    confidence: 0.95,
  }) as unknown as Parameters<ReturnType<typeof sensitiveTopicsPolicy>['evaluate']>[0];

describe('SecondOpinions', () => {
  it('asks once per text and answers again from its cache', async () => {
    const model = hostedModel({ sentiment: 'negative', sensitive_categories: ['finance'] });
    const opinions = new SecondOpinions();
    const first = await opinions.ask('rates are up again, ugh', model);
    const again = await opinions.ask('rates are up again, ugh', model);
    expect(first).toEqual({ sentiment: 'negative', sensitive_categories: ['finance'] });
    expect(again).toEqual(first);
    expect(model.doGenerateCalls.filter(isSecondOpinion)).toHaveLength(1);
    // Structured output: the call carried the JSON schema of the answer.
    expect(model.doGenerateCalls[0]?.responseFormat).toMatchObject({ type: 'json' });
  });
});

describe('the sensitive-topics policy with a second opinion', () => {
  const policyWith = (opinion: SecondOpinion | Error) => {
    const model = hostedModel(opinion);
    return sensitiveTopicsPolicy({ opinions: new SecondOpinions(), modelFor: () => model });
  };

  it('escalates a category only the model names', async () => {
    const findings = await policyWith({
      sentiment: 'neutral',
      sensitive_categories: ['finance'],
    }).evaluate(subject('streetwear teaser'));
    expect(findings).toEqual([
      {
        policy: 'sensitive-topics',
        action: 'escalate',
        reason: "sensitive topic (finance): the hosted model's second opinion",
      },
    ]);
  });

  it('cannot clear what the offline check flagged, and is not asked about it', async () => {
    const text = 'Get your flu vaccine at the pharmacy this week';
    const offline = await sensitiveTopicsPolicy().evaluate(subject(text));
    expect(offline.length).toBeGreaterThan(0);
    const model = hostedModel({ sentiment: 'neutral', sensitive_categories: [] });
    const policy = sensitiveTopicsPolicy({ opinions: new SecondOpinions(), modelFor: () => model });
    expect(await policy.evaluate(subject(text))).toEqual(offline);
    expect(model.doGenerateCalls).toHaveLength(0);
  });

  it('keeps the offline verdict when the model fails', async () => {
    const findings = await policyWith(new Error('provider down')).evaluate(
      subject('streetwear teaser'),
    );
    expect(findings).toEqual([]);
  });
});

describe('combineSentiment', () => {
  it('lets the model decide only where the classifier is unsure', async () => {
    const sure = await classifySentiment('Absolutely loved it, best ramen in town!');
    expect(isUnsure(sure)).toBe(false);
    expect(combineSentiment(sure, 'negative')).toEqual(sure);
    const unsure = {
      label: 'neutral' as const,
      probabilities: { positive: 0.35, neutral: 0.4, negative: 0.25 },
      score: 0.1,
    };
    expect(combineSentiment(unsure, 'negative')).toMatchObject({ label: 'negative', score: -1 });
  });
});

describe('the second opinion in a running system', () => {
  const model = hostedModel({ sentiment: 'neutral', sensitive_categories: ['finance'] });
  const suite = useTestApp('pglite', { model });

  it('escalates the brief with the model named, and charges each call to the agent through the CFO', async () => {
    await addPersonas(suite.app);
    const campaign = await suite.app.planner.launch(
      campaignOf(contentLoop({ through: 'brief' }), ['ava'], 'Tease the spring capsule drop'),
    );
    await suite.app.runtime.runUntilQuiescent();
    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    const brief = tasks.find((task) => task.step_key === 'brief');
    const result = await suite.app.store.results.latest(brief!.id);
    expect(result?.verdict).toBe('escalate');
    expect(result?.reasons).toContain(
      "sensitive-topics: sensitive topic (finance): the hosted model's second opinion",
    );
    const asked = model.doGenerateCalls.filter(isSecondOpinion).length;
    expect(asked).toBeGreaterThan(0);
    const { rows } = await suite.app.database.pool.query<{ request_id: string; status: string }>(
      `SELECT request_id, status FROM spend_requests
        WHERE task_id = $1 AND request_type = 'api_call' ORDER BY request_id`,
      [brief!.id],
    );
    // The Director's own generation and the Judge's second opinion: two model calls, both paid.
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.status === 'settled')).toBe(true);
  });
});
