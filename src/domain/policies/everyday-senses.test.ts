// FR-POLICY-001: sensitive words used in an everyday sense do not count, and the same words in
// their sensitive sense still do. Sentences written for this test, not taken from the fixtures.

import { describe, expect, it } from 'vitest';
import { classifySensitiveTopics } from './sensitive-topics.js';

describe('everyday senses of sensitive words (FR-POLICY-001)', () => {
  it.each([
    ['paper format', 'legal-size folders never fit the drawer'],
    ['paper format', 'the copier only takes letter or legal, not A3'],
    ['genre', 'my book club picked a legal thriller and half of us cried'],
    ['genre', 'reading a medical mystery set on a cruise ship'],
    ['genre', 'the senator in this novel is the best villain of the year'],
    ['genre', 'writing a satire where the president is a golden retriever'],
    ['name', 'Rage Against the Machine on vinyl sounds unreal'],
    ['name', 'Doctor Who marathon this weekend, do not call'],
    ['name', 'THE CABINET MINISTERS TOUR IS REAL'],
    ['playful title', 'crowned the Queen of Spreadsheets and Governor of the Snack Drawer today'],
    ['playful title', 'my parrot is the senator of the curtain rail'],
    ['playful title', 'Prime Minister of Pancakes reporting for brunch duty'],
    ['trivia poll', 'poll: pasta or rice tonight?'],
    ['trivia poll', 'the office voted and tacos won, again'],
    ['trivia poll', 'vote for the best dog costume at the park 🐶'],
    ['game or sport', 'went bankrupt at the poker table again, my chips are gone'],
    ['simile', 'my toddler runs this house like a tiny president'],
  ])('sets aside a %s: %s', (kind, text) => {
    const result = classifySensitiveTopics(text);
    expect(result.everydaySenses).toContain(kind);
    expect(result.sensitive).toBe(false);
  });

  it.each([
    [
      'the actual transport minister just scrapped the night bus, unlike the Minister of Snacks',
      'politics',
    ],
    ['poll: who gets your vote for mayor on tuesday, Okafor or Lindqvist?', 'politics'],
    ['bankrupt in Monopoly again, and the bank turned down my loan application today', 'finance'],
    ['The Velvet Aldermen show is off because their singer got arrested for assault', 'legal'],
    ['our political drama book club ended up arguing about the referendum. go vote', 'politics'],
    ['the Senate votes on the tax bill tonight, watch it live', 'politics'],
    ['book club read a memoir about living with bipolar disorder and her meds', 'health'],
    ['the striker was arrested after the football match', 'legal'],
  ])('still flags the sensitive sense: %s', (text, category) => {
    expect(classifySensitiveTopics(text).categories).toContain(category);
  });

  it('still flags a legal word next to a paper size only when it is not the size', () => {
    expect(classifySensitiveTopics('printed the legal notice on letter paper').categories).toEqual([
      'legal',
    ]);
  });
});
