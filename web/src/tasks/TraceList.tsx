// A task's trace in order: when each event happened (from the first), what it was, its outcome
// and, for timed steps (tool calls, the skill's run, effects), how long it took, in words and as
// a bar scaled to the longest.

import type { TraceEvent } from '../api/campaign-endpoints';
import { formatDuration } from '../ui/duration';
import { eventDetail, eventLabel } from './trace-detail';

export function TraceList(props: { trace: TraceEvent[] }) {
  const { trace } = props;
  if (trace.length === 0) return <p className="empty">Nothing is traced for this task yet.</p>;
  const start = new Date(trace[0]?.at ?? 0).getTime();
  const longest = Math.max(1, ...trace.map((event) => event.duration_ms ?? 0));
  const toolCalls = trace.filter((event) => event.kind === 'tool-call');
  const toolTime = toolCalls.reduce((sum, event) => sum + (event.duration_ms ?? 0), 0);
  const span = new Date(trace.at(-1)?.at ?? 0).getTime() - start;
  // Attempts are worth a word only when there were several.
  const retried = trace.some((event) => (event.attempt ?? 0) > 1);
  return (
    <>
      <p className="trace-summary">
        {trace.length} events over {formatDuration(span)};{' '}
        {toolCalls.length === 0
          ? 'no tool call'
          : `${toolCalls.length} tool ${toolCalls.length === 1 ? 'call' : 'calls'} taking ${formatDuration(toolTime)} in all`}
        .
      </p>
      <ol className="trace" aria-label="Trace events">
        {trace.map((event, index) => {
          const detail = eventDetail(event);
          const offset = new Date(event.at).getTime() - start;
          return (
            <li
              // Events have no id; the trace only grows at its end, so a position stays its event's.
              key={index}
              className="trace-event"
              data-kind={event.kind}
            >
              <time
                className="trace-at"
                dateTime={event.at}
                title={new Date(event.at).toLocaleString()}
              >
                +{formatDuration(offset)}
              </time>
              <span className="trace-what">
                <strong>{eventLabel(event.kind)}</strong>
                {detail && <span className="trace-detail"> {detail}</span>}
                {retried && event.attempt !== null && event.attempt > 0 && (
                  <span className="muted"> · attempt {event.attempt}</span>
                )}
              </span>
              <span className="trace-outcome">{event.outcome}</span>
              <span className="trace-duration">
                {event.duration_ms === null ? (
                  <span className="muted">
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">not timed</span>
                  </span>
                ) : (
                  <>
                    <span>took {formatDuration(event.duration_ms)}</span>
                    <svg
                      className="trace-bar"
                      viewBox="0 0 100 6"
                      preserveAspectRatio="none"
                      aria-hidden="true"
                    >
                      <rect width={Math.max(1, (event.duration_ms / longest) * 100)} height={6} />
                    </svg>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
