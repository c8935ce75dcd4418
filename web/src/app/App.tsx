// The dashboard's shell: sign-in state, the header (pages, role, live status) and the page for
// the current path. Signed in, one live event stream and the review queue serve every page.

import { useCallback } from 'react';
import { AgreementPage } from '../agreement/AgreementPage';
import type { Session } from '../api/wire-types';
import { CampaignPage } from '../campaigns/CampaignPage';
import { CampaignsPage } from '../campaigns/CampaignsPage';
import { NewCampaignPage } from '../campaigns/NewCampaignPage';
import { FleetPage } from '../fleet/FleetPage';
import { LiveEventsProvider, useLiveEvent, useLiveStatus } from '../live/live-events';
import { MoneyPage } from '../money/MoneyPage';
import { PostsPage } from '../posts/PostsPage';
import { ReviewInbox } from '../reviews/ReviewInbox';
import { useReviewQueue } from '../reviews/review-queue';
import { SessionProvider, useSessionState } from '../session/session';
import { TaskPage } from '../tasks/TaskPage';
import { AnnouncerProvider } from '../ui/announcer';
import { PageHeading } from '../ui/PageHeading';
import { Link, usePath } from './navigation';
import { SignIn } from './SignIn';

export function App() {
  const { state, reload } = useSessionState();
  if (state.status === 'loading') return <p className="muted loading">Loading…</p>;
  if (state.status === 'signed-out') return <SignIn />;
  if (state.status === 'failed') {
    return (
      <main className="sign-in" id="main">
        <h1>Chimera cannot be reached</h1>
        <p role="alert">{state.message}</p>
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </main>
    );
  }
  return (
    <SessionProvider value={state.session}>
      <LiveEventsProvider onClosed={reload}>
        <AnnouncerProvider>
          <Shell session={state.session} onSessionChanged={reload} />
        </AnnouncerProvider>
      </LiveEventsProvider>
    </SessionProvider>
  );
}

const PAGES = [
  { path: '/', title: 'Reviews' },
  { path: '/fleet', title: 'Fleet' },
  { path: '/campaigns', title: 'Campaigns' },
  { path: '/money', title: 'Money' },
  { path: '/posts', title: 'Posts' },
  { path: '/agreement', title: 'Agreement' },
];

/** The page of PAGES a path belongs to: a campaign's, a new campaign's and a task's are Campaigns'. */
function sectionOf(page: string): string {
  return /^\/(campaigns|tasks)\//.test(page) ? '/campaigns' : page;
}

/** The id in `/<prefix>/<id>`, decoded; null when `page` is not such a path. */
function idIn(page: string, prefix: string): string | null {
  const match = new RegExp(`^/${prefix}/([^/]+)$`).exec(page);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function Shell(props: { session: Session; onSessionChanged: () => void }) {
  const path = usePath();
  const queue = useReviewQueue();
  const status = useLiveStatus();
  const checkSession = useCallback(() => props.onSessionChanged(), [props.onSessionChanged]);
  useLiveEvent(['token-revoked'], checkSession);
  const page = path === '/reviews' ? '/' : path;
  const section = sectionOf(page);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <p className="brand">Chimera</p>
        <nav aria-label="Pages">
          <ul>
            {PAGES.map((each) => (
              <li key={each.path}>
                <Link to={each.path} current={section === each.path}>
                  {each.title}
                  {each.path === '/' && queue.loaded && (
                    <span className="count">
                      {' '}
                      {queue.items.length}
                      <span className="visually-hidden"> pending</span>
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="who">
          <span className="role">{props.session.role}</span>
          <span className="visually-hidden"> of tenant</span> {props.session.tenant_id}
        </p>
        <p className={`live live-${status}`} role="status">
          {status === 'live' ? 'Live' : status === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </p>
      </header>
      <main id="main">
        <PageOf page={page} queue={queue} />
      </main>
    </>
  );
}

/** The page at `page` (a path), or a "not found" one. */
function PageOf(props: { page: string; queue: ReturnType<typeof useReviewQueue> }) {
  const { page } = props;
  if (page === '/') return <ReviewInbox queue={props.queue} />;
  if (page === '/fleet') return <FleetPage />;
  if (page === '/campaigns') return <CampaignsPage />;
  if (page === '/campaigns/new') return <NewCampaignPage />;
  if (page === '/money') return <MoneyPage />;
  if (page === '/posts') return <PostsPage />;
  if (page === '/agreement') return <AgreementPage />;
  const campaignId = idIn(page, 'campaigns');
  if (campaignId) return <CampaignPage key={campaignId} campaignId={campaignId} />;
  const taskId = idIn(page, 'tasks');
  if (taskId) return <TaskPage key={taskId} taskId={taskId} />;
  return (
    <>
      <PageHeading title="Page not found" />
      <p>
        No page at <code>{page}</code>. <Link to="/">Go to the review inbox</Link>.
      </p>
    </>
  );
}
