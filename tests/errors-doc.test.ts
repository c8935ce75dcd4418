// docs/errors.md documents every code in ERROR_CODES, and only those, with the exit code the CLI
// really uses for it (FR-CLI-004).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../src/cli/exit-codes.js';
import { ChimeraError, ERROR_CODES, type ErrorCode } from '../src/domain/errors.js';

const DOC_PATH = new URL('../docs/errors.md', import.meta.url);

interface DocumentedCode {
  code: string;
  cells: string[];
  line: number;
}

/** Table rows whose first cell is a code in backticks, e.g. "| `INPUT_INVALID` | … |". */
function documentedCodes(markdown: string): DocumentedCode[] {
  const rows: DocumentedCode[] = [];
  markdown.split('\n').forEach((text, index) => {
    if (!text.trimStart().startsWith('|')) return;
    const cells = text
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
    const code = /^`([A-Z][A-Z0-9_]*)`$/.exec(cells[0] ?? '')?.[1];
    if (code) rows.push({ code, cells, line: index + 1 });
  });
  return rows;
}

const rows = documentedCodes(readFileSync(DOC_PATH, 'utf8'));
const documented = rows.map((row) => row.code);
const known: readonly string[] = ERROR_CODES;

describe('docs/errors.md (FR-CLI-004)', () => {
  it('parses code rows out of a markdown table', () => {
    expect(
      documentedCodes(
        [
          '| Code | Meaning |',
          '| ---- | ------- |',
          '| `A_CODE` | first |',
          '  | `B_CODE` | second | ',
          '| not a code | `C_CODE` |',
          'text with `D_CODE`',
        ].join('\n'),
      ).map((row) => row.code),
    ).toEqual(['A_CODE', 'B_CODE']);
  });

  it('has a table row for every code in ERROR_CODES', () => {
    const missing = known.filter((code) => !documented.includes(code));
    expect(missing, `codes missing from docs/errors.md: ${missing.join(', ')}`).toEqual([]);
  });

  it('documents no code that ERROR_CODES does not define', () => {
    const extra = documented.filter((code) => !known.includes(code));
    expect(extra, `codes in docs/errors.md but not in ERROR_CODES: ${extra.join(', ')}`).toEqual(
      [],
    );
  });

  it('documents each code once', () => {
    const repeated = documented.filter((code, index) => documented.indexOf(code) !== index);
    expect(repeated, `codes documented more than once: ${repeated.join(', ')}`).toEqual([]);
  });

  it('fills in meaning, retryable, exit code and what to do for every code', () => {
    for (const row of rows) {
      expect(row.cells, `docs/errors.md:${row.line}`).toHaveLength(5);
      const [, meaning, retryable, , action] = row.cells;
      expect(meaning, `meaning of ${row.code}`).not.toBe('');
      expect(['yes', 'no'], `retryable of ${row.code}`).toContain(retryable);
      expect(action, `what to do for ${row.code}`).not.toBe('');
    }
  });

  it('gives the exit code the CLI really uses for each code', () => {
    const wrong = rows
      .filter((row) => known.includes(row.code))
      .map((row) => {
        const actual = describeFailure(new ChimeraError(row.code as ErrorCode, 'x')).exitCode;
        return { code: row.code, documented: row.cells[3], actual: String(actual) };
      })
      .filter((entry) => entry.documented !== entry.actual);
    expect(wrong).toEqual([]);
  });
});
