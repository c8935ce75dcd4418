// The default language model: offline and deterministic, implementing the AI SDK's
// LanguageModelV3 so it is swapped for a hosted one by configuration alone. It writes from the
// CHIMERA_CONTEXT line of the prompt with the writer registered for its task; it knows nothing
// beyond what the prompt gives it, and says so when asked for something it has no writer for.

import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { readContext } from '../model-context.js';

/** Writes an answer for one task from its context; returns JSON-ready data or text. */
export type OfflineWriter = (context: Record<string, unknown>) => unknown;

/** Rough tokens of a text, for usage and cost: four characters a token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export class OfflineLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3' as const;
  readonly provider = 'chimera-offline';
  readonly modelId = 'offline-writer-1';
  readonly supportedUrls = {};

  constructor(private readonly writers: Record<string, OfflineWriter>) {}

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const promptText = options.prompt
      .flatMap((message) =>
        typeof message.content === 'string'
          ? [message.content]
          : message.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])),
      )
      .join('\n');
    const context = readContext(promptText);
    const writer = context ? this.writers[context.task] : undefined;
    let text: string;
    if (!context || !writer) {
      text = `The offline model has no writer for ${context ? `task '${context.task}'` : 'a prompt without Chimera context'}; configure a hosted model (CHIMERA_MODEL) for free-form prompts.`;
    } else {
      const written = writer(context);
      text =
        typeof written === 'string' && options.responseFormat?.type !== 'json'
          ? written
          : JSON.stringify(written);
    }
    const inputTokens = estimateTokens(promptText);
    const outputTokens = estimateTokens(text);
    return {
      content: [{ type: 'text', text }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: {
        inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
      },
      warnings: [],
    };
  }

  async doStream(options: LanguageModelV3CallOptions) {
    const result = await this.doGenerate(options);
    const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start(controller) {
        controller.enqueue({ type: 'stream-start', warnings: [] });
        controller.enqueue({ type: 'text-start', id: 't0' });
        controller.enqueue({ type: 'text-delta', id: 't0', delta: text });
        controller.enqueue({ type: 'text-end', id: 't0' });
        controller.enqueue({
          type: 'finish',
          finishReason: result.finishReason,
          usage: result.usage,
        });
        controller.close();
      },
    });
    return { stream };
  }
}
