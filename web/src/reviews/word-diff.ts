// A word-level diff of a reviewer's edit against the original text, for the edit dialog: the
// longest common subsequence of words, with the whitespace between two changed words folded into
// the change, so "the [quick brown → slow red] fox" reads as one replacement. No I/O, no React.

/** A stretch of text the edit kept, removed or added. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Past this many word pairs the middle of an edit is shown as one replacement (time, memory). */
const MAX_CELLS = 1_000_000;

const tokensOf = (text: string): string[] => text.match(/\s+|\S+/g) ?? [];
const blank = (token: string) => /^\s+$/.test(token);

/** The parts that turn `before` into `after`, in reading order; removals come before additions. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokensOf(before);
  const b = tokensOf(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Array<[DiffPart['kind'], string]> = a.slice(0, start).map((token) => ['same', token]);
  ops.push(...middle(a.slice(start, endA), b.slice(start, endB)));
  for (const token of a.slice(endA)) ops.push(['same', token]);
  return group(ops);
}

/** The edit script of the changed middle, by a longest-common-subsequence table. */
function middle(a: string[], b: string[]): Array<[DiffPart['kind'], string]> {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    return [
      ...a.map((token): [DiffPart['kind'], string] => ['removed', token]),
      ...b.map((token): [DiffPart['kind'], string] => ['added', token]),
    ];
  }
  // lengths[i * (m + 1) + j]: the LCS length of a[i:] and b[j:].
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const ops: Array<[DiffPart['kind'], string]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push(['same', a[i] as string]);
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      ops.push(['removed', a[i++] as string]);
    } else {
      ops.push(['added', b[j++] as string]);
    }
  }
  while (i < n) ops.push(['removed', a[i++] as string]);
  while (j < m) ops.push(['added', b[j++] as string]);
  return ops;
}

/**
 * Joins the script into parts: each run of changes (with the blanks inside it) becomes one
 * removed part followed by one added part; kept words between runs stay as they are.
 */
function group(ops: Array<[DiffPart['kind'], string]>): DiffPart[] {
  const parts: DiffPart[] = [];
  const run = { removed: '', added: '' };
  // Blanks met inside a run: kept if the run ends there, else they join the side that goes on.
  let blanks = '';
  const sideBlanks = { removed: '', added: '' };
  const keep = (text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === 'same') last.text += text;
    else parts.push({ kind: 'same', text });
  };
  const endRun = () => {
    if (run.removed) parts.push({ kind: 'removed', text: run.removed });
    if (run.added) parts.push({ kind: 'added', text: run.added });
    run.removed = '';
    run.added = '';
    sideBlanks.removed = '';
    sideBlanks.added = '';
    if (blanks) keep(blanks);
    blanks = '';
  };
  for (const [kind, token] of ops) {
    const inRun = run.removed !== '' || run.added !== '';
    if (kind === 'same' && inRun && blank(token)) {
      blanks += token;
      if (run.removed) sideBlanks.removed += token;
      if (run.added) sideBlanks.added += token;
    } else if (kind === 'same') {
      endRun();
      keep(token);
    } else {
      run[kind] += sideBlanks[kind] + token;
      sideBlanks[kind] = '';
      blanks = '';
    }
  }
  endRun();
  return parts;
}

/** How many words an edit removed and added, for the dialog's summary line. */
export function diffCounts(parts: readonly DiffPart[]): { removed: number; added: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let removed = 0;
  let added = 0;
  for (const part of parts) {
    if (part.kind === 'removed') removed += words(part.text);
    if (part.kind === 'added') added += words(part.text);
  }
  return { removed, added };
}
