// Issue 9 #3, for replies: a reply rejected with reasons is not written again word for word, and
// what the reasons quote is left out; the first attempt and determinism are unchanged.

import { describe, expect, it } from 'vitest';
import { replyWriter } from './reply-writer.js';

const persona = { name: 'Ava Reyes', niche: 'sustainable streetwear' };
const comment = { author: 'sam', text: 'Where did you find that jacket?' };

const reply = (feedback: string[] = [], attempt?: number) =>
  (
    replyWriter({ persona, comment, feedback, ...(attempt !== undefined && { attempt }) }) as {
      text: string;
    }
  ).text;

describe('the offline reply writer', () => {
  it('answers a question from its list, the same way every time', () => {
    expect(reply()).toMatch(/^@sam (Good question|Great question)/);
    expect(reply()).toBe(reply([], 1));
  });

  it('writes another reply after a rejection', () => {
    const first = reply();
    const second = reply(['reviewer rita: too generic'], 2);
    expect(second).not.toBe(first);
    expect(second).toMatch(/^@sam /);
  });

  it('leaves out what a reviewer quotes', () => {
    const first = reply();
    const quoted = first.includes('Good question') ? 'Good question' : 'Great question';
    const second = reply([`reviewer rita: no "${quoted}" again`], 2);
    expect(second).not.toContain(quoted);
    expect(reply([`reviewer rita: no "${quoted}" again`], 3)).not.toContain(quoted);
  });

  it('greets a returning commenter with what it told them last time', () => {
    const told = '@sam Thanks for stopping by! The jacket is from a thrift store in Porto.';
    const again = (
      replyWriter({
        persona,
        comment: { author: 'sam', text: 'Back again, love the new look!' },
        remembered: [{ text: told }, { text: '@sam An older reply.' }],
      }) as { text: string }
    ).text;
    expect(again).toMatch(
      /^@sam Good to see you again! Last time I told you: "Thanks for stopping by! The jacket is from a thrift store in Porto\." /,
    );
    expect(again).not.toContain('An older reply');
  });
});
