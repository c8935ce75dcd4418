// One pending review as a card: agent and step, the public text and media, the Judge's reasons
// with the policy that raised each, the confidence badge (a red border below 0.80), a spend's
// amount, budget, ROI and risk, and, for reviewers, approve, edit-and-approve, reject and a
// checkbox for batch approval. Memoized: the inbox re-renders hundreds of cards on each key.

import { memo, useId, useState } from 'react';
import type { Budget } from '../api/money-endpoints';
import type { ReviewItem } from '../api/wire-types';
import { MediaPreview } from '../ui/MediaPreview';
import { mediaOf } from '../ui/media';
import { TimeAgo } from '../ui/TimeAgo';
import { ConfidenceBadge } from './ConfidenceBadge';
import {
  editableFields,
  editedOutput,
  itemTitle,
  publicText,
  RED_BORDER_BELOW,
  splitReason,
} from './review-content';
import { SpendFacts } from './SpendFacts';

/** What a card asks of the inbox; each handler gets the card's item, so one set serves all. */
export interface CardHandlers {
  select(item: ReviewItem): void;
  approve(item: ReviewItem): void;
  edit(item: ReviewItem): void;
  reject(item: ReviewItem): void;
  toggleChecked(item: ReviewItem): void;
  /** Registers the card's element (null when it leaves), for the focus. */
  register(reviewId: string, element: HTMLElement | null): void;
}

export interface ReviewCardProps {
  item: ReviewItem;
  selected: boolean;
  /** Ticked for batch approval. */
  checked: boolean;
  /** Shows approve, edit, reject and the batch checkbox (reviewers and operators). */
  canDecide: boolean;
  /** A decision on this card is being sent. */
  busy: boolean;
  /** A spend review's agent's daily budget: undefined when none, null while loading. */
  daily: Budget | undefined | null;
  handlers: CardHandlers;
}

/** True when a reviewer may edit the card's text before approving (content with public text). */
export function canEdit(item: ReviewItem): boolean {
  return item.review.kind === 'content' && editableFields(editedOutput(item)).length > 0;
}

export const ReviewCard = memo(function ReviewCard(props: ReviewCardProps) {
  const { item, handlers } = props;
  const titleId = useId();
  const title = itemTitle(item);
  const output = item.result?.output ?? item.task.output;
  const text = publicText(output);
  // A spend waits on the CFO's risk, not the Judge's confidence: its run stopped before a result.
  const confidence = item.review.kind === 'content' ? (item.result?.confidence ?? null) : null;
  const alert = confidence !== null && confidence < RED_BORDER_BELOW;
  return (
    <article
      ref={(element) => handlers.register(item.review.id, element)}
      className="card review-card"
      data-selected={props.selected}
      data-alert={alert}
      data-review-id={item.review.id}
      aria-labelledby={titleId}
      tabIndex={-1}
      data-checked={props.checked}
      onFocus={() => handlers.select(item)}
    >
      <header className="card-head">
        {props.canDecide && (
          <label className="batch-check">
            <input
              type="checkbox"
              checked={props.checked}
              onChange={() => handlers.toggleChecked(item)}
              aria-keyshortcuts="x"
            />
            <span className="visually-hidden">Select {title} for batch approval</span>
          </label>
        )}
        <h2 id={titleId} className="card-title">
          <span className="agent">{item.task.agent_id}</span>
          <span aria-hidden="true"> / </span>
          <span className="visually-hidden"> step </span>
          <span className="step">{item.task.step_key}</span>
        </h2>
        <ConfidenceBadge confidence={confidence} />
      </header>
      <p className="card-meta">
        {item.review.kind === 'spend' ? 'Spend' : 'Content'} review · attempt {item.review.attempt}{' '}
        · opened <TimeAgo iso={item.review.created_at} />
      </p>
      {text !== null ? (
        <p className="public-text">{text}</p>
      ) : (
        item.review.kind === 'content' && <p className="muted">This output has no public text.</p>
      )}
      <MediaPreview media={mediaOf(output)} label={text ?? title} />
      {item.spend && <SpendFacts spend={item.spend} daily={props.daily} />}
      <section className="reasons" aria-label={`Why ${title} waits for a person`}>
        <h3 className="reasons-title">Judge's reasons</h3>
        <ul className="reason-list">
          {item.review.reasons.map((reason) => {
            const { policy, message } = splitReason(reason);
            return (
              <li key={reason}>
                <span className="policy">{policy}</span> {message}
              </li>
            );
          })}
        </ul>
      </section>
      <RawOutput output={output} />
      {props.canDecide && (
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => handlers.approve(item)}
            disabled={props.busy}
            aria-keyshortcuts="a"
            aria-label={`Approve ${title}`}
          >
            Approve
          </button>
          {canEdit(item) && (
            <button
              type="button"
              className="button"
              onClick={() => handlers.edit(item)}
              disabled={props.busy}
              aria-keyshortcuts="e"
              aria-label={`Edit and approve ${title}`}
            >
              Edit…
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => handlers.reject(item)}
            disabled={props.busy}
            aria-keyshortcuts="r"
            aria-label={`Reject ${title}`}
          >
            Reject…
          </button>
        </div>
      )}
    </article>
  );
});

/** The output as JSON, rendered only once opened (an inbox may hold hundreds of cards). */
function RawOutput(props: { output: unknown }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="raw" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Full output</summary>
      {open && <pre>{JSON.stringify(props.output, null, 2)}</pre>}
    </details>
  );
}
