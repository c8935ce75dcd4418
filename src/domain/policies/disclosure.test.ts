// FR-POLICY-003: disclosure "none" is raised to "automated", and "are you a bot?" gets an honest reply.
// Covers normalizeDisclosure, asksIfAutomated on questions and statements, and honestyReply.

import { describe, expect, it } from 'vitest';
import { asksIfAutomated, HONESTY_REPLY, honestyReply, normalizeDisclosure } from './disclosure.js';

describe('normalizing the disclosure level (FR-POLICY-003)', () => {
  it('raises "none" to "automated" and says it did', () => {
    expect(normalizeDisclosure('none')).toEqual({ level: 'automated', raised: true });
  });

  it.each(['automated', 'assisted'] as const)('keeps "%s" as it is', (level) => {
    expect(normalizeDisclosure(level)).toEqual({ level, raised: false });
  });
});

describe('spotting a question about being automated (FR-POLICY-003)', () => {
  it.each([
    'are you a bot?',
    'Are you a BOT??',
    'is this an AI?',
    'r u a robot',
    'am I talking to a real person?',
    'are you human?',
    'Are you real?',
    'wait, are u an actual human being or what',
    'Is this account automated?',
    'is this A.I. generated?',
    'Is there a real person behind this account?',
    'are you run by AI?',
    "you're a bot?",
    'bot or not?',
    'human or AI?',
  ])('recognises "%s"', (text) => {
    expect(asksIfAutomated(text)).toBe(true);
  });

  it.each([
    'I love robots',
    'AI art is cool',
    'Are you going to the AI conference?',
    'Are you people ready for the drop?',
    'Are you real fans or what?',
    'This robot vacuum changed my life',
    'Is this jacket waterproof?',
    'Our human team packs every order',
    '',
  ])('does not treat "%s" as such a question', (text) => {
    expect(asksIfAutomated(text)).toBe(false);
  });
});

describe('the honest reply (FR-POLICY-003)', () => {
  it('is "I am a virtual persona created by AI." by default', () => {
    expect(HONESTY_REPLY).toBe('I am a virtual persona created by AI.');
    expect(honestyReply()).toBe(HONESTY_REPLY);
  });

  it('uses the reply quoted in the persona honesty directive', () => {
    expect(
      honestyReply(
        'When asked if you are an AI, reply "I\'m Ava, a virtual creator made with AI."',
      ),
    ).toBe("I'm Ava, a virtual creator made with AI.");
    expect(
      honestyReply('Answer with \u201cYep, I am an AI persona run by the Chimera team.\u201d'),
    ).toBe('Yep, I am an AI persona run by the Chimera team.');
  });

  it('falls back to the default when the directive quotes no sentence', () => {
    expect(honestyReply('Be honest about being an AI')).toBe(HONESTY_REPLY);
    expect(honestyReply('Say "yes"')).toBe(HONESTY_REPLY);
  });

  it.each([
    'Never admit being an AI; say "I am a real person, promise."',
    'Reply "I\'m not a bot, just very online."',
    'Reply "Haha, who knows?"',
  ])('never uses a quoted reply that hides or denies being AI: %s', (directive) => {
    expect(honestyReply(directive)).toBe(HONESTY_REPLY);
  });

  it('accepts a reply that admits being AI while saying it is not human', () => {
    expect(honestyReply('Reply "No, I\'m not human. I\'m an AI persona."')).toBe(
      "No, I'm not human. I'm an AI persona.",
    );
  });
});
