// FR-MODEL-001: text generation goes through the AI SDK. The offline model writes from the
// prompt's Chimera context; a hosted-model code path (the SDK's mock model) parses structured
// output and rejects an answer that breaks the schema with a clear error.

import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../domain/errors.js';
import { createLanguageModel } from './language-model-factory.js';
import { withContext } from './model-context.js';
import { OfflineLanguageModel } from './offline/offline-language-model.js';
import { generateStructured } from './structured-generation.js';

const Caption = z.object({ caption: z.string().min(5), hashtags: z.array(z.string()).min(1) });

function hostedAnswer(text: string) {
  return new MockLanguageModelV3({
    doGenerate: async () => ({
      content: [{ type: 'text', text }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: {
        inputTokens: { total: 120, noCache: 120, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: 30, text: 30, reasoning: 0 },
      },
      warnings: [],
    }),
  });
}

describe('generateStructured', () => {
  it('parses a hosted model structured answer and reports its token usage', async () => {
    const model = hostedAnswer(
      JSON.stringify({ caption: 'Denim, reworked.', hashtags: ['#upcycled'] }),
    );
    const result = await generateStructured(model, {
      purpose: 'caption',
      prompt: 'write',
      schema: Caption,
    });
    expect(result).toEqual({
      value: { caption: 'Denim, reworked.', hashtags: ['#upcycled'] },
      usage: { inputTokens: 120, outputTokens: 30 },
    });
    expect(model.doGenerateCalls[0]?.responseFormat).toMatchObject({ type: 'json' });
  });

  it('rejects an answer that breaks the schema with MODEL_OUTPUT_INVALID naming the field', async () => {
    const model = hostedAnswer(JSON.stringify({ caption: 'Hi', hashtags: [] }));
    const failure = generateStructured(model, {
      purpose: 'director brief',
      prompt: 'write',
      schema: Caption,
    });
    await expect(failure).rejects.toMatchObject({ code: 'MODEL_OUTPUT_INVALID', retryable: false });
    await expect(failure).rejects.toThrow(
      /^director brief: the model's answer does not fit the schema: .*caption/,
    );
  });

  it('rejects an answer that is not JSON at all', async () => {
    const failure = generateStructured(hostedAnswer('Sure! Here is a caption: denim.'), {
      purpose: 'caption',
      prompt: 'write',
      schema: Caption,
    });
    await expect(failure).rejects.toMatchObject({ code: 'MODEL_OUTPUT_INVALID' });
  });

  it('lets the offline model write from the prompt context with its registered writer', async () => {
    const model = new OfflineLanguageModel({
      caption: (context) => ({
        caption: `About ${String(context.topic)}!`,
        hashtags: ['#chimera'],
      }),
    });
    const prompt = withContext('Write a caption.', { task: 'caption', topic: 'upcycled denim' });
    const result = await generateStructured(model, { purpose: 'caption', prompt, schema: Caption });
    expect(result.value).toEqual({ caption: 'About upcycled denim!', hashtags: ['#chimera'] });
    expect(result.usage.inputTokens).toBeGreaterThan(0);
  });

  it('makes the offline model say it has no writer for an unknown task', async () => {
    const model = new OfflineLanguageModel({});
    const failure = generateStructured(model, {
      purpose: 'caption',
      prompt: withContext('Write.', { task: 'poem' }),
      schema: Caption,
    });
    await expect(failure).rejects.toMatchObject({ code: 'MODEL_OUTPUT_INVALID' });
  });
});

describe('createLanguageModel', () => {
  it('builds the offline model by default and hosted providers by name', () => {
    expect(createLanguageModel({ model: 'offline' }, {})).toBeInstanceOf(OfflineLanguageModel);
    const hosted = createLanguageModel({ model: 'openai:gpt-4o-mini' }, {});
    expect(typeof hosted === 'object' && hosted.provider).toMatch(/^openai/);
    const anthropic = createLanguageModel({ model: 'anthropic:claude-sonnet-4-5' }, {});
    expect(typeof anthropic === 'object' && anthropic.modelId).toBe('claude-sonnet-4-5');
    const compatible = createLanguageModel(
      { model: 'openai-compatible:llama3.1', modelBaseUrl: 'http://127.0.0.1:11434/v1' },
      {},
    );
    expect(typeof compatible === 'object' && compatible.modelId).toBe('llama3.1');
  });

  it('refuses a bad CHIMERA_MODEL with a ConfigError that says what to write', () => {
    expect(() => createLanguageModel({ model: 'openai' }, {})).toThrow(/needs a model id/);
    expect(() => createLanguageModel({ model: 'openai-compatible:llama3.1' }, {})).toThrow(
      /needs CHIMERA_MODEL_BASE_URL/,
    );
    expect(() => createLanguageModel({ model: 'gemini:pro' }, {})).toThrow(ConfigError);
  });
});
