// Performs 'reply' effects: each approved reply goes to the platform's `reply_comment` tool with
// its key (agent and mention), which the platform honours once, so a retry after a crash answers
// with the first reply instead of replying twice. No find step is needed for that reason.

import { z } from 'zod';
import { CommentReplies } from '../../skills/content/comment-replies.js';
import type { EffectPerformer } from './effect-executor.js';

const SERVER = 'social-sandbox';
const Replied = z.object({ reply_id: z.string(), mention_id: z.string(), created: z.boolean() });

export const replyPerformer: EffectPerformer = {
  kind: 'reply',
  specId: 'SK-REPLY-001',
  async perform(effect, tools) {
    const plan = CommentReplies.parse(effect.payload);
    const replies = [];
    for (const reply of plan.replies) {
      const answer = await tools.callTool(
        SERVER,
        'reply_comment',
        {
          mention_id: reply.mention_id,
          text_content: reply.text_content,
          idempotency_key: reply.idempotency_key,
          author: plan.author,
        },
        { outputSchema: Replied },
      );
      if (answer) replies.push(answer);
    }
    return { platform: plan.platform, replies };
  },
};
