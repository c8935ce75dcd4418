// The shapes every bundled MCP server answers with: structured tool output (with its JSON text
// for clients that read text only), a tool error a caller can read, and JSON resource contents.

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

/** Resource contents holding `value` as JSON. */
export function jsonContents(uri: URL, value: unknown) {
  return {
    contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value) }],
  };
}
