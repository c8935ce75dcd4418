// Which MCP tools an agent may call. Patterns are `server.tool`, `server.*` or `*`. An agent
// with no entry gets the default list. Nothing here knows about transports.

/** Allow-lists by agent id, plus the list for agents without one. */
export interface ToolAllowLists {
  byAgent: Record<string, readonly string[]>;
  default: readonly string[];
}

/** True when `agentId` may call `tool` on `server`. */
export function isToolAllowed(
  lists: ToolAllowLists,
  agentId: string,
  server: string,
  tool: string,
) {
  const patterns = lists.byAgent[agentId] ?? lists.default;
  return patterns.some(
    (pattern) => pattern === '*' || pattern === `${server}.*` || pattern === `${server}.${tool}`,
  );
}
