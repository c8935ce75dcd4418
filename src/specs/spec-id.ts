// Spec id format shared by the spec catalog, `chimera spec check` and task creation.
// Pure string logic only: it does not know which ids exist (see spec-catalog.ts for that).

/** Source of the id grammar `<KIND>-<AREA>-<NNN>`, without anchors or boundaries. */
const SPEC_ID_SOURCE = String.raw`(?:FR|TR|SK)-[A-Z]+(?:-[A-Z]+)*-\d{3}`;

/** Anchored, non-global form used for whole-string checks (no `lastIndex` state). */
const SPEC_ID_EXACT = new RegExp(`^${SPEC_ID_SOURCE}$`);

/**
 * Global, word-bounded pattern for finding spec ids inside free text (source, tests, markdown).
 * Use it with `String.prototype.matchAll` or `replace`, which do not share `lastIndex` state;
 * calling `.test`/`.exec` on it directly advances its `lastIndex`.
 */
export const SPEC_ID_PATTERN: RegExp = new RegExp(String.raw`\b${SPEC_ID_SOURCE}\b`, 'g');

/** One spec id found in a text, with its 1-based line number. */
export interface SpecIdOccurrence {
  /** The id as written, e.g. `FR-JUDGE-002`. */
  id: string;
  /** 1-based line on which the id appears. */
  line: number;
}

/** Returns true when `value` is exactly one well-formed spec id, e.g. `TR-STORE-002`. */
export function isSpecIdFormat(value: string): boolean {
  return SPEC_ID_EXACT.test(value);
}

/**
 * Lists every spec id occurring in `text`, in order, with its 1-based line number.
 * The same id appearing twice on one line is reported once for that line.
 */
export function findSpecIds(text: string): SpecIdOccurrence[] {
  const occurrences: SpecIdOccurrence[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, lineText] of lines.entries()) {
    const seenOnLine = new Set<string>();
    for (const match of lineText.matchAll(SPEC_ID_PATTERN)) {
      const id = match[0];
      if (seenOnLine.has(id)) continue;
      seenOnLine.add(id);
      occurrences.push({ id, line: index + 1 });
    }
  }
  return occurrences;
}
