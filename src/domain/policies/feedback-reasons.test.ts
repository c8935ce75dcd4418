// Issue 9 #3: the offline writers read the reasons each Judge policy and the review desk write,
// taking only the words a reason flags and never the passages it quotes to name something.

import { describe, expect, it } from 'vitest';
import { readFeedbackReasons } from './feedback-reasons.js';
import { ownRepeatFindings } from './own-repeats.js';
import { checkDirectives } from './persona-directives.js';
import { mentionsPhrase, removePhrases } from './phrase-match.js';
import { sensitiveTopicsFinding } from './sensitive-topics.js';

/** A finding as the Judge hands it on: `<policy>: <reason>`. */
const asReason = (finding: { policy: string; reason: string }) =>
  `${finding.policy}: ${finding.reason}`;

describe('readFeedbackReasons', () => {
  it('takes the words a sensitive-topics finding quotes', () => {
    const [finding] = sensitiveTopicsFinding('This supplement cures joint pain overnight.');
    expect(readFeedbackReasons([asReason(finding!)])).toEqual({
      avoid: ['supplement cures', 'joint pain'],
      repeats: 0,
      requiredTags: [],
      objects: true,
    });
  });

  it('takes nothing but the objection from a topic-model finding without listed words', () => {
    const reasons = readFeedbackReasons([
      'sensitive-topics: sensitive topic (finance): topic model 0.81, no listed word',
    ]);
    expect(reasons).toMatchObject({ avoid: [], objects: true });
  });

  it('takes the words a broken directive found, not the directive, and the tags it lacks', () => {
    const findings = checkDirectives({ text: 'My Nike haul, paid by the brand' }, [
      'Never mention the brands Nike or Adidas',
      'Always tag #ad on sponsored posts',
      'Always end with #mendingnight',
    ]);
    const reasons = readFeedbackReasons(findings.map(asReason));
    expect(reasons.avoid).toEqual(['Nike']);
    expect(reasons.requiredTags).toEqual(['#mendingnight']);
  });

  it('counts a repeat without taking the earlier post it quotes', () => {
    const [finding] = ownRepeatFindings('Okay, friends: the same headline again. Love it.', [
      {
        content_id: 'c1',
        caption: 'Okay, friends: the same headline again. Love it.',
        published_at: new Date('2026-11-01T00:00:00Z'),
      },
    ]);
    expect(readFeedbackReasons([asReason(finding!)])).toEqual({
      avoid: [],
      repeats: 1,
      requiredTags: [],
      objects: false,
    });
  });

  it("takes what a reviewer quotes and the words named after 'no', 'don't' or 'avoid'", () => {
    const reasons = readFeedbackReasons([
      'reviewer rita: don\'t claim "boosts immunity"; no supplement talk, and avoid detox or cleanses.',
    ]);
    expect(reasons.avoid).toEqual(['boosts immunity', 'supplement', 'detox', 'cleanses']);
    expect(reasons.objects).toBe(true);
  });

  it('reads a bare complaint as an objection with no words to drop', () => {
    const reasons = readFeedbackReasons(['reviewer rita: too salesy, not my voice']);
    expect(reasons).toEqual({ avoid: [], repeats: 0, requiredTags: [], objects: true });
  });

  it('counts a reviewer saying the draft was already posted as a repeat', () => {
    expect(readFeedbackReasons(['reviewer rita: we already posted this last week']).repeats).toBe(
      1,
    );
  });

  it('ignores errors and reasons of policies it does not know', () => {
    expect(
      readFeedbackReasons([
        'output fails acceptance criteria: caption: Too small',
        'the worker running this task stopped before finishing',
        'honesty: "are you a bot?" asks whether this is an AI, and the reply "lol" does not say so',
      ]),
    ).toEqual({ avoid: [], repeats: 0, requiredTags: [], objects: false });
  });
});

describe('phrase matching', () => {
  it('matches whole words after light stemming, never inside a word', () => {
    expect(mentionsPhrase('Doctors say it cured her', 'cures')).toBe(true);
    expect(mentionsPhrase('Two new #supplements', 'supplement')).toBe(true);
    expect(mentionsPhrase('A secure zipper', 'cure')).toBe(false);
    expect(mentionsPhrase('joint and pain', 'joint pain')).toBe(false);
  });

  it('cuts a phrase out and tidies the text', () => {
    expect(removePhrases('Fitness, supplements, and sleep.', ['supplement'])).toBe(
      'Fitness, and sleep.',
    );
  });
});
