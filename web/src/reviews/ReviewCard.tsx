// One pending review as a card: agent and step, the public text and media, the Judge's reasons
// with the policy that raised each, the confidence badge (a red border below 0.80), a spend's
// amount and risk, and, for reviewers, approve and reject.

import { type Ref, useId, useState } from 'react';
import type { ReviewItem } from '../api/wire-types';
import { formatMinorUnits } from '../ui/format';
import { MediaPreview } from '../ui/MediaPreview';
import { mediaOf } from '../ui/media';
import { TimeAgo } from '../ui/TimeAgo';
import { ConfidenceBadge } from './ConfidenceBadge';
import { itemTitle, publicText, RED_BORDER_BELOW, splitReason } from './review-content';

export interface ReviewCardProps {
  item: ReviewItem;
  selected: boolean;
  /** Shows approve and reject (reviewers and operators). */
  canDecide: boolean;
  /** A decision on this card is being sent. */
  busy: boolean;
  onSelect: () => void;
  onApprove: () => void;
  onReject: () => void;
  ref?: Ref<HTMLElement>;
}

export function ReviewCard(props: ReviewCardProps) {
  const { item } = props;
  const titleId = useId();
  const title = itemTitle(item);
  const output = item.result?.output ?? item.task.output;
  const text = publicText(output);
  const confidence = item.result?.confidence ?? null;
  const alert = confidence !== null && confidence < RED_BORDER_BELOW;
  return (
    <article
      ref={props.ref}
      className="card review-card"
      data-selected={props.selected}
      data-alert={alert}
      data-review-id={item.review.id}
      aria-labelledby={titleId}
      tabIndex={-1}
      onFocus={props.onSelect}
    >
      <header className="card-head">
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
      {item.spend && (
        <dl className="facts">
          <dt>Amount</dt>
          <dd>{formatMinorUnits(item.spend.amount, item.spend.currency)}</dd>
          <dt>For</dt>
          <dd>{item.spend.request_type}</dd>
          <dt>Risk</dt>
          <dd>{item.spend.decision.risk_score.toFixed(2)}</dd>
          <dt>ROI</dt>
          <dd>{item.spend.decision.roi?.toFixed(2) ?? 'not given'}</dd>
        </dl>
      )}
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
            onClick={props.onApprove}
            disabled={props.busy}
            aria-keyshortcuts="a"
            aria-label={`Approve ${title}`}
          >
            Approve
          </button>
          <button
            type="button"
            className="button"
            onClick={props.onReject}
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
}

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
