// The Judge's confidence as a badge: green at 0.90 and above, yellow from 0.70, red below. The
// level is also written out, so it never rests on color alone.

import { confidenceLevel } from './review-content';

export function ConfidenceBadge(props: { confidence: number | null }) {
  if (props.confidence === null) {
    return <span className="badge badge-none">No confidence</span>;
  }
  const level = confidenceLevel(props.confidence);
  return (
    <span className={`badge badge-${level}`} data-level={level}>
      {level[0]?.toUpperCase()}
      {level.slice(1)} confidence {props.confidence.toFixed(2)}
    </span>
  );
}
