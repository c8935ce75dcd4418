import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSpecMarkdown, SpecCatalog } from './spec-catalog.js';
import {
  checkSpecs,
  collectProjectFiles,
  formatSpecCheckReport,
  type SpecCheckReport,
} from './spec-check.js';

// Covers FR-TRACE-004 (`chimera spec check`). Other fixtures use made-up areas (ALPHA, BETA, …)
// so this file does not count as testing any other real requirement.

const catalogFrom = (files: Record<string, string>) =>
  new SpecCatalog(
    Object.entries(files).flatMap(([file, markdown]) => parseSpecMarkdown(markdown, file)),
  );

const specs = catalogFrom({
  'specs/functional.md': [
    '# Functional',
    '### FR-ALPHA-001 — Tested and used',
    '### FR-ALPHA-002 — Tested only',
    '### FR-ALPHA-003 — Never tested',
  ].join('\n'),
  'specs/skills.md': '### SK-BETA-001 — Used in code, untested',
});

describe('checkSpecs', () => {
  it('lists the defined ids that no test mentions, in catalog order', () => {
    const report = checkSpecs({
      catalog: specs,
      sources: [{ path: 'src/a.ts', text: "const specId = 'FR-ALPHA-001';" }],
      tests: [
        { path: 'src/a.test.ts', text: "it('FR-ALPHA-001 works', () => {});" },
        { path: 'tests/e2e.ts', text: '// FR-ALPHA-002' },
      ],
    });
    expect(report.untested.map((entry) => `${entry.id}@${entry.file}:${entry.line}`)).toEqual([
      'FR-ALPHA-003@specs/functional.md:4',
      'SK-BETA-001@specs/skills.md:1',
    ]);
  });

  it('does not count a mention in a source file as a test', () => {
    const report = checkSpecs({
      catalog: specs,
      sources: [
        { path: 'src/a.ts', text: '// FR-ALPHA-001 FR-ALPHA-002 FR-ALPHA-003 SK-BETA-001' },
      ],
      tests: [],
    });
    expect(report.untested).toHaveLength(4);
  });

  it('passes with untested ids as long as nothing is undefined or duplicated', () => {
    const report = checkSpecs({ catalog: specs, sources: [], tests: [] });
    expect(report.untested).toHaveLength(4);
    expect(report.ok).toBe(true);
  });

  it('reports every undefined id used in sources with path and line, and fails', () => {
    const report = checkSpecs({
      catalog: specs,
      sources: [
        { path: 'src/a.ts', text: "// uses FR-ALPHA-001\nconst id = 'FR-OMEGA-001';\n" },
        { path: 'src/b.ts', text: 'line one\nline two\n/** TR-OMEGA-002 and SK-BETA-001 */' },
      ],
      tests: [],
    });
    expect(report.undefinedInCode).toEqual([
      { id: 'FR-OMEGA-001', path: 'src/a.ts', line: 2 },
      { id: 'TR-OMEGA-002', path: 'src/b.ts', line: 3 },
    ]);
    expect(report.ok).toBe(false);
  });

  it('ignores undefined ids that appear only in tests', () => {
    const report = checkSpecs({
      catalog: specs,
      sources: [],
      tests: [{ path: 'src/a.test.ts', text: "parse('### FR-OMEGA-009 — fixture')" }],
    });
    expect(report.undefinedInCode).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('reports duplicated ids with all their entries, and fails', () => {
    const catalog = catalogFrom({
      'specs/a.md': '### FR-ALPHA-001 — First\n### TR-BETA-001 — Unique',
      'specs/b.md': '\n\n### FR-ALPHA-001 — Again',
    });
    const report = checkSpecs({
      catalog,
      sources: [],
      tests: [{ path: 'src/x.test.ts', text: 'FR-ALPHA-001 TR-BETA-001' }],
    });
    expect(report.duplicates).toEqual(['FR-ALPHA-001']);
    expect(report.duplicateEntries.map((entry) => `${entry.file}:${entry.line}`)).toEqual([
      'specs/a.md:1',
      'specs/b.md:3',
    ]);
    expect(report.idCount).toBe(2);
    expect(report.ok).toBe(false);
  });

  it('lists an untested duplicated id once', () => {
    const catalog = catalogFrom({ 'a.md': '# FR-ALPHA-001 — One\n# FR-ALPHA-001 — Two' });
    const report = checkSpecs({ catalog, sources: [], tests: [] });
    expect(report.untested.map((entry) => entry.line)).toEqual([1]);
  });
});

describe('formatSpecCheckReport', () => {
  it('prints untested, undefined-in-code and duplicate lines followed by the summary', () => {
    const report: SpecCheckReport = {
      idCount: 40,
      untested: [
        { id: 'FR-ALPHA-003', title: 'Never tested', file: 'specs/functional.md', line: 40 },
      ],
      undefinedInCode: [{ id: 'FR-OMEGA-001', path: 'src/x.ts', line: 12 }],
      duplicates: ['TR-BETA-001'],
      duplicateEntries: [
        { id: 'TR-BETA-001', title: 'One', file: 'specs/a.md', line: 1 },
        { id: 'TR-BETA-001', title: 'Two', file: 'specs/b.md', line: 5 },
      ],
      ok: false,
    };
    expect(formatSpecCheckReport(report).split('\n')).toEqual([
      'untested: FR-ALPHA-003 (specs/functional.md:40)',
      'undefined in code: FR-OMEGA-001 at src/x.ts:12',
      'duplicate: TR-BETA-001 defined at specs/a.md:1, specs/b.md:5',
      'spec check: 40 ids, 1 untested, 1 undefined in code, 1 duplicated',
    ]);
  });

  it('prints only the summary for a clean report', () => {
    const report = checkSpecs({
      catalog: specs,
      sources: [],
      tests: [{ path: 't.test.ts', text: 'FR-ALPHA-001 FR-ALPHA-002 FR-ALPHA-003 SK-BETA-001' }],
    });
    expect(formatSpecCheckReport(report)).toBe(
      'spec check: 4 ids, 0 untested, 0 undefined in code',
    );
  });
});

describe('collectProjectFiles', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'chimera-spec-check-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const write = async (relativePath: string, text: string) => {
    const fullPath = path.join(root, relativePath);
    await mkdir(path.dirname(fullPath), { recursive: true });
    await writeFile(fullPath, text);
  };

  it('splits src into sources and tests, adds tests/, and skips node_modules and non-ts files', async () => {
    await write('src/judge/judge.ts', 'judge source');
    await write('src/judge/judge.test.ts', 'judge test');
    await write('src/index.ts', 'index source');
    await write('src/readme.md', 'not typescript');
    await write('src/node_modules/dep/index.ts', 'dependency');
    await write('tests/e2e/run.test.ts', 'e2e test');
    await write('tests/helpers.ts', 'helper');
    await write('node_modules/pkg/index.ts', 'root dependency');
    await write('bench/run.ts', 'bench');

    const files = await collectProjectFiles(root);

    expect(files.sources).toEqual([
      { path: 'src/index.ts', text: 'index source' },
      { path: 'src/judge/judge.ts', text: 'judge source' },
    ]);
    expect(files.tests.map((file) => file.path)).toEqual([
      'src/judge/judge.test.ts',
      'tests/e2e/run.test.ts',
      'tests/helpers.ts',
    ]);
  });

  it('returns no files when src and tests are missing', async () => {
    expect(await collectProjectFiles(root)).toEqual({ sources: [], tests: [] });
  });
});
