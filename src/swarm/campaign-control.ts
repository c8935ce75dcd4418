// A person's hand on a running campaign: pause (the Planner queues nothing more and no run starts;
// work already queued or running finishes), resume (planning picks up where it stopped; the
// schedule goes on from its next occurrence), and cancel (every
// open task is cancelled, a running one's result is then dropped, and its pending reviews are
// closed). Each is one transaction under the campaign's state_version, and is audited.

import type { Campaign, CampaignStatus } from '../domain/campaign.js';
import { dueOccurrences } from '../domain/campaign-schedule.js';
import { ChimeraError } from '../domain/errors.js';
import { isTerminal } from '../domain/task-status.js';
import type { Store } from '../store/store.js';
import { wakePlanner } from './dispatch.js';
import { taskEvent } from './trace.js';

/** What a person can do to a campaign. */
export type CampaignControl = 'pause' | 'resume' | 'cancel';

const RULES: Record<CampaignControl, { from: readonly CampaignStatus[]; to: CampaignStatus }> = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  cancel: { from: ['active', 'paused'], to: 'cancelled' },
};

/** Applies `control` to the campaign; refuses a move its status does not allow. */
export function controlCampaign(
  store: Store,
  campaignId: string,
  control: CampaignControl,
  by: { actor: string; tenantId: string },
  now: () => Date = () => new Date(),
): Promise<Campaign> {
  return store.transaction(async (tx) => {
    const campaign = await tx.campaigns.get(campaignId);
    if (!campaign) throw new ChimeraError('STORE_NOT_FOUND', `no campaign '${campaignId}'`);
    const rule = RULES[control];
    if (!rule.from.includes(campaign.status)) {
      throw new ChimeraError(
        'CAMPAIGN_ILLEGAL_TRANSITION',
        `campaign ${campaignId} is ${campaign.status}; only a campaign that is ${rule.from.join(' or ')} can ${control}`,
        { context: { campaignId, state: campaign.status } },
      );
    }
    let next = await tx.campaigns.updateStatus(campaignId, campaign.state_version, rule.to);
    let cancelledTasks = 0;
    if (control === 'cancel') {
      cancelledTasks = await cancelOpenWork(tx, campaignId, by.actor);
      await tx.campaignRuns.cancelOpen(campaignId, now());
    }
    if (control === 'resume') {
      next = await skipPausedOccurrences(tx, next, now());
      await wakePlanner(tx, campaignId);
    }
    await tx.audit.write({
      actor: by.actor,
      tenant_id: by.tenantId,
      action: `campaign.${control}`,
      subject_type: 'campaign',
      subject_id: campaignId,
      detail: {
        before: { status: campaign.status },
        after: {
          status: next.status,
          ...(control === 'cancel' && { cancelledTasks }),
          ...(control === 'resume' && { next_run_at: next.next_run_at }),
        },
      },
    });
    return next;
  });
}

/**
 * A recurring campaign resumed goes on from its next occurrence after `now`: the occurrences that
 * fell due while it was paused are skipped, not folded into a run. (A `once` campaign still owes
 * its one run, which the next sweep starts.)
 */
async function skipPausedOccurrences(tx: Store, campaign: Campaign, now: Date): Promise<Campaign> {
  if (campaign.schedule.kind === 'once' || !campaign.next_run_at) return campaign;
  const due = dueOccurrences(campaign.schedule, campaign.next_run_at, now);
  if (!due) return campaign;
  return tx.campaigns.setNextRunAt(campaign.id, campaign.state_version, due.next ?? null);
}

async function cancelOpenWork(tx: Store, campaignId: string, actor: string): Promise<number> {
  const open = (await tx.tasks.listByCampaign(campaignId)).filter(
    (task) => !isTerminal(task.status),
  );
  const openIds = new Set(open.map((task) => task.id));
  for (const review of await tx.reviews.listPending()) {
    if (!openIds.has(review.task_id)) continue;
    await tx.reviews.decide(review.id, {
      status: 'rejected',
      by: actor,
      reason: 'the campaign was cancelled',
    });
  }
  const events = [];
  for (const task of open) {
    const cancelled = await tx.tasks.transition(task, 'cancel', {
      assigned_worker_id: null,
      lease_expires_at: null,
    });
    events.push(taskEvent(cancelled, 'task-end', 'cancelled', { detail: { by: actor } }));
  }
  await tx.traces.write(events);
  return open.length;
}
