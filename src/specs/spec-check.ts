// Spec coverage check behind `chimera spec check` (FR-TRACE-004): compares the spec catalog
// with ids mentioned in sources and tests. It does not print or exit; the CLI owns that.

import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SpecCatalog, SpecEntry } from './spec-catalog.js';
import { findSpecIds } from './spec-id.js';

/** A project file's path (relative to the project root, posix separators) and text. */
export interface ProjectFile {
  /** Path shown in reports, e.g. `src/judge/judge.ts`. */
  path: string;
  /** Full file text. */
  text: string;
}

/** A spec id used in non-test source code without being defined in the specs. */
export interface UndefinedSpecIdUse {
  /** The id as written in the source. */
  id: string;
  /** Source file path. */
  path: string;
  /** 1-based line number. */
  line: number;
}

/** The catalog fields the check reads; a {@link SpecCatalog} satisfies it. */
export type SpecCatalogView = Pick<SpecCatalog, 'entries' | 'ids' | 'duplicates'>;

/** Input of {@link checkSpecs}. */
export interface SpecCheckInput {
  /** Defined spec ids. */
  catalog: SpecCatalogView;
  /** Non-test source files; ids here must be defined. */
  sources: ProjectFile[];
  /** Test files; an id mentioned here counts as tested. */
  tests: ProjectFile[];
}

/** Result of {@link checkSpecs}. */
export interface SpecCheckReport {
  /** Number of distinct ids defined in the catalog. */
  idCount: number;
  /** First defining entry of each id that no test file mentions, in catalog order. */
  untested: SpecEntry[];
  /** Every (id, path, line) in sources whose id is not defined, in file then line order. */
  undefinedInCode: UndefinedSpecIdUse[];
  /** Ids defined more than once, sorted. */
  duplicates: string[];
  /** Every entry defining a duplicated id, so reports can show all locations. */
  duplicateEntries: SpecEntry[];
  /** False iff `undefinedInCode` or `duplicates` is non-empty; untested ids alone never fail. */
  ok: boolean;
}

/** Compares the catalog with the ids mentioned in sources and tests. Pure: reads no files. */
export function checkSpecs(input: SpecCheckInput): SpecCheckReport {
  const { catalog, sources, tests } = input;

  const mentionedInTests = new Set<string>();
  for (const test of tests) {
    for (const occurrence of findSpecIds(test.text)) mentionedInTests.add(occurrence.id);
  }

  const untested: SpecEntry[] = [];
  const reported = new Set<string>();
  for (const entry of catalog.entries) {
    if (reported.has(entry.id) || mentionedInTests.has(entry.id)) continue;
    reported.add(entry.id);
    untested.push(entry);
  }

  const undefinedInCode: UndefinedSpecIdUse[] = [];
  for (const source of sources) {
    for (const occurrence of findSpecIds(source.text)) {
      if (!catalog.ids.has(occurrence.id)) {
        undefinedInCode.push({ id: occurrence.id, path: source.path, line: occurrence.line });
      }
    }
  }

  const duplicates = [...new Set(catalog.duplicates)].sort();
  const duplicateSet = new Set(duplicates);
  const duplicateEntries = catalog.entries.filter((entry) => duplicateSet.has(entry.id));

  return {
    idCount: catalog.ids.size,
    untested,
    undefinedInCode,
    duplicates,
    duplicateEntries,
    ok: undefinedInCode.length === 0 && duplicates.length === 0,
  };
}

/** Formats an entry location as `file:line`. */
function location(entry: SpecEntry): string {
  return `${entry.file}:${entry.line}`;
}

/**
 * Renders a report as human-readable lines joined by `\n` (no trailing newline):
 * `untested: <id> (<file>:<line>)`, `undefined in code: <id> at <path>:<line>`,
 * `duplicate: <id> defined at <file>:<line>, <file>:<line>`, then the summary
 * `spec check: N ids, M untested, K undefined in code` (with `, D duplicated` appended
 * only when there are duplicates).
 */
export function formatSpecCheckReport(report: SpecCheckReport): string {
  const lines: string[] = [];
  for (const entry of report.untested) lines.push(`untested: ${entry.id} (${location(entry)})`);
  for (const use of report.undefinedInCode) {
    lines.push(`undefined in code: ${use.id} at ${use.path}:${use.line}`);
  }
  for (const id of report.duplicates) {
    const locations = report.duplicateEntries.filter((entry) => entry.id === id).map(location);
    lines.push(`duplicate: ${id} defined at ${locations.join(', ')}`);
  }
  let summary = `spec check: ${report.idCount} ids, ${report.untested.length} untested, ${report.undefinedInCode.length} undefined in code`;
  if (report.duplicates.length > 0) summary += `, ${report.duplicates.length} duplicated`;
  lines.push(summary);
  return lines.join('\n');
}

/** Sources and tests of a project, as read by {@link collectProjectFiles}. */
export interface ProjectFiles {
  /** `src/**\/*.ts` except `*.test.ts`. */
  sources: ProjectFile[];
  /** `src/**\/*.test.ts` and `tests/**\/*.ts`. */
  tests: ProjectFile[];
}

/** Directory names never descended into. */
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/** Lists `.ts` files under `directory` recursively (absolute paths); a missing folder is empty. */
async function listTypeScriptFiles(directory: string): Promise<string[]> {
  let dirents: Dirent[];
  try {
    dirents = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const dirent of dirents) {
    const fullPath = path.join(directory, dirent.name);
    if (dirent.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(dirent.name))
        files.push(...(await listTypeScriptFiles(fullPath)));
    } else if (dirent.isFile() && dirent.name.endsWith('.ts')) {
      files.push(fullPath);
    }
  }
  return files;
}

/** Reads files and returns them with root-relative posix paths, sorted by path. */
async function readProjectFiles(root: string, absolutePaths: string[]): Promise<ProjectFile[]> {
  const files = await Promise.all(
    absolutePaths.map(async (absolutePath) => ({
      path: path.relative(root, absolutePath).split(path.sep).join('/'),
      text: await readFile(absolutePath, 'utf8'),
    })),
  );
  return files.sort((left, right) =>
    left.path < right.path ? -1 : left.path > right.path ? 1 : 0,
  );
}

/**
 * Reads the project's TypeScript files under `root`: `src/**\/*.ts` minus `*.test.ts` as
 * sources; `src/**\/*.test.ts` and `tests/**\/*.ts` as tests. `node_modules` folders are skipped
 * and a missing `src/` or `tests/` folder contributes no files.
 */
export async function collectProjectFiles(root: string): Promise<ProjectFiles> {
  const absoluteRoot = path.resolve(root);
  const sourceTree = await listTypeScriptFiles(path.join(absoluteRoot, 'src'));
  const testTree = await listTypeScriptFiles(path.join(absoluteRoot, 'tests'));
  const isTestFile = (file: string) => file.endsWith('.test.ts');
  return {
    sources: await readProjectFiles(
      absoluteRoot,
      sourceTree.filter((file) => !isTestFile(file)),
    ),
    tests: await readProjectFiles(absoluteRoot, [...sourceTree.filter(isTestFile), ...testTree]),
  };
}
