// publish: prepares a post from an approved asset. Publishing itself is its effect, declared
// external: it happens only after this task's own approval (the Judge or a person), performed by
// the publish performer with a key derived from (agent, platform, content), so a retry or a crash
// never posts twice.

import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { normalizeDisclosure } from '../../domain/policies/disclosure.js';
import { defineSkill } from '../skill.js';
import { EXAMPLE_ASSET, EXAMPLE_PUBLISH_PLAN } from './contract-examples.js';
import { MediaAsset } from './media-asset.js';
import { PublishPlan, SocialPlatform } from './publish-plan.js';

export const publisherSkill = defineSkill({
  name: 'publish',
  specId: 'SK-PUBLISH-001',
  description: 'Prepares a post of an asset; approval publishes it exactly once.',
  inputSchema: z.object({
    asset: MediaAsset,
    platform: SocialPlatform,
    disclosure_level: z.enum(['automated', 'assisted', 'none']).default('automated'),
  }),
  outputSchema: PublishPlan,
  examples: [
    { input: { asset: EXAMPLE_ASSET, platform: 'instagram' }, output: EXAMPLE_PUBLISH_PLAN },
  ],
  publicText: (plan) => plan.text_content,
  effect: { kind: 'publish', external: true, payload: (plan) => plan },
  async run(input, context) {
    const text = [input.asset.caption, input.asset.hashtags.join(' ')].filter(Boolean).join('\n\n');
    const mediaUrls = input.asset.files.map((file) => pathToFileURL(file.path).href);
    const contentHash = createHash('sha256')
      .update(`${text}\n${mediaUrls.join('\n')}`)
      .digest('hex');
    const plan = {
      platform: input.platform,
      author: context.agentId,
      text_content: text,
      media_urls: mediaUrls,
      // Hidden automation is never published: 'none' is raised to 'automated' (FR-POLICY-003).
      disclosure_level: normalizeDisclosure(input.disclosure_level).level,
      idempotency_key: `${context.agentId}:${input.platform}:${contentHash.slice(0, 24)}`,
      format: input.asset.format,
      ...(input.asset.strategy && { audience_labels: input.asset.strategy }),
    };
    return { output: plan, confidence: 0.95 };
  },
});
