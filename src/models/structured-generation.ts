// Asks a language model for an object of a given schema through the AI SDK, and turns its
// failures into Chimera errors: an answer that does not fit the schema is MODEL_OUTPUT_INVALID
// naming the field (not retried: the Judge's feedback re-plans), anything else MODEL_UNAVAILABLE.

import { generateText, type LanguageModel, NoObjectGeneratedError, Output } from 'ai';
import type { z } from 'zod';
import { ChimeraError } from '../domain/errors.js';

/** Token usage of one generation, for cost accounting. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Generates an object matching `schema` for `purpose` (named in errors). */
export async function generateStructured<T>(
  model: LanguageModel,
  request: {
    purpose: string;
    system?: string;
    prompt: string;
    schema: z.ZodType<T>;
    signal?: AbortSignal;
  },
): Promise<{ value: T; usage: TokenUsage }> {
  try {
    const result = await generateText({
      model,
      ...(request.system && { system: request.system }),
      prompt: request.prompt,
      output: Output.object({ schema: request.schema }),
      maxRetries: 2,
      ...(request.signal && { abortSignal: request.signal }),
    });
    return {
      value: result.output as T,
      usage: {
        inputTokens: result.usage.inputTokens ?? 0,
        outputTokens: result.usage.outputTokens ?? 0,
      },
    };
  } catch (error) {
    // Chimera's own refusals (the CFO's SPEND_* from the cost governor) pass through as they are.
    if (error instanceof ChimeraError) throw error;
    if (NoObjectGeneratedError.isInstance(error)) {
      const cause =
        error.cause instanceof Error ? error.cause.message : String(error.cause ?? error.message);
      throw new ChimeraError(
        'MODEL_OUTPUT_INVALID',
        `${request.purpose}: the model's answer does not fit the schema: ${oneLine(cause)}`,
        { cause: error },
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new ChimeraError(
      'MODEL_UNAVAILABLE',
      `${request.purpose}: the model failed: ${oneLine(message)}`,
      {
        cause: error,
        retryable: true,
      },
    );
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 500);
}
