// Binds the MCP hub to one skill run, so every call a skill makes carries the run's agent,
// spec, task and attempt into the allow-list check, the rate limit and the trace. A tool argument
// named `agent_id` (whose wallet, whose budget) must be the run's own agent: no agent acts as
// another.

import { ChimeraError } from '../domain/errors.js';
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
        if (args.agent_id !== undefined && args.agent_id !== run.agentId) {
          throw new ChimeraError(
            'MCP_TOOL_DENIED',
            `agent '${run.agentId}' may not call ${server}.${tool} for agent '${String(args.agent_id)}'; agent_id must be the calling agent`,
            { context: { agentId: run.agentId } },
          );
        }
        const answer = await hub.callTool({
          ...context,
          server,
          tool,
          arguments: args,
          ...(options.outputSchema && { outputSchema: options.outputSchema }),
          ...(options.dryRun !== undefined && { dryRun: options.dryRun }),
          ...(run.signal && { signal: run.signal }),
        });
        return answer.output;
      },
      readResource: (server, uri) =>
        hub.readResource({ ...context, server, uri, ...(run.signal && { signal: run.signal }) }),
    };
  };
}
