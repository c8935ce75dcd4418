// The review inbox: every pending review as a card, oldest first, kept live. Keyboard first:
// j/k move between cards, a approves, e edits then approves, r rejects with a reason, x ticks a
// card for batch approval (all ticked cards in one transaction, or none), ? shows the shortcuts.
// Viewers read the cards without the controls. A spend card shows its agent's daily budget, read
// once for the whole inbox.

import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { api } from '../api/endpoints';
import { reviewApi } from '../api/review-endpoints';
import type { ReviewItem } from '../api/wire-types';
import { mayAct, useSession } from '../session/session';
import { useAnnounce } from '../ui/announcer';
import { PageHeading } from '../ui/PageHeading';
import { BatchBar } from './BatchBar';
import { EditDialog } from './EditDialog';
import { HelpDialog } from './HelpDialog';
import { type InboxKeyAction, useInboxKeys } from './inbox-keys';
import { RejectDialog } from './RejectDialog';
import { type CardHandlers, canEdit, ReviewCard } from './ReviewCard';
import { itemTitle } from './review-content';
import type { ReviewQueue } from './review-queue';
import { useDailyBudgets } from './use-budgets';
import '../styles/review-actions.css';

export function ReviewInbox(props: { queue: ReviewQueue }) {
  const { items, loaded, error } = props.queue;
  const session = useSession();
  const canDecide = mayAct(session.role, 'reviewer');
  const announce = useAnnounce();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [batchBusy, setBatchBusy] = useState(false);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [rejecting, setRejecting] = useState<ReviewItem | null>(null);
  const [editing, setEditing] = useState<ReviewItem | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const budgets = useDailyBudgets(items.some((item) => item.spend !== null));
  const cards = useRef(new Map<string, HTMLElement>());
  /** The card to focus once it renders (after j/k or a decision). */
  const focusNext = useRef<string | null>(null);

  /** The selected card's place; -1 before j or k chooses one (or after it left the list). */
  const index = items.findIndex((item) => item.review.id === selectedId);
  const selected: ReviewItem | undefined = items[index];
  /** Ticked cards still pending, in the inbox's order. */
  const tickedItems = items.filter((item) => ticked.has(item.review.id));

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

  /** After decisions: the first card below the decided ones takes their place (or one above). */
  const decided = (gone: readonly ReviewItem[], message: string) => {
    const ids = new Set(gone.map((item) => item.review.id));
    const at = items.findIndex((item) => ids.has(item.review.id));
    const left = items.filter((item) => !ids.has(item.review.id));
    const after = left[at] ?? left[at - 1];
    for (const id of ids) props.queue.remove(id);
    setTicked((current) => new Set([...current].filter((id) => !ids.has(id))));
    setFailure(null);
    announce(message);
    if (after && (selected === undefined || ids.has(selected.review.id))) select(after);
  };

  const approve = async (item: ReviewItem) => {
    if (busyId || batchBusy) return;
    setBusyId(item.review.id);
    try {
      await api.approveReview(item.review.id);
      decided([item], `Approved ${itemTitle(item)}.`);
    } catch (error) {
      setFailure(`Could not approve ${itemTitle(item)}: ${errorMessage(error)}`);
      props.queue.refresh();
    } finally {
      setBusyId(null);
    }
  };

  const approveTicked = async () => {
    const batch = tickedItems;
    if (batch.length === 0 || busyId || batchBusy) return;
    setBatchBusy(true);
    try {
      await reviewApi.approveAll(batch.map((item) => item.review.id));
      decided(batch, `Approved ${batch.length} ${batch.length === 1 ? 'review' : 'reviews'}.`);
    } catch (error) {
      const culprit = culpritOf(error, batch);
      setFailure(
        `Nothing was approved${culprit ? `: ${itemTitle(culprit)} could not be` : ''}. ${errorMessage(error)}`,
      );
      props.queue.refresh();
    } finally {
      setBatchBusy(false);
    }
  };

  const editAndApprove = async (item: ReviewItem, changes: Record<string, unknown>) => {
    const { verdict } = await reviewApi.editAndApprove(item.review.id, changes);
    const flagged = verdict.decision === 'escalate' ? ' The policies still flag it, noted.' : '';
    decided([item], `Approved ${itemTitle(item)} with your edit.${flagged}`);
  };

  const reject = async (item: ReviewItem, reason: string) => {
    await api.rejectReview(item.review.id, reason);
    decided([item], `Rejected ${itemTitle(item)}.`);
  };

  const toggle = (item: ReviewItem) =>
    setTicked((current) => {
      const next = new Set(current);
      if (!next.delete(item.review.id)) next.add(item.review.id);
      return next;
    });

  const startEdit = (item: ReviewItem) => {
    if (canEdit(item)) setEditing(item);
    else announce(`${itemTitle(item)} has no public text to edit.`);
  };

  // One set of handlers for every card, calling the latest closures: the cards stay memoized.
  const latest = useRef({ approve, startEdit, toggle });
  latest.current = { approve, startEdit, toggle };
  const handlers = useMemo<CardHandlers>(
    () => ({
      select: (item) => setSelectedId(item.review.id),
      approve: (item) => void latest.current.approve(item),
      edit: (item) => latest.current.startEdit(item),
      reject: (item) => setRejecting(item),
      toggleChecked: (item) => latest.current.toggle(item),
      register: (reviewId, element) => {
        if (element) cards.current.set(reviewId, element);
        else cards.current.delete(reviewId);
      },
    }),
    [],
  );

  useInboxKeys((action: InboxKeyAction) => {
    if (action === 'help') return setHelpOpen(true);
    if (action === 'next' || action === 'previous') {
      const target = index + (action === 'next' ? 1 : -1);
      return select(items[Math.min(Math.max(target, 0), items.length - 1)]);
    }
    if (!selected) return announce('Press j to choose a card first.');
    if (!canDecide) return announce(`A ${session.role} cannot decide reviews.`);
    if (action === 'approve') void approve(selected);
    else if (action === 'edit') startEdit(selected);
    else if (action === 'toggle') {
      toggle(selected);
      announce(`${itemTitle(selected)} ${ticked.has(selected.review.id) ? 'unticked' : 'ticked'}.`);
    } else setRejecting(selected);
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
            {canDecide
              ? ' Press j and k to move, a to approve, e to edit, r to reject, x to tick.'
              : ''}
          </p>
          {canDecide && (
            <BatchBar
              count={tickedItems.length}
              busy={batchBusy}
              onApprove={() => void approveTicked()}
              onClear={() => setTicked(new Set())}
            />
          )}
          <ol className="cards review-cards" aria-label="Pending reviews">
            {items.map((item) => (
              <li key={item.review.id}>
                <ReviewCard
                  item={item}
                  selected={item === selected}
                  checked={ticked.has(item.review.id)}
                  canDecide={canDecide}
                  busy={batchBusy || busyId === item.review.id}
                  daily={item.spend && (budgets === null ? null : budgets.get(item.task.agent_id))}
                  handlers={handlers}
                />
              </li>
            ))}
          </ol>
        </>
      )}
      <EditDialog
        item={editing}
        onSubmit={(changes) => (editing ? editAndApprove(editing, changes) : Promise.resolve())}
        onClose={() => setEditing(null)}
      />
      <RejectDialog
        title={rejecting ? itemTitle(rejecting) : null}
        onSubmit={(reason) => (rejecting ? reject(rejecting, reason) : Promise.resolve())}
        onClose={() => setRejecting(null)}
      />
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}

/** The card a refused batch names (its problem's field is `review_ids.<index>`), if any. */
function culpritOf(error: unknown, batch: readonly ReviewItem[]): ReviewItem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const index = /^review_ids\.(\d+)$/.exec(error.field ?? '')?.[1];
  return index === undefined ? undefined : batch[Number(index)];
}
