// The shapes every bundled MCP server answers with: structured tool output (with its JSON text
// for clients that read text only), a tool error a caller can read, and JSON resource contents.

import { ChimeraError } from '../../domain/errors.js';

/** A successful tool result carrying `value` as structured content and as text. */
export function structuredAnswer<T extends Record<string, unknown>>(value: T) {
  return {
    content: [{ type: 'text' as const, text: JSON.stringify(value) }],
    structuredContent: value,
  };
}

/** A tool error result: the call reached the tool and the tool refused, saying why. */
export function toolFailure(message: string) {
  return { content: [{ type: 'text' as const, text: message }], isError: true };
}

/**
 * Runs a tool body: its value becomes the structured answer, a string it returns a refusal, a
 * ChimeraError thrown a tool error with its message, and anything else a tool error saying
 * `failing` (e.g. "the local wallet failed") and why, never a stack.
 */
export async function toolAnswer<T extends Record<string, unknown>>(
  failing: string,
  work: () => Promise<T | string>,
) {
  try {
    const result = await work();
    return typeof result === 'string' ? toolFailure(result) : structuredAnswer(result);
  } catch (error) {
    if (error instanceof ChimeraError) return toolFailure(error.message);
    const reason = error instanceof Error ? error.message : String(error);
    return toolFailure(`${failing}: ${reason}`);
  }
}

/** Resource contents holding `value` as JSON. */
export function jsonContents(uri: URL, value: unknown) {
  return {
    contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value) }],
  };
}
