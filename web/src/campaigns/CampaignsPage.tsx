// Every campaign of the tenant, newest first, with its state and progress, kept live by task
// events; operators get a link to create one.

import { useCallback, useEffect, useId, useState } from 'react';
import { type CampaignSummary, campaignApi } from '../api/campaign-endpoints';
import { errorMessage } from '../api/client';
import { Link } from '../app/navigation';
import { useLiveRefresh } from '../live/use-live-refresh';
import { mayAct, useSession } from '../session/session';
import { PageHeading } from '../ui/PageHeading';
import { TimeAgo } from '../ui/TimeAgo';
import { CampaignProgress } from './CampaignProgress';
import '../styles/campaigns.css';

export function CampaignsPage() {
  const canOperate = mayAct(useSession().role, 'operator');
  const [campaigns, setCampaigns] = useState<CampaignSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    campaignApi.list().then(
      (answer) => {
        setCampaigns(answer.campaigns);
        setError(null);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, []);
  useEffect(() => refresh(), [refresh]);
  useLiveRefresh(['connected', 'task-state'], refresh);

  return (
    <>
      <PageHeading title="Campaigns">
        {canOperate && (
          <Link to="/campaigns/new" className="button button-primary">
            New campaign
          </Link>
        )}
      </PageHeading>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {!campaigns && !error && <p className="muted">Loading campaigns…</p>}
      {campaigns?.length === 0 && (
        <p className="empty">
          No campaign yet.{' '}
          {canOperate ? 'Create one from a template.' : 'An operator can create one.'}
        </p>
      )}
      {campaigns && campaigns.length > 0 && (
        <ul className="cards campaign-cards" aria-label="Campaigns">
          {campaigns.map((summary) => (
            <li key={summary.campaign.id}>
              <CampaignCard summary={summary} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function CampaignCard(props: { summary: CampaignSummary }) {
  const { campaign } = props.summary;
  const titleId = useId();
  return (
    <article className="card campaign-card" aria-labelledby={titleId} data-status={campaign.status}>
      <header className="card-head">
        <h2 id={titleId} className="card-title">
          <Link to={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
        </h2>
        <span className={`chip campaign-status campaign-status-${campaign.status}`}>
          {campaign.status}
        </span>
      </header>
      <p className="campaign-goal">{campaign.goal}</p>
      <p className="card-meta">
        {campaign.agent_ids.join(', ')} · created <TimeAgo iso={campaign.created_at} />
        {scheduleText(campaign.schedule) && <> · {scheduleText(campaign.schedule)}</>}
        {campaign.next_run_at && (
          <>
            {' '}
            · next run <TimeAgo iso={campaign.next_run_at} />
          </>
        )}
      </p>
      <CampaignProgress summary={props.summary} />
    </article>
  );
}

/** How a recurring campaign repeats, in words ("every 1d"); nothing for a one-off. */
function scheduleText(schedule: Record<string, unknown>): string | undefined {
  if (schedule.kind === 'interval') return `every ${String(schedule.every)}`;
  if (schedule.kind === 'cron') return `on ${String(schedule.cron)} (${String(schedule.timezone)})`;
  return undefined;
}
