// Published posts, newest first, with their media and engagement; a new post appears as soon as
// it is published ('post-published').

import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { api } from '../api/endpoints';
import type { Post } from '../api/wire-types';
import { useLiveRefresh } from '../live/use-live-refresh';
import { MediaPreview } from '../ui/MediaPreview';
import { mediaOf } from '../ui/media';
import { PageHeading } from '../ui/PageHeading';
import { TimeAgo } from '../ui/TimeAgo';

export function PostsPage() {
  const [posts, setPosts] = useState<Post[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    api.posts().then(
      (answer) => {
        setPosts(answer.posts);
        setError(null);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, []);
  useEffect(() => refresh(), [refresh]);
  useLiveRefresh(['connected', 'post-published'], refresh, 200);

  return (
    <>
      <PageHeading title="Posts" />
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {!posts && !error && <p className="muted">Loading posts…</p>}
      {posts?.length === 0 && <p className="empty">No post is published yet.</p>}
      {posts && posts.length > 0 && (
        <ol className="cards" aria-label="Published posts">
          {posts.map((post) => (
            <li key={post.content_id}>
              <PostCard post={post} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function PostCard(props: { post: Post }) {
  const { post } = props;
  const engagement = Object.entries(post.engagement).filter(
    ([, value]) => typeof value === 'number' || typeof value === 'string',
  );
  return (
    <article className="card post-card" aria-label={`Post by ${post.agent_id}`}>
      <header className="card-head">
        <h2 className="card-title">
          <span className="agent">{post.agent_id}</span>
          <span className="muted">
            {' '}
            on {post.platform}, {post.format}
          </span>
        </h2>
        <TimeAgo iso={post.published_at} />
      </header>
      <p className="public-text">{post.caption}</p>
      <MediaPreview media={mediaOf(post)} label={post.caption} />
      {engagement.length > 0 && (
        <dl className="facts" aria-label="Engagement">
          {engagement.map(([key, value]) => (
            <div key={key}>
              <dt>{key.replaceAll('_', ' ')}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="card-meta">
        Post {post.post_id}
        {/^https?:\/\//.test(post.url) && (
          <>
            {' '}
            ·{' '}
            <a href={post.url} rel="noreferrer noopener" target="_blank">
              open on {post.platform}
            </a>
          </>
        )}
      </p>
    </article>
  );
}
