// reply_comment: reads the agent's recent mentions through the platform's MCP resource and
// drafts a reply to each one not yet answered, in the persona's voice through the language
// model, with what the agent remembers of the commenter (its earlier exchanges with them). A
// mention asking whether the account is a bot or an AI always gets the honesty reply, whatever
// the model or the persona would say. Replying is the effect: it happens after approval.

import { z } from 'zod';
import { SkillPermanentError } from '../../domain/errors.js';
import { fieldProblems } from '../../domain/field-problems.js';
import { asksIfAutomated, honestyReply } from '../../domain/policies/disclosure.js';
import { withContext } from '../../models/model-context.js';
import { generateStructured } from '../../models/structured-generation.js';
import { defineSkill, type SkillContext } from '../skill.js';
import { CommentReplies, Mention } from './comment-replies.js';
import { EXAMPLE_PERSONA, EXAMPLE_REPLIES } from './contract-examples.js';
import { SocialPlatform } from './publish-plan.js';

const SERVER = 'social-sandbox';
const ReplyDraft = z.object({ text: z.string().min(1).max(500) });

/** The persona fields the replies are written with (bound from the agent). */
const ReplyPersona = z.object({
  name: z.string().min(1),
  niche: z.string().min(1),
  voice_traits: z.array(z.string()).min(1),
  directives: z.array(z.string()).default([]),
});

/** The persona's own honesty directive, if it has one ("If asked whether you are a bot…"). */
function honestyDirective(directives: readonly string[]): string | undefined {
  return directives.find((directive) => /\b(?:bot|robot|ai|automated|human)\b/i.test(directive));
}

export const replySkill = defineSkill({
  name: 'reply_comment',
  specId: 'SK-REPLY-001',
  description: "Drafts replies to the agent's unanswered recent mentions on a platform.",
  inputSchema: z.object({
    platform: SocialPlatform,
    persona: ReplyPersona,
    max_replies: z.number().int().min(1).max(20).default(5),
  }),
  outputSchema: CommentReplies,
  examples: [
    { input: { platform: 'instagram', persona: EXAMPLE_PERSONA }, output: EXAMPLE_REPLIES },
  ],
  publicText: (output) => output.replies.map((reply) => reply.text_content).join('\n'),
  exchanges: (output) =>
    output.replies.map((reply) => ({ incoming: reply.mention_text, reply: reply.text_content })),
  effect: { kind: 'reply', external: true, payload: (output) => output },
  async run(input, context) {
    const uri = `social://${input.platform}/mentions/recent?account=${encodeURIComponent(context.agentId)}`;
    const text = await context.tools.readResource(SERVER, uri);
    const parsed = z.array(Mention).safeParse(parseJson(text));
    if (!parsed.success) {
      throw new SkillPermanentError(
        `${uri} returned mentions that break their contract: ${fieldProblems(parsed.error).join('; ')}`,
        { context: { skill: 'reply_comment' } },
      );
    }
    const open = parsed.data.filter((mention) => !mention.replied).slice(0, input.max_replies);
    const replies = [];
    for (const mention of open) {
      const honest = asksIfAutomated(mention.text);
      const reply = honest
        ? `@${mention.author} ${honestyReply(honestyDirective(input.persona.directives))}`
        : await draftReply(input.persona, mention, context);
      replies.push({
        mention_id: mention.id,
        mention_author: mention.author,
        mention_text: mention.text,
        text_content: reply,
        honesty_reply: honest,
        idempotency_key: `${context.agentId}:reply:${mention.id}`,
      });
    }
    const output = {
      platform: input.platform,
      author: context.agentId,
      replies,
      mentions_seen: parsed.data.length,
    };
    return { output, confidence: 0.93 };
  },
});

async function draftReply(
  persona: z.infer<typeof ReplyPersona>,
  mention: z.infer<typeof Mention>,
  context: SkillContext,
): Promise<string> {
  // Who you are (the persona), then what you remember of this person: kept apart in the prompt.
  const remembered = (
    await context.memory.recall(mention.text, { counterpart: mention.author })
  ).sort((a, b) => b.remembered_at.getTime() - a.remembered_at.getTime());
  const earlier = remembered.map((memory) => ({
    text: typeof memory.metadata.reply === 'string' ? memory.metadata.reply : memory.text,
  }));
  const prompt = withContext(
    [
      `You are ${persona.name}, a creator in ${persona.niche}. Voice: ${persona.voice_traits.join(', ')}.`,
      `Follow these directives: ${persona.directives.join(' ')}`,
      ...(remembered.length > 0
        ? [
            `What you remember of @${mention.author}, newest first (mention it if it helps):`,
            ...remembered.map((memory) => `- ${memory.text}`),
          ]
        : []),
      `Reply in one or two friendly sentences to this comment from @${mention.author}: "${mention.text}".`,
      'Start the reply with the commenter\'s @handle. Answer with { "text": … }.',
      ...(context.feedback.length > 0
        ? [
            `The last draft was turned back (by the Judge's checks or a human reviewer) for: ${context.feedback.join(' ')}`,
            'Leave out what those reasons flag, and write a clearly different reply.',
          ]
        : []),
    ].join('\n'),
    {
      task: 'comment_reply',
      persona,
      comment: { author: mention.author, text: mention.text },
      remembered: earlier,
      feedback: context.feedback,
      attempt: context.attempt,
    },
  );
  const { value } = await generateStructured(context.model, {
    purpose: 'comment reply',
    prompt,
    schema: ReplyDraft,
    signal: context.signal,
  });
  return value.text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
