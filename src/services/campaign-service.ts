// Campaigns: list with progress and show with the task DAG (viewer); create from a template
// file's JSON, pause, resume and cancel (operator).

import { type Actor, actorLabel } from '../domain/actor.js';
import type { Campaign } from '../domain/campaign.js';
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
    const views = this.deps.store.tenantViews;
    const campaign = found(await views.getCampaign(actor.tenantId, id), 'campaign', id);
    const tasks = await views.listTasks(actor.tenantId, { campaignId: id, limit: 10_000 });
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
    return controlCampaign(this.deps.store, id, control, {
      actor: actorLabel(actor),
      tenantId: actor.tenantId,
    });
  }
}

function summarize(
  campaign: Campaign,
  tasks: Partial<Record<TaskStatus, number>>,
): CampaignSummary {
  const total = Object.values(tasks).reduce((sum, n) => sum + (n ?? 0), 0);
  return { campaign, tasks, progress: total === 0 ? 0 : (tasks.done ?? 0) / total };
}
