// Performs 'reply' effects: each approved reply goes to the platform's `reply_comment` tool with
// its key (agent and mention), which the platform honours once, so a retry after a crash answers
// with the first reply instead of replying twice. No find step is needed for that reason. Each
// exchange is remembered (who said what, what the agent answered), so that a returning commenter
// is recognised.

import { z } from 'zod';
import { CommentReplies } from '../../skills/content/comment-replies.js';
import { rememberLater } from '../dispatch.js';
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
  async record(store, effect, task, _answer, at) {
    const plan = CommentReplies.parse(effect.payload);
    for (const reply of plan.replies) {
      await rememberLater(store, `reply:${reply.idempotency_key}`, {
        agent_id: task.agent_id,
        memory: {
          collection: 'agent_memory',
          text: `@${reply.mention_author} wrote on ${plan.platform}: "${reply.mention_text}". I replied: "${reply.text_content}"`,
          metadata: {
            kind: 'reply',
            counterpart: reply.mention_author,
            platform: plan.platform,
            mention_id: reply.mention_id,
            reply: reply.text_content,
            task_id: task.id,
          },
        },
        interaction: {
          at,
          kind: 'reply',
          counterpart: reply.mention_author,
          text: reply.text_content,
          task_id: task.id,
          post_id: reply.mention_id,
        },
      });
    }
  },
};
