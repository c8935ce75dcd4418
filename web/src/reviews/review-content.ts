// What a reviewer reads on a card, taken from the review item: the public text of the output
// (what followers would see) and the fields of it an edit may rewrite, the Judge's reasons split
// from the policy that raised each, and the confidence level the badge shows.

import type { ReviewItem } from '../api/wire-types';

/** The output's public text (caption, script, hashtags, post or reply text), or null. */
export function publicText(output: unknown): string | null {
  if (typeof output !== 'object' || output === null) return null;
  const record = output as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['caption', 'script', 'text_content', 'text', 'message']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') parts.push(value);
  }
  if (Array.isArray(record.replies)) {
    for (const reply of record.replies) {
      const text = (reply as { text_content?: unknown } | null)?.text_content;
      if (typeof text === 'string') parts.push(text);
    }
  }
  if (Array.isArray(record.hashtags) && record.hashtags.length > 0) {
    parts.push(record.hashtags.filter((tag) => typeof tag === 'string').join(' '));
  }
  return parts.length > 0 ? parts.join('\n\n') : null;
}

/** A field of the output a reviewer may rewrite before approving: text, or hashtags as words. */
export interface EditableField {
  key: string;
  label: string;
  kind: 'text' | 'tags';
  /** The field as the reviewer edits it (hashtags joined by spaces). */
  value: string;
}

const FIELD_LABELS: Record<string, string> = {
  caption: 'Caption',
  script: 'Script',
  text_content: 'Text',
  text: 'Text',
  message: 'Message',
};

/** The output an edit replaces fields of: the task's, as edit-and-approve merges over it. */
export function editedOutput(item: ReviewItem): unknown {
  return item.task.output ?? item.result?.output;
}

/** The output's public text fields, in the order the card shows them. */
export function editableFields(output: unknown): EditableField[] {
  if (typeof output !== 'object' || output === null) return [];
  const record = output as Record<string, unknown>;
  const fields: EditableField[] = [];
  for (const [key, label] of Object.entries(FIELD_LABELS)) {
    const value = record[key];
    if (typeof value === 'string') fields.push({ key, label, kind: 'text', value });
  }
  const tags = record.hashtags;
  if (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string')) {
    fields.push({ key: 'hashtags', label: 'Hashtags', kind: 'tags', value: tags.join(' ') });
  }
  return fields;
}

/** The field's edited text as the output holds it (hashtags back into a list). */
export function fieldValue(field: EditableField, text: string): unknown {
  return field.kind === 'tags' ? text.split(/\s+/).filter(Boolean) : text;
}

/** A reason of the Judge with the policy that raised it ("judge" for its own checks). */
export interface Reason {
  policy: string;
  message: string;
}

/** Splits "sensitive-topics: sensitive topic (health): …" into policy and message. */
export function splitReason(reason: string): Reason {
  const match = /^([a-z][a-z0-9-]*[a-z0-9]): (.+)$/s.exec(reason);
  if (match?.[1] && match[2]) return { policy: match[1], message: match[2] };
  return { policy: 'judge', message: reason };
}

/** The badge's level: high ≥ 0.90, medium ≥ 0.70, low below. */
export type ConfidenceLevel = 'high' | 'medium' | 'low';

export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.9) return 'high';
  if (confidence >= 0.7) return 'medium';
  return 'low';
}

/** Below this a card gets a red border, whatever its badge. */
export const RED_BORDER_BELOW = 0.8;

/** "noor/brief": the agent and the campaign step, as the CLI names them. */
export function itemTitle(item: ReviewItem): string {
  return `${item.task.agent_id}/${item.task.step_key}`;
}
