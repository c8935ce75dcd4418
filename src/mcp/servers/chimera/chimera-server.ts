// Chimera as an MCP server: its analysis and production skills and the CFO (cfo.approve,
// budget.show) as tools with input and output schemas, its campaigns, tasks and review queue as
// resources, and a `campaign_brief` prompt.
// Skill tools run the skill directly for the caller and publish nothing; cfo.approve decides and
// reserves, but moves no money. Everything goes through the services as the calling token: what
// it may see is its tenant's, and what it spends is charged to its agent.

import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Actor } from '../../../domain/actor.js';
import { fieldProblems } from '../../../domain/field-problems.js';
import type { ChimeraServices } from '../../../services/chimera-services.js';
import type { AnySkill } from '../../../skills/skill.js';
import type { SkillRegistry } from '../../../skills/skill-registry.js';
import { jsonContents, structuredAnswer, toolFailure } from '../tool-results.js';
import { registerCfoTools } from './cfo-tools.js';
import { serviceFailure } from './service-failure.js';

/** The skills offered as tools: side-effect free, so a caller outside the loop may run them. */
export const EXPOSED_SKILLS = ['scout.analyze', 'director.create_brief', 'artist.produce'] as const;

/** Builds Chimera's MCP server for one caller. */
export function createChimeraServer(
  services: ChimeraServices,
  skills: SkillRegistry,
  actor: Actor,
): McpServer {
  const server = new McpServer({ name: 'chimera', version: '0.1.0' });
  for (const name of EXPOSED_SKILLS) registerSkillTool(server, services, actor, skills.get(name));
  registerCfoTools(server, services, actor);

  server.registerResource(
    'campaigns',
    'chimera://campaigns',
    {
      title: 'Campaigns',
      description: 'Every campaign with its status and tasks per state.',
      mimeType: 'application/json',
    },
    async (uri) => {
      const campaigns = await services.campaigns.list(actor);
      return jsonContents(
        uri,
        campaigns.map(({ campaign, tasks }) => ({
          id: campaign.id,
          name: campaign.name,
          goal: campaign.goal,
          status: campaign.status,
          agent_ids: campaign.agent_ids,
          tasks,
        })),
      );
    },
  );

  server.registerResource(
    'campaign-tasks',
    new ResourceTemplate('chimera://campaigns/{campaign_id}/tasks', { list: undefined }),
    {
      title: 'Tasks of a campaign',
      description: 'The tasks of {campaign_id}, with state and output.',
      mimeType: 'application/json',
    },
    async (uri, { campaign_id }) => {
      const tasks = await services.tasks.list(actor, {
        campaignId: String(campaign_id),
        limit: 10_000,
      });
      return jsonContents(
        uri,
        tasks.map(
          ({ id, agent_id, step_key, type, spec_id, status, attempt, output, feedback }) => ({
            id,
            agent_id,
            step_key,
            type,
            spec_id,
            status,
            attempt,
            output,
            feedback,
          }),
        ),
      );
    },
  );

  server.registerResource(
    'review-queue',
    'chimera://reviews/pending',
    {
      title: 'Review queue',
      description: 'Results waiting for a person, with the Judge reasons.',
      mimeType: 'application/json',
    },
    async (uri) => {
      const items = await services.reviews.list(actor, { status: 'pending', limit: 1_000 });
      return jsonContents(
        uri,
        items.map(({ review, task }) => ({
          review_id: review.id,
          task_id: task.id,
          agent_id: task.agent_id,
          type: task.type,
          reasons: review.reasons,
          output: task.output,
        })),
      );
    },
  );

  server.registerPrompt(
    'campaign_brief',
    {
      title: 'Draft a campaign',
      description: 'Drafts a Chimera campaign file that runs the content loop for given agents.',
      argsSchema: { goal: z.string(), agent_ids: z.string().describe('comma-separated agent ids') },
    },
    ({ goal, agent_ids }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Draft a Chimera campaign file (JSON) with the goal "${goal}" for agents ${agent_ids}.`,
              'Use the content loop: scout.analyze → director.create_brief → artist.produce → publish,',
              'binding each step to the one before with {"$from": "<step>"} and the niche with {"$from": "agent.niche"}.',
              'Keep every post honest about being made by an AI persona; sensitive topics will go to a human reviewer.',
            ].join('\n'),
          },
        },
      ],
    }),
  );

  return server;
}

function registerSkillTool(
  server: McpServer,
  services: ChimeraServices,
  actor: Actor,
  skill: AnySkill,
): void {
  server.registerTool(
    skill.name,
    {
      title: skill.name,
      description: `${skill.description} (spec ${skill.specId})`,
      inputSchema: skill.inputSchema as z.ZodObject,
      outputSchema: skill.outputSchema as z.ZodObject,
    },
    async (input: unknown) => {
      const parsed = skill.inputSchema.safeParse(input);
      if (!parsed.success)
        return toolFailure(`invalid input: ${fieldProblems(parsed.error).join('; ')}`);
      try {
        const output = await services.skillCalls.run(actor, skill.name, parsed.data);
        return structuredAnswer(output as Record<string, unknown>);
      } catch (error) {
        return serviceFailure(error);
      }
    },
  );
}
