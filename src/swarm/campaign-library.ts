// The campaign templates a goal in plain language is planned from: what each is for, the words a
// goal that wants it tends to use, and the campaign file it starts as. The offline model picks the
// closest; a hosted model reads them as examples. Add one here to teach both a new kind of goal.

import type { CampaignSchedule } from '../domain/campaign-schedule.js';
import type { CampaignTemplate } from '../domain/campaign-template.js';

/** One kind of campaign a goal can be planned as. */
export interface LibraryTemplate {
  name: string;
  description: string;
  /** Words (lowercase stems) a goal asking for this kind of campaign tends to use. */
  keywords: readonly string[];
  schedule: CampaignSchedule;
  template: CampaignTemplate;
}

const persona = { $from: 'agent' };

export const CAMPAIGN_LIBRARY: readonly LibraryTemplate[] = [
  {
    name: 'Daily trend post',
    description:
      'Every day, find the freshest trend in the niche, write a brief, produce the image and publish it, then answer comments.',
    keywords: [
      'trend',
      'daily',
      'every',
      'day',
      'post',
      'share',
      'fresh',
      'today',
      'niche',
      'viral',
    ],
    schedule: { kind: 'interval', every: '1d', allow_overlap: false },
    template: {
      steps: [
        {
          key: 'scout',
          skill: 'scout.analyze',
          depends_on: [],
          input: { niche: { $from: 'agent.niche' }, goal: { $from: 'campaign.goal' } },
          priority: 'medium',
          max_attempts: 3,
        },
        {
          key: 'brief',
          skill: 'director.create_brief',
          depends_on: ['scout'],
          input: {
            report: { $from: 'scout' },
            persona,
            format: 'image',
            strategy: { $from: 'strategy' },
          },
          priority: 'medium',
          max_attempts: 3,
        },
        {
          key: 'asset',
          skill: 'artist.produce',
          depends_on: ['brief'],
          input: { brief: { $from: 'brief' } },
          priority: 'medium',
          max_attempts: 3,
        },
        {
          key: 'post',
          skill: 'publish',
          depends_on: ['asset'],
          input: {
            asset: { $from: 'asset' },
            platform: 'instagram',
            disclosure_level: 'automated',
          },
          priority: 'medium',
          max_attempts: 3,
        },
        {
          key: 'replies',
          skill: 'reply_comment',
          depends_on: ['post'],
          input: { platform: 'instagram', persona },
          priority: 'medium',
          max_attempts: 3,
        },
      ],
    },
  },
  {
    name: 'Announcement',
    description:
      'Once, turn the goal into talking points, write a short post from them and announce it: a launch, a drop, news or an event.',
    keywords: [
      'announc',
      'launch',
      'drop',
      'release',
      'tease',
      'teaser',
      'news',
      'event',
      'sale',
      'product',
      'collection',
      'capsule',
    ],
    schedule: { kind: 'once' },
    template: {
      steps: [
        {
          key: 'outline',
          skill: 'core.outline',
          depends_on: [],
          input: { goal: { $from: 'campaign.goal' } },
          priority: 'medium',
          max_attempts: 3,
        },
        {
          key: 'compose',
          skill: 'core.compose',
          depends_on: ['outline'],
          input: { points: { $from: 'outline.points' } },
          priority: 'medium',
          max_attempts: 3,
        },
        {
          key: 'announce',
          skill: 'core.announce',
          depends_on: ['compose'],
          input: { text: { $from: 'compose.text' } },
          priority: 'medium',
          max_attempts: 3,
        },
      ],
    },
  },
  {
    name: 'Community replies',
    description:
      'Every few hours, answer the unanswered comments and mentions on the agent’s posts, in its voice.',
    keywords: [
      'repl',
      'comment',
      'answer',
      'respond',
      'communit',
      'follower',
      'fan',
      'mention',
      'engag',
      'conversation',
      'dm',
    ],
    schedule: { kind: 'interval', every: '4h', allow_overlap: false },
    template: {
      steps: [
        {
          key: 'replies',
          skill: 'reply_comment',
          depends_on: [],
          input: { platform: 'instagram', persona },
          priority: 'medium',
          max_attempts: 3,
        },
      ],
    },
  },
];
