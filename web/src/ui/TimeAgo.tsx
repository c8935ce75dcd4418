// A moment shown as "5 minutes ago", with the exact time as its machine-readable value and title.

import { timeAgo } from './format';

export function TimeAgo(props: { iso: string }) {
  return (
    <time dateTime={props.iso} title={new Date(props.iso).toLocaleString()}>
      {timeAgo(props.iso)}
    </time>
  );
}
