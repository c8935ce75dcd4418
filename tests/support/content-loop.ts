// The content loop as a campaign template: Scout → Director → Artist → Publisher, per agent.

/** Publishes one image post to Instagram per agent, for the agent's niche and the campaign goal. */
export const CONTENT_LOOP = [
  {
    key: 'scout',
    skill: 'scout.analyze',
    input: { niche: { $from: 'agent.niche' }, goal: { $from: 'campaign.goal' } },
  },
  {
    key: 'brief',
    skill: 'director.create_brief',
    depends_on: ['scout'],
    input: { report: { $from: 'scout' }, persona: { $from: 'agent' }, format: 'image' },
  },
  {
    key: 'asset',
    skill: 'artist.produce',
    depends_on: ['brief'],
    input: { brief: { $from: 'brief' } },
  },
  {
    key: 'post',
    skill: 'publish',
    depends_on: ['asset'],
    input: { asset: { $from: 'asset' }, platform: 'instagram', disclosure_level: 'none' },
  },
];
