// The dashboard's shell: sign-in state, the header (pages, role, live status) and the page for
// the current path. Signed in, one live event stream and the review queue serve every page.

import { useCallback } from 'react';
import type { Session } from '../api/wire-types';
import { FleetPage } from '../fleet/FleetPage';
import { LiveEventsProvider, useLiveEvent, useLiveStatus } from '../live/live-events';
import { PostsPage } from '../posts/PostsPage';
import { ReviewInbox } from '../reviews/ReviewInbox';
import { useReviewQueue } from '../reviews/review-queue';
import { SessionProvider, useSessionState } from '../session/session';
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
  { path: '/posts', title: 'Posts' },
];

function Shell(props: { session: Session; onSessionChanged: () => void }) {
  const path = usePath();
  const queue = useReviewQueue();
  const status = useLiveStatus();
  const checkSession = useCallback(() => props.onSessionChanged(), [props.onSessionChanged]);
  useLiveEvent(['token-revoked'], checkSession);
  const page = path === '/reviews' ? '/' : path;
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
                <Link to={each.path} current={page === each.path}>
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
        {page === '/' && <ReviewInbox queue={queue} />}
        {page === '/fleet' && <FleetPage />}
        {page === '/posts' && <PostsPage />}
        {!PAGES.some((each) => each.path === page) && (
          <>
            <PageHeading title="Page not found" />
            <p>
              No page at <code>{path}</code>. <Link to="/">Go to the review inbox</Link>.
            </p>
          </>
        )}
      </main>
    </>
  );
}
