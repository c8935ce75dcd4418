// Campaigns: list with progress (over all runs), show with the latest run's task DAG, list runs
// (viewer); plan a draft from a goal, create from a template file's JSON, pause, resume and cancel
// (operator).

import { type Actor, actorLabel } from '../domain/actor.js';
import type { Campaign, CampaignSpec } from '../domain/campaign.js';
import type { CampaignRun } from '../domain/campaign-run.js';
import { InputError } from '../domain/errors.js';
import type { Task } from '../domain/task.js';
import type { TaskStatus } from '../domain/task-status.js';
import { type CampaignControl, controlCampaign } from '../swarm/campaign-control.js';
import { found, requireRole } from './access-check.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** A campaign with its tasks counted per state, and the share of them that is done. */
export interface CampaignSummary {
  campaign: Campaign;
  tasks: Partial<Record<TaskStatus, number>>;
  /** Done tasks over all tasks, 0..1 (a cancelled or failed task counts as not done). */
  progress: number;
}

/** One node of a campaign's DAG. */
export type DagNode = Pick<
  Task,
  'id' | 'agent_id' | 'step_key' | 'type' | 'spec_id' | 'status' | 'attempt' | 'depends_on'
>;

export class CampaignService {
  constructor(private readonly deps: ServiceDependencies) {}

  async list(actor: Actor, limit = 100): Promise<CampaignSummary[]> {
    const rows = await this.deps.store.tenantViews.listCampaignProgress(actor.tenantId, limit);
    return rows.map(({ campaign, tasks }) => summarize(campaign, tasks));
  }

  async show(actor: Actor, id: string): Promise<CampaignSummary & { dag: DagNode[] }> {
    const { store } = this.deps;
    const campaign = found(await store.tenantViews.getCampaign(actor.tenantId, id), 'campaign', id);
    const [latest] = await store.campaignRuns.listByCampaign(id, 1);
    const tasks = latest
      ? await store.tenantViews.listTasks(actor.tenantId, {
          campaignId: id,
          campaignRunId: latest.id,
          limit: 10_000,
        })
      : [];
    const counts: Partial<Record<TaskStatus, number>> = {};
    for (const task of tasks) counts[task.status] = (counts[task.status] ?? 0) + 1;
    return {
      ...summarize(campaign, counts),
      dag: tasks
        .map(({ id, agent_id, step_key, type, spec_id, status, attempt, depends_on }) => ({
          id,
          agent_id,
          step_key,
          type,
          spec_id,
          status,
          attempt,
          depends_on,
        }))
        .sort((a, b) => a.agent_id.localeCompare(b.agent_id) || a.id.localeCompare(b.id)),
    };
  }

  /** The campaign's runs, newest first. */
  async runs(actor: Actor, id: string, limit = 100): Promise<CampaignRun[]> {
    const { store } = this.deps;
    found(await store.tenantViews.getCampaign(actor.tenantId, id), 'campaign', id);
    return store.campaignRuns.listByCampaign(id, limit);
  }

  /**
   * A draft campaign file for `goal` (the configured model's, or offline the closest library
   * template), for the operator to read and edit before launching it. Nothing is written.
   */
  async plan(actor: Actor, request: { goal: string; agent_ids?: string[] }): Promise<CampaignSpec> {
    requireRole(actor, 'operator', 'planning a campaign');
    const agents = await this.deps.store.tenantViews.listAgents(actor.tenantId);
    const chosen = request.agent_ids
      ? request.agent_ids.map((id) =>
          found(
            agents.find((agent) => agent.id === id),
            'agent',
            id,
          ),
        )
      : agents.filter((agent) => agent.status === 'active');
    if (chosen.length === 0) {
      throw new InputError('agent_ids: no active agent to plan for; add an agent first', {
        context: { field: 'agent_ids' },
      });
    }
    return this.deps.goalPlanner.draft(request.goal, chosen);
  }

  /** Validates a campaign file's JSON and plans its DAG; nothing is written when it is invalid. */
  async create(actor: Actor, raw: unknown): Promise<CampaignSummary> {
    requireRole(actor, 'operator', 'creating a campaign');
    const campaign = await this.deps.planner.launch(raw, actorLabel(actor), actor.tenantId);
    const counts = await this.deps.store.tenantViews.countTasksByCampaign(actor.tenantId, [
      campaign.id,
    ]);
    return summarize(campaign, counts.get(campaign.id) ?? {});
  }

  async control(actor: Actor, id: string, control: CampaignControl): Promise<Campaign> {
    requireRole(actor, 'operator', `${control} of a campaign`);
    found(await this.deps.store.tenantViews.getCampaign(actor.tenantId, id), 'campaign', id);
    return controlCampaign(
      this.deps.store,
      id,
      control,
      { actor: actorLabel(actor), tenantId: actor.tenantId },
      this.deps.now,
    );
  }
}

function summarize(
  campaign: Campaign,
  tasks: Partial<Record<TaskStatus, number>>,
): CampaignSummary {
  const total = Object.values(tasks).reduce((sum, n) => sum + (n ?? 0), 0);
  return { campaign, tasks, progress: total === 0 ? 0 : (tasks.done ?? 0) / total };
}
