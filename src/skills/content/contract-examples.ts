// Worked examples of the content contracts, one value each, that the skills offer as `examples`
// and `chimera skills validate` checks against their schemas.

export const EXAMPLE_TREND_REPORT = {
  as_of: '2026-11-20T12:00:00.000Z',
  niche: 'sustainable streetwear',
  trends: [
    {
      trend_id: 'trend-dc1325b19bf93b0f',
      topic: 'recycled sneaker soles',
      volume: 1,
      sentiment_score: 0.64,
      rising_velocity: 0.75,
      platforms: ['instagram'],
      first_seen: '2026-11-20T10:30:00.000Z',
      sources: ['threadline'],
      relevance: 0.833,
      headline: 'Recycled sneaker soles go mainstream with three new capsule drops',
    },
  ],
  items_seen: 3,
  duplicates_removed: 0,
};

export const EXAMPLE_PERSONA = {
  name: 'Ava Reyes',
  niche: 'sustainable streetwear',
  voice_traits: ['warm', 'direct', 'playful'],
  directives: ['Always disclose paid partnerships'],
  character_reference_id: 'ava-ref-v1',
};

export const EXAMPLE_BRIEF = {
  brief_id: 'brief-1cf0a2b78675',
  trend_id: 'trend-dc1325b19bf93b0f',
  format: 'image',
  caption:
    'Real talk, friends: Recycled sneaker soles go mainstream with three new capsule drops. I am here for it.',
  hashtags: ['#recycled', '#sneaker', '#streetwear'],
  visual_prompts: [
    'recycled sneaker soles, sustainable streetwear aesthetic, character ava-ref-v1',
  ],
  character_reference_id: 'ava-ref-v1',
  estimated_cost: 0.002,
};

export const EXAMPLE_ASSET = {
  asset_id: 'asset-1cf0a2b78675',
  brief_id: 'brief-1cf0a2b78675',
  format: 'image',
  files: [{ path: '/srv/chimera/media/3f2a….png', mime: 'image/png', bytes: 163285 }],
  quality_score: 0.95,
  production_cost: 0.002,
  character_reference_id: 'ava-ref-v1',
  caption: EXAMPLE_BRIEF.caption,
  hashtags: EXAMPLE_BRIEF.hashtags,
  notes: [],
};

export const EXAMPLE_PUBLISH_PLAN = {
  platform: 'instagram',
  author: 'ava',
  text_content: `${EXAMPLE_BRIEF.caption}\n\n#recycled #sneaker #streetwear`,
  media_urls: ['file:///srv/chimera/media/3f2a….png'],
  disclosure_level: 'automated',
  idempotency_key: 'ava:instagram:5d1e0c9a8b7f6e5d4c3b2a19',
  format: 'image',
};

export const EXAMPLE_REPLIES = {
  platform: 'instagram',
  author: 'ava',
  replies: [
    {
      mention_id: '0b5e3c1a-9d2f-4e8b-a6c7-1f2e3d4c5b6a:c0',
      mention_author: 'fan_4821',
      mention_text: '@ava are you a bot?',
      text_content: '@fan_4821 I am a virtual persona created by AI.',
      honesty_reply: true,
      idempotency_key: 'ava:reply:0b5e3c1a-9d2f-4e8b-a6c7-1f2e3d4c5b6a:c0',
    },
    {
      mention_id: '0b5e3c1a-9d2f-4e8b-a6c7-1f2e3d4c5b6a:c1',
      mention_author: 'fan_7310',
      mention_text: '@ava where can I get one?',
      text_content:
        '@fan_7310 Good question! I will share the details in my next post, so keep an eye out.',
      honesty_reply: false,
      idempotency_key: 'ava:reply:0b5e3c1a-9d2f-4e8b-a6c7-1f2e3d4c5b6a:c1',
    },
  ],
  mentions_seen: 3,
};
