// Words for one trace event: what it was ("tool call") and its particulars in a line
// ("trends.fetch_trends", "worker vm:1", "confidence 0.93"). Argument digests are left out.

import type { TraceEvent } from '../api/campaign-endpoints';

/** "tool call" for `tool-call`. */
export function eventLabel(kind: string): string {
  return kind.replaceAll('-', ' ');
}

const SKIPPED = new Set(['args', 'redacted', 'reasons', 'server', 'tool', 'uri']);

/** The particulars of `event` in one line; empty when it has none worth showing. */
export function eventDetail(event: TraceEvent): string {
  const detail = event.detail;
  const parts: string[] = [];
  if (typeof detail.server === 'string') {
    const target = typeof detail.tool === 'string' ? detail.tool : detail.uri;
    parts.push(typeof target === 'string' ? `${detail.server}.${target}` : detail.server);
  }
  for (const [key, value] of Object.entries(detail)) {
    if (SKIPPED.has(key)) continue;
    if (typeof value === 'number') {
      parts.push(
        `${key.replaceAll('_', ' ')} ${Number.isInteger(value) ? value : value.toFixed(2)}`,
      );
    } else if (typeof value === 'string' || typeof value === 'boolean') {
      parts.push(`${key.replaceAll('_', ' ')} ${String(value)}`);
    }
  }
  if (Array.isArray(detail.reasons) && detail.reasons.length > 0) {
    // The Judge's reasons are listed with the result; other events' are short.
    parts.push(
      event.kind === 'task-judge'
        ? `${detail.reasons.length} ${detail.reasons.length === 1 ? 'reason' : 'reasons'}`
        : detail.reasons.map(String).join('; '),
    );
  }
  return parts.join(' · ');
}
