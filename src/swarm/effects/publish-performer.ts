// Performs 'publish' effects on the social platform through MCP. From the second attempt on it
// first asks the platform for the post's key (find_post): a crash after posting and before
// recording is reconciled instead of posting again. The post goes into the agent's memory of the
// last hour; its long-term memory waits for its engagement (engagement-reader.ts).

import { z } from 'zod';
import { failpoint } from '../../observability/failpoints.js';
import { PublishPlan } from '../../skills/content/publish-plan.js';
import { contentItemOf } from '../content-record.js';
import { rememberLater } from '../dispatch.js';
import type { EffectPerformer } from './effect-executor.js';

const SERVER = 'social-sandbox';
const Posted = z.object({
  post_id: z.string(),
  url: z.string(),
  platform: z.string(),
  created: z.boolean(),
});
const Found = z.object({
  found: z.boolean(),
  post: z.object({ post_id: z.string(), url: z.string() }).optional(),
});

export const publishPerformer: EffectPerformer = {
  kind: 'publish',
  specId: 'SK-PUBLISH-001',
  async perform(effect, tools, attempt) {
    const plan = PublishPlan.parse(effect.payload);
    if (attempt > 1) {
      const found = await tools.callTool(
        SERVER,
        'find_post',
        { idempotency_key: plan.idempotency_key },
        { outputSchema: Found },
      );
      if (found?.found && found.post)
        return { ...found.post, platform: plan.platform, reconciled: true };
    }
    const { format: _format, ...post } = plan;
    const posted = await tools.callTool(SERVER, 'post_content', post, { outputSchema: Posted });
    failpoint('publish-after-call');
    return { ...(posted as z.infer<typeof Posted>), reconciled: false };
  },
  async record(store, effect, task, answer, at) {
    const plan = PublishPlan.parse(effect.payload);
    await store.content.recordPublished({
      content_id: await contentItemOf(task, (id) => store.tasks.get(id)),
      published_at: at,
      agent_id: task.agent_id,
      campaign_id: task.campaign_id,
      format: plan.format,
      caption: plan.text_content,
      media_url: plan.media_urls[0] ?? null,
      platform: plan.platform,
      post_id: String(answer.post_id),
      url: String(answer.url),
    });
    await rememberLater(store, `post:${plan.idempotency_key}`, {
      agent_id: task.agent_id,
      interaction: {
        at,
        kind: 'post',
        text: plan.text_content,
        task_id: task.id,
        post_id: String(answer.post_id),
      },
    });
  },
};
