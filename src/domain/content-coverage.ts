// When a person's approval of a content item at one stage also covers a later stage of the same
// item: the later stage shows nothing the person did not see. Pure; the swarm finds the approval
// (swarm/approval-coverage.ts) and this decides whether it still applies.

import { reasonSource } from './judge-routing.js';

/** What an audience would get from one stage's output: its public text lines and its media. */
export interface ContentView {
  /** Non-empty lines of the public text, whitespace collapsed and lower-cased. */
  lines: readonly string[];
  /** The media files it carries (content-addressed paths); none for a brief. */
  media: readonly string[];
}

/** The view of a public text and its media. */
export function contentView(publicText: string, media: readonly string[]): ContentView {
  const lines = publicText
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter(Boolean);
  return { lines: [...new Set(lines)], media: [...new Set(media)].sort() };
}

/**
 * True when an approval of `approved` (escalated for `approvedReasons`) covers `later`, which the
 * Judge escalated for `laterReasons`:
 * - every line of the later text was in the approved text (a changed word asks again);
 * - the media is the approved media; a stage approved without media (a brief) covers the first
 *   media rendered from it, and a later change of that media asks again (the caller compares
 *   against the newest approval, so media approved at the asset stage binds the post);
 * - whatever escalated the later stage (a policy, or the confidence band) also escalated the
 *   approved one, so the person saw that concern and not only that content.
 */
export function coversContent(
  approved: { view: ContentView; reasons: readonly string[] },
  later: { view: ContentView; reasons: readonly string[] },
): boolean {
  if (!linesWithin(later.view, approved.view)) return false;
  if (
    approved.view.media.length > 0 &&
    approved.view.media.join('\n') !== later.view.media.join('\n')
  ) {
    return false;
  }
  const seen = new Set(approved.reasons.map(reasonSource));
  return later.reasons.every((reason) => seen.has(reasonSource(reason)));
}

/** True when `inner` has public text and every line of it is in `outer`'s text too. */
export function linesWithin(inner: ContentView, outer: ContentView): boolean {
  const outerLines = new Set(outer.lines);
  return inner.lines.length > 0 && inner.lines.every((line) => outerLines.has(line));
}
