// A moment shown as "5 minutes ago", with the exact time as its machine-readable value and title.
// One shared formatter: Date#toLocaleString builds a new one per call, which a list of hundreds
// of cards pays for on every render.

import { timeAgo } from './format';

const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function TimeAgo(props: { iso: string }) {
  return (
    <time dateTime={props.iso} title={exact.format(new Date(props.iso))}>
      {timeAgo(props.iso)}
    </time>
  );
}
