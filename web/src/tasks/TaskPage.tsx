// One task as an operator inspects it: its spec, skill, state and attempts, its latest result
// with the Judge's verdict and reasons, and its trace (tool calls and timings). Kept live by the
// task's own 'task-state' events.

import { useCallback, useEffect, useRef } from 'react';
import { campaignApi, type TaskResult } from '../api/campaign-endpoints';
import { useRead } from '../api/use-read';
import type { LiveEvent } from '../api/wire-types';
import { Link } from '../app/navigation';
import { useLiveEvent } from '../live/live-events';
import { formatDuration } from '../ui/duration';
import { PageHeading } from '../ui/PageHeading';
import { TimeAgo } from '../ui/TimeAgo';
import { TraceList } from './TraceList';
import { statusLabel, statusTone } from './task-status';

/** How long after the task's event it is read again, in ms (its trace lands in the same commit). */
const REREAD_MS = 300;

export function TaskPage(props: { taskId: string }) {
  const read = useCallback(() => campaignApi.task(props.taskId), [props.taskId]);
  const { data: detail, error, refresh } = useRead(read);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useLiveEvent(['connected'], refresh);
  useLiveEvent(['task-state'], (event: LiveEvent) => {
    if (event.subject_id !== props.taskId || timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      refresh();
    }, REREAD_MS);
  });

  if (!detail) {
    return (
      <>
        <PageHeading title="Task" />
        {error ? (
          <p className="notice notice-error" role="alert">
            {error.status === 404 || error.status === 400
              ? `No task of yours has the id ${props.taskId}.`
              : error.message}
          </p>
        ) : (
          <p className="muted">Loading the task…</p>
        )}
      </>
    );
  }
  const { task, result, trace } = detail;
  return (
    <>
      <PageHeading title={`${task.agent_id} · ${task.step_key}`}>
        <span className="chip task-state" data-tone={statusTone(task.status)}>
          <span className="visually-hidden">Task is </span>
          {statusLabel(task.status)}
        </span>
      </PageHeading>
      <p className="back">
        <Link to={`/campaigns/${task.campaign_id}`}>The campaign's tasks</Link>
      </p>
      {error && (
        <p className="notice notice-error" role="alert">
          {error.message}
        </p>
      )}
      <dl className="facts task-facts">
        <dt>Spec</dt>
        <dd>
          <code>{task.spec_id}</code>
        </dd>
        <dt>Skill</dt>
        <dd>
          <code>{task.type}</code>
        </dd>
        <dt>Attempt</dt>
        <dd>
          {task.attempt} of {task.max_attempts}
        </dd>
        <dt>Priority</dt>
        <dd>{task.priority}</dd>
        <dt>Depends on</dt>
        <dd>
          {task.depends_on.length === 0
            ? 'nothing'
            : task.depends_on.map((id, index) => (
                <span key={id}>
                  {index > 0 && ', '}
                  <Link to={`/tasks/${id}`}>task {id.slice(0, 8)}</Link>
                </span>
              ))}
        </dd>
        {task.error_code && (
          <>
            <dt>Error</dt>
            <dd>
              <code>{task.error_code}</code>
            </dd>
          </>
        )}
        <dt>Changed</dt>
        <dd>
          <TimeAgo iso={task.updated_at} />
        </dd>
      </dl>
      {task.feedback.length > 0 && (
        <section aria-labelledby="task-feedback-title">
          <h2 id="task-feedback-title">Feedback from earlier attempts</h2>
          <ul>
            {task.feedback.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="task-result-title" className="task-result">
        <h2 id="task-result-title">Result and verdict</h2>
        {result ? (
          <ResultView result={result} />
        ) : (
          <p className="muted">No result yet: the task has not run to the end.</p>
        )}
      </section>
      <section aria-labelledby="task-trace-title">
        <h2 id="task-trace-title">Trace</h2>
        <TraceList trace={trace} />
      </section>
    </>
  );
}

function ResultView(props: { result: TaskResult }) {
  const { result } = props;
  return (
    <>
      <dl className="facts">
        <dt>Verdict</dt>
        <dd>
          <span className={`chip verdict verdict-${result.verdict ?? 'none'}`}>
            {result.verdict ?? 'not judged'}
          </span>
        </dd>
        <dt>Confidence</dt>
        <dd>{result.confidence.toFixed(2)}</dd>
        <dt>Run took</dt>
        <dd>{formatDuration(result.duration_ms)}</dd>
        <dt>Attempt</dt>
        <dd>{result.attempt}</dd>
        {result.error_code && (
          <>
            <dt>Error</dt>
            <dd>
              <code>{result.error_code}</code> {result.error_message}
            </dd>
          </>
        )}
      </dl>
      {result.reasons.length > 0 && (
        <>
          <h3 className="reasons-title">Reasons</h3>
          <ul className="reason-list">
            {result.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      )}
      <details className="raw">
        <summary>Output (JSON)</summary>
        <pre>{JSON.stringify(result.output, null, 2)}</pre>
      </details>
    </>
  );
}
