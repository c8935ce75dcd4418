// A campaign's progress: a bar and the same in words ("11 of 15 tasks done, 73%"), and its tasks
// counted by state in lifecycle order.

import { useId } from 'react';
import type { CampaignSummary } from '../api/campaign-endpoints';
import { statusLabel, statusTone, TASK_STATUS_ORDER } from '../tasks/task-status';

export function CampaignProgress(props: { summary: CampaignSummary }) {
  const labelId = useId();
  const { tasks, progress } = props.summary;
  const total = Object.values(tasks).reduce((sum, count) => sum + (count ?? 0), 0);
  const done = tasks.done ?? 0;
  const counts = TASK_STATUS_ORDER.filter((status) => (tasks[status] ?? 0) > 0);
  return (
    <div className="campaign-progress">
      <p id={labelId} className="progress-text">
        {total === 0
          ? 'No tasks planned yet'
          : `${done} of ${total} ${total === 1 ? 'task' : 'tasks'} done, ${Math.round(progress * 100)}%`}
      </p>
      <progress max={1} value={progress} aria-labelledby={labelId} />
      {counts.length > 0 && (
        <ul className="status-counts" aria-label="Tasks by state">
          {counts.map((status) => (
            <li key={status} className="status-count" data-tone={statusTone(status)}>
              {statusLabel(status)} <strong>{tasks[status]}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
