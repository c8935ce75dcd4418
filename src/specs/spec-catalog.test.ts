import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadSpecCatalog,
  parseSpecMarkdown,
  SpecCatalog,
  SpecCatalogLoadError,
  type SpecEntry,
} from './spec-catalog.js';

// Fixtures use made-up areas (ALPHA, BETA, …) so this file does not count as testing real specs.

describe('parseSpecMarkdown', () => {
  it('extracts id, title, file and line from headings of any level', () => {
    const markdown = [
      '# FR-ALPHA-001 — Top level',
      'text',
      '## TR-BETA-002: Second level',
      '###### SK-GAMMA-DELTA-003 - Sixth level',
    ].join('\n');
    expect(parseSpecMarkdown(markdown, 'specs/a.md')).toEqual([
      { id: 'FR-ALPHA-001', title: 'Top level', file: 'specs/a.md', line: 1 },
      { id: 'TR-BETA-002', title: 'Second level', file: 'specs/a.md', line: 3 },
      { id: 'SK-GAMMA-DELTA-003', title: 'Sixth level', file: 'specs/a.md', line: 4 },
    ]);
  });

  it('keeps the title free of separators and closing hashes', () => {
    const markdown = [
      '### FR-ALPHA-001 — Em dash title ###',
      '### FR-ALPHA-002 – En dash title',
      '### FR-ALPHA-003',
      '   ### FR-ALPHA-004 | Indented heading',
    ].join('\n');
    expect(parseSpecMarkdown(markdown, 'x.md').map((entry) => [entry.id, entry.title])).toEqual([
      ['FR-ALPHA-001', 'Em dash title'],
      ['FR-ALPHA-002', 'En dash title'],
      ['FR-ALPHA-003', ''],
      ['FR-ALPHA-004', 'Indented heading'],
    ]);
  });

  it('ignores headings that do not begin with a well-formed id and ids in prose', () => {
    const markdown = [
      '# Functional requirements',
      '## About FR-ALPHA-001',
      '### FR-alpha-002 — lower case',
      '### FR-ALPHA-03 — two digits',
      '### FR-ALPHA-004x — glued suffix',
      '#FR-ALPHA-005 no space after hashes',
      '    ### FR-ALPHA-006 indented code, not a heading',
      '####### FR-ALPHA-007 seven hashes',
      'FR-ALPHA-008 — prose line',
      '- FR-ALPHA-009 in a list',
    ].join('\n');
    expect(parseSpecMarkdown(markdown, 'x.md')).toEqual([]);
  });

  it('ignores headings inside fenced code blocks and resumes after the fence', () => {
    const markdown = [
      '```markdown',
      '### FR-ALPHA-001 — inside backticks',
      '~~~',
      '### FR-ALPHA-002 — still inside: a tilde line does not close a backtick fence',
      '```',
      '~~~~',
      '### FR-ALPHA-003 — inside tildes',
      '~~~~',
      '### FR-ALPHA-004 — after the fences',
    ].join('\n');
    expect(parseSpecMarkdown(markdown, 'x.md')).toEqual([
      { id: 'FR-ALPHA-004', title: 'after the fences', file: 'x.md', line: 9 },
    ]);
  });

  it('counts lines the same way for CRLF and LF documents', () => {
    const entries = parseSpecMarkdown('intro\r\n\r\n## FR-ALPHA-001 — Windows\r\n', 'x.md');
    expect(entries).toEqual([{ id: 'FR-ALPHA-001', title: 'Windows', file: 'x.md', line: 3 }]);
  });
});

describe('SpecCatalog', () => {
  const entry = (id: string, file: string, line: number): SpecEntry => ({
    id,
    title: `title of ${id}`,
    file,
    line,
  });

  it('answers has and get only for defined ids', () => {
    const catalog = new SpecCatalog([entry('FR-ALPHA-001', 'a.md', 3)]);
    expect(catalog.has('FR-ALPHA-001')).toBe(true);
    expect(catalog.has('FR-ALPHA-002')).toBe(false);
    expect(catalog.get('FR-ALPHA-001')?.line).toBe(3);
    expect(catalog.get('FR-ALPHA-002')).toBeUndefined();
    expect([...catalog.ids]).toEqual(['FR-ALPHA-001']);
  });

  it('reports ids defined twice across files or within one file, once each and sorted', () => {
    const catalog = new SpecCatalog([
      entry('TR-BETA-001', 'a.md', 1),
      entry('FR-ALPHA-001', 'a.md', 2),
      entry('FR-ALPHA-001', 'b.md', 7),
      entry('TR-BETA-001', 'a.md', 9),
      entry('TR-BETA-001', 'b.md', 11),
      entry('SK-GAMMA-001', 'b.md', 12),
    ]);
    expect(catalog.duplicates).toEqual(['FR-ALPHA-001', 'TR-BETA-001']);
    expect(catalog.ids.size).toBe(3);
    expect(catalog.entries).toHaveLength(6);
    expect(catalog.get('FR-ALPHA-001')?.file).toBe('a.md');
    expect(catalog.entriesFor('TR-BETA-001').map((found) => `${found.file}:${found.line}`)).toEqual(
      ['a.md:1', 'a.md:9', 'b.md:11'],
    );
  });

  it('has no duplicates when every id is defined once', () => {
    const catalog = new SpecCatalog([
      entry('FR-ALPHA-001', 'a.md', 1),
      entry('FR-ALPHA-002', 'a.md', 2),
    ]);
    expect(catalog.duplicates).toEqual([]);
  });
});

describe('loadSpecCatalog', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'chimera-spec-catalog-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads top-level markdown files in name order and reports paths relative to the parent', async () => {
    const specsDir = path.join(root, 'specs');
    await mkdir(path.join(specsDir, 'nested'), { recursive: true });
    await writeFile(path.join(specsDir, 'b.md'), '# B\n\n### TR-BETA-001 — Beta\n');
    await writeFile(path.join(specsDir, 'a.md'), '### FR-ALPHA-001 — Alpha\n');
    await writeFile(path.join(specsDir, 'notes.txt'), '### FR-ALPHA-002 — not markdown\n');
    await writeFile(path.join(specsDir, 'nested', 'c.md'), '### FR-ALPHA-003 — nested\n');

    const catalog = await loadSpecCatalog(specsDir);

    expect(catalog.entries).toEqual([
      { id: 'FR-ALPHA-001', title: 'Alpha', file: 'specs/a.md', line: 1 },
      { id: 'TR-BETA-001', title: 'Beta', file: 'specs/b.md', line: 3 },
    ]);
    expect(catalog.duplicates).toEqual([]);
  });

  it('detects an id defined in two files', async () => {
    const specsDir = path.join(root, 'specs');
    await mkdir(specsDir);
    await writeFile(path.join(specsDir, 'one.md'), '### FR-ALPHA-001 — First\n');
    await writeFile(path.join(specsDir, 'two.md'), '\n### FR-ALPHA-001 — Second\n');

    const catalog = await loadSpecCatalog(pathToFileURL(`${specsDir}/`));

    expect(catalog.duplicates).toEqual(['FR-ALPHA-001']);
    expect(
      catalog.entriesFor('FR-ALPHA-001').map((found) => `${found.file}:${found.line}`),
    ).toEqual(['specs/one.md:1', 'specs/two.md:2']);
  });

  it('makes entry paths relative to the relativeTo option when given', async () => {
    const specsDir = path.join(root, 'project', 'specs');
    await mkdir(specsDir, { recursive: true });
    await writeFile(path.join(specsDir, 'a.md'), '### FR-ALPHA-001 — Alpha\n');

    const catalog = await loadSpecCatalog(specsDir, { relativeTo: root });

    expect(catalog.entries[0]?.file).toBe('project/specs/a.md');
  });

  it('throws a SpecCatalogLoadError naming the folder when it does not exist', async () => {
    const missing = path.join(root, 'missing');
    const failure = loadSpecCatalog(missing);
    await expect(failure).rejects.toBeInstanceOf(SpecCatalogLoadError);
    await expect(failure).rejects.toThrow(missing);
  });
});

describe('the real specs folder', () => {
  // Expected ids are generated from per-area counts instead of being written out, so that this
  // test does not "mention" every id and hide untested requirements from `chimera spec check`.
  const expectedCounts: Record<string, Record<string, number>> = {
    FR: { TASK: 1, PLAN: 4, WORK: 4, JUDGE: 4, REVIEW: 2, TRACE: 4, CLI: 5 },
    TR: { STORE: 4, QUEUE: 2, BENCH: 1, EMBED: 1 },
    SK: { CORE: 4 },
  };
  const expectedIds = Object.entries(expectedCounts).flatMap(([kind, areas]) =>
    Object.entries(areas).flatMap(([area, count]) =>
      Array.from({ length: count }, (_, index) =>
        [kind, area, String(index + 1).padStart(3, '0')].join('-'),
      ),
    ),
  );
  const specsUrl = new URL('../../specs/', import.meta.url);

  it('defines every required id exactly once', async () => {
    const catalog = await loadSpecCatalog(specsUrl);
    expect(expectedIds).toHaveLength(36);
    expect(expectedIds.filter((id) => !catalog.has(id))).toEqual([]);
    expect(catalog.duplicates).toEqual([]);
  });

  it('gives every section a title and reports files under specs/', async () => {
    const catalog = await loadSpecCatalog(specsUrl);
    expect(catalog.entries.filter((entry) => entry.title.length === 0)).toEqual([]);
    expect(catalog.entries.every((entry) => /^specs\/[a-z-]+\.md$/.test(entry.file))).toBe(true);
  });
});
