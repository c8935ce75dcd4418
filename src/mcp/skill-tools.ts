// Binds the MCP hub to one skill run, so every call a skill makes carries the run's agent,
// spec, task and attempt into the allow-list check, the rate limit and the trace.

import type { SkillServices, SkillTools } from '../skills/skill.js';
import type { McpHub } from './mcp-hub.js';

/** The `toolsFor` of SkillServices over `hub`. */
export function hubTools(hub: McpHub): SkillServices['toolsFor'] {
  return (run): SkillTools => {
    const context = {
      agentId: run.agentId,
      specId: run.specId,
      taskId: run.taskId,
      campaignId: run.campaignId,
      attempt: run.attempt,
    };
    return {
      callTool: async (server, tool, args, options = {}) => {
        const answer = await hub.callTool({
          ...context,
          server,
          tool,
          arguments: args,
          ...(options.outputSchema && { outputSchema: options.outputSchema }),
          ...(options.dryRun !== undefined && { dryRun: options.dryRun }),
        });
        return answer.output;
      },
      readResource: (server, uri) => hub.readResource({ ...context, server, uri }),
    };
  };
}
