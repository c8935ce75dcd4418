// One campaign: its goal, agents, state and progress, its task DAG kept live, and (operators)
// pause, resume and cancel. Each task of the DAG links to its trace.

import { useMemo, useState } from 'react';
import { type CampaignControl, campaignApi } from '../api/campaign-endpoints';
import { errorMessage } from '../api/client';
import { Link } from '../app/navigation';
import { mayAct, useSession } from '../session/session';
import { useAnnounce } from '../ui/announcer';
import { PageHeading } from '../ui/PageHeading';
import { TimeAgo } from '../ui/TimeAgo';
import { CampaignControls } from './CampaignControls';
import { CampaignProgress } from './CampaignProgress';
import { TaskGraph } from './TaskGraph';
import { useCampaign } from './use-campaign';
import '../styles/campaigns.css';

const DONE_WORDS: Record<CampaignControl, string> = {
  pause: 'paused',
  resume: 'resumed',
  cancel: 'cancelled',
};

export function CampaignPage(props: { campaignId: string }) {
  const canOperate = mayAct(useSession().role, 'operator');
  const announce = useAnnounce();
  const { detail, error, refresh, replaceCampaign } = useCampaign(props.campaignId);
  const [busy, setBusy] = useState(false);
  const [controlError, setControlError] = useState<string | null>(null);
  const stepOrder = useMemo(() => stepKeys(detail?.campaign.template), [detail?.campaign.template]);

  const control = async (action: CampaignControl) => {
    setBusy(true);
    try {
      const campaign = await campaignApi.control(props.campaignId, action);
      replaceCampaign(campaign);
      setControlError(null);
      announce(`Campaign ${campaign.name} ${DONE_WORDS[action]}.`);
    } catch (failure) {
      setControlError(errorMessage(failure));
    } finally {
      setBusy(false);
      refresh();
    }
  };

  if (!detail) {
    return (
      <>
        <PageHeading title="Campaign" />
        <BackLink />
        {error ? (
          <p className="notice notice-error" role="alert">
            {error.status === 404 || error.status === 400
              ? `No campaign of yours has the id ${props.campaignId}.`
              : error.message}
          </p>
        ) : (
          <p className="muted">Loading the campaign…</p>
        )}
      </>
    );
  }
  const { campaign } = detail;
  return (
    <>
      <PageHeading title={campaign.name}>
        <span className={`chip campaign-status campaign-status-${campaign.status}`}>
          <span className="visually-hidden">Campaign is </span>
          {campaign.status}
        </span>
      </PageHeading>
      <BackLink />
      {(controlError ?? error) && (
        <p className="notice notice-error" role="alert">
          {controlError ?? error?.message}
        </p>
      )}
      <dl className="facts">
        <dt>Goal</dt>
        <dd>{campaign.goal}</dd>
        <dt>Agents</dt>
        <dd>{campaign.agent_ids.join(', ')}</dd>
        <dt>Created</dt>
        <dd>
          <TimeAgo iso={campaign.created_at} />
        </dd>
      </dl>
      <CampaignProgress summary={detail} />
      {canOperate && <CampaignControls campaign={campaign} busy={busy} onControl={control} />}
      <section className="campaign-tasks" aria-labelledby="campaign-tasks-title">
        <h2 id="campaign-tasks-title">Tasks</h2>
        <p className="muted">
          One lane per agent; each box is a task with its step and state, and arrows run from a task
          to the tasks that wait for it. Open a box for the task's trace.
        </p>
        {detail.dag.length === 0 ? (
          <p className="empty">No task is planned for this campaign.</p>
        ) : (
          <TaskGraph
            nodes={detail.dag}
            stepOrder={stepOrder}
            label={`Task graph of ${campaign.name}`}
          />
        )}
      </section>
    </>
  );
}

function BackLink() {
  return (
    <p className="back">
      <Link to="/campaigns">All campaigns</Link>
    </p>
  );
}

/** The step keys of a campaign's template, in order; empty when it has none. */
function stepKeys(template: unknown): string[] {
  const steps = (template as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((step) =>
    typeof step === 'object' && step !== null && typeof (step as { key?: unknown }).key === 'string'
      ? [(step as { key: string }).key]
      : [],
  );
}
