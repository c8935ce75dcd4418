// Issue 9 #3, end to end through the Director: its run with the offline model, retried with the
// Judge's and a reviewer's reasons, writes a different brief without the flagged words, moving
// to the next trend when the flagged claim is the trend's own headline.

import { describe, expect, it } from 'vitest';
import { sensitiveTopicsFinding } from '../src/domain/policies/sensitive-topics.js';
import { OFFLINE_WRITERS } from '../src/models/offline/offline-writers.js';
import { ContentBrief } from '../src/skills/content/content-brief.js';
import { directorSkill } from '../src/skills/content/director-skill.js';
import type { SkillContext } from '../src/skills/skill.js';
import { RecordingModel } from './support/recording-model.js';

const NOOR = {
  name: 'Noor Haddad',
  niche: 'fitness and everyday wellness',
  voice_traits: ['encouraging', 'grounded', 'upbeat without being pushy'],
  directives: ['Never promote diets, supplements or weight-loss products'],
  character_reference_id: 'noor-ref-v1',
};

const trend = (id: string, topic: string, headline: string) => ({
  trend_id: id,
  topic,
  volume: 3,
  sentiment_score: 0.1,
  rising_velocity: 0.5,
  platforms: ['tiktok' as const],
  first_seen: '2026-11-20T09:40:00.000Z',
  sources: ['movewell'],
  relevance: 0.8,
  headline,
});

const SUPPLEMENT = trend(
  'trend-supplement',
  'fitness supplement joint pain',
  'Fitness influencers push a supplement they say cures joint pain and boosts immunity',
);
const MOBILITY = trend(
  'trend-mobility',
  'morning mobility routines',
  'Ten-minute morning mobility routines trend with desk workers',
);

function reportOf(...trends: Array<typeof SUPPLEMENT>) {
  return {
    as_of: '2026-11-20T12:00:00.000Z',
    niche: NOOR.niche,
    trends,
    items_seen: trends.length,
    duplicates_removed: 0,
    source_problems: [],
  };
}

async function brief(
  report: ReturnType<typeof reportOf>,
  format: 'text' | 'image' | 'video',
  attempt: number,
  feedback: string[],
  model = new RecordingModel(OFFLINE_WRITERS),
) {
  const context: SkillContext = {
    taskId: '00000000-0000-4000-8000-000000000001',
    campaignId: '00000000-0000-4000-8000-000000000002',
    agentId: 'noor',
    attempt,
    specId: directorSkill.specId,
    feedback,
    signal: new AbortController().signal,
    tools: {
      callTool: async () => {
        throw new Error('the Director calls no tools');
      },
      readResource: async () => {
        throw new Error('the Director reads no resources');
      },
    },
    model,
    memory: { recall: async () => [] },
  };
  const input = directorSkill.inputSchema.parse({ report, persona: NOOR, format });
  const { output } = await directorSkill.run(input, context);
  return ContentBrief.parse(output);
}

const publicText = (value: ContentBrief) => directorSkill.publicText?.(value) ?? '';

/** The Judge's sensitive-topics reasons for a brief, as the Judge hands them on. */
const judgeReasons = (value: ContentBrief) =>
  sensitiveTopicsFinding(publicText(value)).map(
    (finding) => `${finding.policy}: ${finding.reason}`,
  );

const says = (text: string, word: string) => new RegExp(`\\b${word}`, 'i').test(text);

const REVIEWER = 'reviewer rita: don\'t claim "boosts immunity"; no supplement talk';

describe.each(['image', 'video'] as const)('the Director on the offline model, %s', (format) => {
  it('moves to the next trend when the flagged claim is the headline, and writes a new brief', async () => {
    const report = reportOf(SUPPLEMENT, MOBILITY);
    const first = await brief(report, format, 1, []);
    expect(first.trend_id).toBe(SUPPLEMENT.trend_id);
    const feedback = [...judgeReasons(first), REVIEWER];
    expect(feedback[0]).toMatch(/^sensitive-topics: .*mentions "supplement"/);

    const second = await brief(report, format, 2, feedback);
    expect(second.trend_id).toBe(MOBILITY.trend_id);
    expect(second.caption).not.toBe(first.caption);
    for (const word of ['supplement', 'cure', 'joint pain', 'boosts immunity']) {
      expect(says(publicText(second), word), word).toBe(false);
    }
    expect(judgeReasons(second)).toEqual([]);
  });

  it('drops the claim from the same trend when no other trend is free of it', async () => {
    const report = reportOf(SUPPLEMENT);
    const first = await brief(report, format, 1, []);
    const second = await brief(report, format, 2, [...judgeReasons(first), REVIEWER]);
    expect(second.trend_id).toBe(SUPPLEMENT.trend_id);
    expect(second.caption).not.toBe(first.caption);
    for (const word of ['supplement', 'boosts immunity', 'cure']) {
      expect(says(publicText(second), word), word).toBe(false);
    }
    const third = await brief(report, format, 3, ['reviewer rita: still not my voice']);
    expect(third.caption).not.toBe(second.caption);
    expect(third.caption).not.toBe(first.caption);
  });
});

describe('the Director with feedback', () => {
  it('still moves to the next trend when told the draft repeats an earlier post', async () => {
    const report = reportOf(MOBILITY, SUPPLEMENT);
    const second = await brief(report, 'image', 2, [
      'own-repeats: repeats your post of 2026-11-19 (similarity 0.74, content c1): "Gentle reminder: Ten-minute morning mobility routines trend with desk workers..."; write about something new',
    ]);
    expect(second.trend_id).toBe(SUPPLEMENT.trend_id);
  });

  it('gives a hosted model the reasons and asks it to drop the flagged claims', async () => {
    const model = new RecordingModel(OFFLINE_WRITERS);
    await brief(reportOf(SUPPLEMENT, MOBILITY), 'image', 2, [REVIEWER], model);
    const [prompt] = model.prompts;
    expect(prompt).toContain('The last draft was turned back');
    expect(prompt).toContain('no supplement talk');
    expect(prompt).toContain('Leave out every claim and word those reasons flag');
  });
});
