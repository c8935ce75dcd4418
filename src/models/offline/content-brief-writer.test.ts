// Issue 9 #3: feedback reaches the offline brief writer. A retry after a rejection reads
// differently from the draft it replaces and no longer says what the reasons flagged; the same
// context still always gives the same brief, and a first attempt is written as it always was.

import { describe, expect, it } from 'vitest';
import { sensitiveTopicsFinding } from '../../domain/policies/sensitive-topics.js';
import { wordCount } from '../price-table.js';
import { contentBriefWriter } from './content-brief-writer.js';

interface Draft {
  caption: string;
  hashtags: string[];
  visual_prompts: string[];
  script?: string;
}

const NOOR = {
  name: 'Noor Haddad',
  niche: 'fitness and everyday wellness',
  voice_traits: ['encouraging', 'grounded', 'clear and step-by-step'],
  character_reference_id: 'noor-ref-v1',
};

const SUPPLEMENT_TREND = {
  trend_id: 'trend-supplement',
  topic: 'daily supplement immunity',
  headline: 'Fitness influencers say a daily supplement boosts immunity',
  sentiment_score: 0.3,
};

const FORMATS = ['text', 'image', 'video'] as const;

function write(
  format: (typeof FORMATS)[number],
  feedback: string[],
  attempt?: number,
  trend: typeof SUPPLEMENT_TREND = SUPPLEMENT_TREND,
): Draft {
  return contentBriefWriter({
    persona: NOOR,
    trend,
    format,
    feedback,
    ...(attempt !== undefined && { attempt }),
  }) as Draft;
}

/** What the audience would see, as the Director's publicText has it. */
const publicText = (draft: Draft) =>
  [draft.caption, draft.script ?? '', draft.hashtags.join(' '), ...draft.visual_prompts].join('\n');

/** The Judge's sensitive-topics reasons for a draft, as the Judge hands them on. */
const judgeReasons = (draft: Draft) =>
  sensitiveTopicsFinding(publicText(draft)).map(
    (finding) => `${finding.policy}: ${finding.reason}`,
  );

/** True when `text` has `phrase` as whole words (plurals and "-ed"/"-ing" forms count). */
function says(text: string, phrase: string): boolean {
  const body = phrase
    .split(/\s+/)
    .map((word) => `${word.replace(/e?s$/, '')}\\w{0,3}`)
    .join('\\W+');
  return new RegExp(`\\b${body}\\b`, 'i').test(text);
}

const REVIEWER = 'reviewer rita: don\'t claim "boosts immunity"';

describe.each(FORMATS)('the offline brief writer, %s format', (format) => {
  const first = write(format, [], 1);
  const secondFeedback = [...judgeReasons(first), REVIEWER];

  it('starts from a draft the Judge flags for the supplement claim', () => {
    expect(secondFeedback[0]).toMatch(
      /^sensitive-topics: sensitive topic \(health\): mentions .*"supplement"/,
    );
    expect(says(publicText(first), 'supplement')).toBe(true);
    expect(says(publicText(first), 'boosts immunity')).toBe(true);
  });

  it('writes a different draft without the rejected claim after a rejection', () => {
    const second = write(format, secondFeedback, 2);
    expect(second).not.toEqual(first);
    expect(second.caption).not.toBe(first.caption);
    for (const phrase of ['supplement', 'immunity', 'boosts immunity']) {
      expect(says(publicText(second), phrase), phrase).toBe(false);
    }
    expect(judgeReasons(second)).toEqual([]);
  });

  it('writes yet another draft after a second rejection, as the review desk replaces the reasons', () => {
    const second = write(format, secondFeedback, 2);
    const third = write(format, ['reviewer rita: still reads like an ad, change the angle'], 3);
    expect(third.caption).not.toBe(second.caption);
    expect(third.caption).not.toBe(first.caption);
  });

  it('writes yet another draft after a second rejection when the reasons pile up', () => {
    const second = write(format, secondFeedback);
    const thirdFeedback = [...secondFeedback, 'reviewer rita: no "everyday" talk either'];
    const third = write(format, thirdFeedback);
    expect(third.caption).not.toBe(second.caption);
    expect(third.caption).not.toBe(first.caption);
    for (const phrase of ['supplement', 'boosts immunity', 'everyday']) {
      expect(says(publicText(third), phrase), phrase).toBe(false);
    }
  });

  it('gives the same draft for the same context', () => {
    expect(write(format, secondFeedback, 2)).toEqual(write(format, secondFeedback, 2));
    expect(write(format, [], 1)).toEqual(first);
  });

  it('keeps to the brief contract after dropping lines', () => {
    const second = write(format, secondFeedback, 2);
    expect(second.caption.length).toBeGreaterThanOrEqual(10);
    expect(second.hashtags.length).toBeGreaterThan(0);
    expect(second.visual_prompts).toHaveLength(format === 'text' ? 0 : 1);
    if (format === 'video') {
      expect(wordCount(second.script ?? '')).toBeGreaterThanOrEqual(100);
      expect(wordCount(second.script ?? '')).toBeLessThanOrEqual(500);
    }
  });
});

describe('the offline brief writer on retries', () => {
  it('writes a first attempt as before: opener, headline, take and the niche sign-off', () => {
    expect(write('image', []).caption).toMatch(
      /^[^:]+: Fitness influencers say a daily supplement boosts immunity\. .+ For everyone into fitness and everyday wellness, this one is for you\.$/,
    );
  });

  it('never repeats the previous attempt, whatever the reasons say', () => {
    const reasons = [
      'reviewer rita: too salesy',
      'own-repeats: repeats your post of 2026-11-01 (similarity 0.71, content c1): "x"; write about something new',
      'output fails acceptance criteria: caption: Too small',
      'reviewer rita: too salesy',
    ];
    for (const format of FORMATS) {
      let previous = write(format, [], 1);
      for (let attempt = 2; attempt <= 8; attempt++) {
        const next = write(format, [reasons[attempt % reasons.length]!], attempt);
        expect(next.caption, `attempt ${attempt}`).not.toBe(previous.caption);
        if (format === 'video') expect(next.script).not.toBe(previous.script);
        previous = next;
      }
    }
  });

  it('keeps the headline when the flagged words are elsewhere, and changes the take', () => {
    const first = write('image', [], 1);
    const take = first.caption.split('. ')[1]!;
    const second = write('image', [`reviewer rita: don't say "${take.replace(/\.$/, '')}"`], 2);
    expect(second.caption).toContain(SUPPLEMENT_TREND.headline);
    expect(second.caption).not.toContain(take);
  });

  it('adds a hashtag a persona directive says the content lacks', () => {
    const draft = write('image', [
      'persona-directives: breaks directive "Always end with #movewithnoor": content lacks "#movewithnoor"',
    ]);
    expect(draft.hashtags[0]).toBe('#movewithnoor');
  });
});
