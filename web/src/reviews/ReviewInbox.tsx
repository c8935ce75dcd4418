// The review inbox: every pending review as a card, oldest first, kept live. Keyboard first:
// j/k move between cards, a approves, r rejects with a reason, ? shows the shortcuts. Viewers
// read the cards without the controls.

import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { api } from '../api/endpoints';
import type { ReviewItem } from '../api/wire-types';
import { mayAct, useSession } from '../session/session';
import { useAnnounce } from '../ui/announcer';
import { PageHeading } from '../ui/PageHeading';
import { HelpDialog } from './HelpDialog';
import { type InboxKeyAction, useInboxKeys } from './inbox-keys';
import { RejectDialog } from './RejectDialog';
import { ReviewCard } from './ReviewCard';
import { itemTitle } from './review-content';
import type { ReviewQueue } from './review-queue';

export function ReviewInbox(props: { queue: ReviewQueue }) {
  const { items, loaded, error } = props.queue;
  const session = useSession();
  const canDecide = mayAct(session.role, 'reviewer');
  const announce = useAnnounce();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<ReviewItem | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const cards = useRef(new Map<string, HTMLElement>());
  /** The card to focus once it renders (after j/k or a decision). */
  const focusNext = useRef<string | null>(null);

  /** The selected card's place; -1 before j or k chooses one (or after it left the list). */
  const index = items.findIndex((item) => item.review.id === selectedId);
  const selected: ReviewItem | undefined = items[index];

  /** Focuses the card of `reviewId` when it is on screen and no dialog holds the focus. */
  const focusCard = (reviewId: string): boolean => {
    const card = cards.current.get(reviewId);
    if (!card || document.querySelector('dialog[open]')) return false;
    card.focus();
    card.scrollIntoView({ block: 'nearest' });
    return true;
  };

  // A focus asked for while a dialog was open waits until it has closed.
  useEffect(() => {
    if (focusNext.current !== null && focusCard(focusNext.current)) focusNext.current = null;
  });

  const select = (item: ReviewItem | undefined) => {
    if (!item) return;
    setSelectedId(item.review.id);
    focusNext.current = focusCard(item.review.id) ? null : item.review.id;
  };

  /** After a decision: the card below takes the decided one's place (or the one above). */
  const decided = (item: ReviewItem, message: string) => {
    const at = items.findIndex((each) => each.review.id === item.review.id);
    const after = items[at + 1] ?? items[at - 1];
    props.queue.remove(item.review.id);
    setFailure(null);
    announce(message);
    if (after) select(after);
  };

  const approve = async (item: ReviewItem) => {
    if (busyId) return;
    setBusyId(item.review.id);
    try {
      await api.approveReview(item.review.id);
      decided(item, `Approved ${itemTitle(item)}.`);
    } catch (error) {
      setFailure(`Could not approve ${itemTitle(item)}: ${errorMessage(error)}`);
      props.queue.refresh();
    } finally {
      setBusyId(null);
    }
  };

  const reject = async (item: ReviewItem, reason: string) => {
    await api.rejectReview(item.review.id, reason);
    decided(item, `Rejected ${itemTitle(item)}.`);
  };

  useInboxKeys((action: InboxKeyAction) => {
    if (action === 'help') return setHelpOpen(true);
    if (action === 'next' || action === 'previous') {
      const target = index + (action === 'next' ? 1 : -1);
      return select(items[Math.min(Math.max(target, 0), items.length - 1)]);
    }
    if (!selected) return announce('Press j to choose a card first.');
    if (!canDecide) return announce(`A ${session.role} cannot decide reviews.`);
    if (action === 'approve') void approve(selected);
    else setRejecting(selected);
  });

  return (
    <>
      <PageHeading title="Review inbox">
        <button type="button" className="button button-quiet" onClick={() => setHelpOpen(true)}>
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </PageHeading>
      {error && (
        <p className="notice notice-error" role="alert">
          Could not load the reviews: {error}
        </p>
      )}
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      {!loaded && !error && <p className="muted">Loading reviews…</p>}
      {loaded && items.length === 0 && (
        <p className="empty">Nothing waits for a person. New reviews appear here as they open.</p>
      )}
      {items.length > 0 && (
        <>
          <p className="muted" id="inbox-summary">
            {items.length} pending {items.length === 1 ? 'review' : 'reviews'}, oldest first.
            {canDecide ? ' Press j and k to move, a to approve, r to reject.' : ''}
          </p>
          <ol className="cards" aria-label="Pending reviews">
            {items.map((item) => (
              <li key={item.review.id}>
                <ReviewCard
                  ref={(element) => {
                    if (element) cards.current.set(item.review.id, element);
                    else cards.current.delete(item.review.id);
                  }}
                  item={item}
                  selected={item === selected}
                  canDecide={canDecide}
                  busy={busyId === item.review.id}
                  onSelect={() => setSelectedId(item.review.id)}
                  onApprove={() => void approve(item)}
                  onReject={() => setRejecting(item)}
                />
              </li>
            ))}
          </ol>
        </>
      )}
      <RejectDialog
        title={rejecting ? itemTitle(rejecting) : null}
        onSubmit={(reason) => (rejecting ? reject(rejecting, reason) : Promise.resolve())}
        onClose={() => setRejecting(null)}
      />
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
