// The batch approval bar of the inbox: how many cards are ticked, and one button that approves
// them all in one transaction (or none). Stays in view while the list scrolls.

import { MAX_BATCH } from '../api/review-endpoints';

export function BatchBar(props: {
  count: number;
  busy: boolean;
  onApprove: () => void;
  onClear: () => void;
}) {
  const { count } = props;
  const tooMany = count > MAX_BATCH;
  return (
    <section className="batch-bar" aria-label="Batch approval">
      <p className="batch-count" role="status">
        {count === 0
          ? 'Tick cards (or press x) to approve several at once.'
          : `${count} ${count === 1 ? 'card' : 'cards'} ticked.`}
        {tooMany && ` Approve at most ${MAX_BATCH} at once.`}
      </p>
      <div className="batch-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={count === 0 || tooMany || props.busy}
          onClick={props.onApprove}
        >
          Approve {count === 0 ? 'ticked' : count} {count === 1 ? 'card' : 'cards'}
        </button>
        <button
          type="button"
          className="button"
          disabled={count === 0 || props.busy}
          onClick={props.onClear}
        >
          Untick all
        </button>
      </div>
    </section>
  );
}
