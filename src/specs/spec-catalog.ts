// Spec catalog: parses `specs/*.md` into id entries and answers "is this id defined?".
// It does not check code or tests against the specs (see spec-check.ts) and reads no subfolders.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSpecIdFormat } from './spec-id.js';

/** One requirement section: a markdown heading that begins with a spec id. */
export interface SpecEntry {
  /** The stable id, e.g. `FR-JUDGE-001`. */
  id: string;
  /** Heading text after the id and its separator, e.g. `Output is validated against the skill schema`. */
  title: string;
  /** File the heading was found in, as given to the parser (posix separators from the loader). */
  file: string;
  /** 1-based line number of the heading. */
  line: number;
}

/** Options for {@link loadSpecCatalog}. */
export interface LoadSpecCatalogOptions {
  /**
   * Directory that entry `file` paths are made relative to.
   * Defaults to the parent of the specs folder, so entries read `specs/functional.md`.
   */
  relativeTo?: string;
}

/** Error thrown by {@link loadSpecCatalog} when the specs folder cannot be read. */
export class SpecCatalogLoadError extends Error {
  /** Stable machine-readable code. */
  readonly code = 'SPECS_DIR_UNREADABLE';
  /** Absolute path of the folder that could not be read. */
  readonly specsDir: string;

  /**
   * @param specsDir absolute path of the folder that could not be read
   * @param cause the underlying file-system error
   */
  constructor(specsDir: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`cannot read specs folder ${specsDir}: ${reason}`, { cause });
    this.name = 'SpecCatalogLoadError';
    this.specsDir = specsDir;
  }
}

/**
 * The set of defined spec ids with the sections that define them.
 * Duplicated ids stay visible through `duplicates` and every entry is kept in `entries`.
 */
export class SpecCatalog {
  /** Every entry in input order (files sorted by name, then by line), duplicates included. */
  readonly entries: SpecEntry[];
  /** Every distinct defined id. */
  readonly ids: ReadonlySet<string>;
  /** Ids defined more than once (in one file or across files), sorted, each listed once. */
  readonly duplicates: string[];
  readonly #firstById: ReadonlyMap<string, SpecEntry>;

  /** @param entries spec entries from one or more parsed files */
  constructor(entries: readonly SpecEntry[]) {
    this.entries = [...entries];
    const firstById = new Map<string, SpecEntry>();
    const duplicates = new Set<string>();
    for (const entry of this.entries) {
      if (firstById.has(entry.id)) duplicates.add(entry.id);
      else firstById.set(entry.id, entry);
    }
    this.#firstById = firstById;
    this.ids = new Set(firstById.keys());
    this.duplicates = [...duplicates].sort();
  }

  /** Returns true when `id` is defined by at least one spec section. */
  has(id: string): boolean {
    return this.#firstById.has(id);
  }

  /** Returns the first section defining `id`, or undefined when it is not defined. */
  get(id: string): SpecEntry | undefined {
    return this.#firstById.get(id);
  }

  /** Returns every section defining `id` (more than one only for duplicates). */
  entriesFor(id: string): SpecEntry[] {
    return this.entries.filter((entry) => entry.id === id);
  }
}

/** ATX heading: up to 3 spaces, 1–6 `#`, then whitespace and the heading text. */
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/;
/** Opening or closing fence of a fenced code block (``` or ~~~, at least three). */
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Leading token of a heading text, up to the first whitespace or separator character. */
const LEADING_TOKEN = /^([A-Za-z0-9-]+)(.*)$/;
/** Separators allowed between an id and its title: dashes, colon, dot, pipe. */
const TITLE_SEPARATOR = /^[\s\u2013\u2014:.|-]+/;
/** Optional closing sequence of an ATX heading, e.g. `## Title ##`. */
const CLOSING_HASHES = /\s+#+\s*$/;

/**
 * Extracts spec entries from one markdown document.
 * An entry is any ATX heading (`#` to `######`) whose text begins with a well-formed spec id;
 * headings inside fenced code blocks are ignored. Setext (underlined) headings are not supported.
 * @param markdown the document text
 * @param file the path reported in each entry's `file`
 */
export function parseSpecMarkdown(markdown: string, file: string): SpecEntry[] {
  const entries: SpecEntry[] = [];
  let openFence: string | undefined;
  const lines = markdown.split(/\r?\n/);
  for (const [index, lineText] of lines.entries()) {
    const fence = CODE_FENCE.exec(lineText)?.[1];
    if (fence !== undefined) {
      if (openFence === undefined) openFence = fence;
      else if (fence[0] === openFence[0] && fence.length >= openFence.length) openFence = undefined;
      continue;
    }
    if (openFence !== undefined) continue;
    const headingText = ATX_HEADING.exec(lineText)?.[1];
    if (headingText === undefined) continue;
    const tokenMatch = LEADING_TOKEN.exec(headingText.replace(CLOSING_HASHES, '').trim());
    const id = tokenMatch?.[1];
    if (id === undefined || !isSpecIdFormat(id)) continue;
    const title = (tokenMatch?.[2] ?? '').replace(TITLE_SEPARATOR, '').trim();
    entries.push({ id, title, file, line: index + 1 });
  }
  return entries;
}

/**
 * Reads every `*.md` file directly inside `specsDir` (not subfolders), in name order,
 * and builds a {@link SpecCatalog}. Entry `file` paths are relative to
 * `options.relativeTo` (default: the parent of `specsDir`) with posix separators.
 * @throws {SpecCatalogLoadError} when the folder does not exist or cannot be read
 */
export async function loadSpecCatalog(
  specsDir: string | URL,
  options: LoadSpecCatalogOptions = {},
): Promise<SpecCatalog> {
  const absoluteDir = path.resolve(
    typeof specsDir === 'string' ? specsDir : fileURLToPath(specsDir),
  );
  const relativeTo = path.resolve(options.relativeTo ?? path.dirname(absoluteDir));
  let fileNames: string[];
  try {
    const dirents = await readdir(absoluteDir, { withFileTypes: true });
    fileNames = dirents
      .filter((dirent) => dirent.isFile() && dirent.name.endsWith('.md'))
      .map((dirent) => dirent.name)
      .sort();
  } catch (error) {
    throw new SpecCatalogLoadError(absoluteDir, error);
  }
  const entries: SpecEntry[] = [];
  for (const fileName of fileNames) {
    const absoluteFile = path.join(absoluteDir, fileName);
    const markdown = await readFile(absoluteFile, 'utf8');
    const reportedFile = path.relative(relativeTo, absoluteFile).split(path.sep).join('/');
    entries.push(...parseSpecMarkdown(markdown, reportedFile));
  }
  return new SpecCatalog(entries);
}
