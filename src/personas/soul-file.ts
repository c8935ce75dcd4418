// Reads SOUL.md persona files: YAML frontmatter plus `##` body sections, one file per agent, and
// whole directories of them. It validates and refuses with InputError; it never stores agents.

import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, YAMLParseError } from 'yaml';
import { InputError } from '../domain/errors.js';
import { fieldProblems } from '../domain/field-problems.js';
import { isStorableText, UNSTORABLE_TEXT } from '../domain/storable-text.js';
import { type Persona, type PersonaBody, PersonaFrontmatter } from './persona.js';

/** The body sections every SOUL.md must hold, by the `Persona.body` key they fill. */
export const SOUL_SECTIONS: Readonly<Record<keyof PersonaBody, string>> = {
  backstory: 'Backstory',
  voice_tone: 'Voice/Tone',
  core_beliefs: 'Core Beliefs & Values',
  directives: 'Directives',
};

/** Normalised heading text → body key; "/", "&" and "and" all read the same. */
const HEADING_KEYS: ReadonlyMap<string, keyof PersonaBody> = new Map([
  ['backstory', 'backstory'],
  ['voice and tone', 'voice_tone'],
  ['core beliefs and values', 'core_beliefs'],
  ['directives', 'directives'],
]);

const FRONTMATTER_FENCE = /^---[ \t]*$/;
const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const CODE_FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/**
 * Parses the text of a SOUL.md file. `source` names the file in every error message.
 * Throws InputError for missing or unterminated frontmatter, YAML syntax errors (with the file's
 * line), schema problems (as `field: message`) and missing or empty body sections.
 */
export function parseSoulFile(text: string, source: string): Persona {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FRONTMATTER_FENCE.test(lines[0] ?? '')) {
    throw new InputError(`${source}: missing YAML frontmatter (start the file with ---)`);
  }
  const closing = lines.findIndex((line, index) => index > 0 && FRONTMATTER_FENCE.test(line));
  if (closing === -1) {
    throw new InputError(
      `${source}: unterminated YAML frontmatter (close it with a --- line before the body)`,
    );
  }
  const parsed = PersonaFrontmatter.safeParse(
    readFrontmatter(lines.slice(1, closing).join('\n'), source),
  );
  if (!parsed.success) {
    throw new InputError(`${source}: invalid persona: ${fieldProblems(parsed.error).join('; ')}`);
  }
  // The body starts on the line after the closing fence, whose 1-based number is closing + 2.
  const body = readBody(lines.slice(closing + 1), closing + 2, source);
  return { ...parsed.data, body, source };
}

/** Reads and parses one SOUL.md file; the path (as given) becomes the persona's `source`. */
export async function loadSoulFile(file: string | URL): Promise<Persona> {
  const source = toPath(file);
  return parseSoulFile(await readSoulText(source), source);
}

/** The text of a SOUL.md file; an unreadable file is an InputError naming it. */
export async function readSoulText(file: string | URL): Promise<string> {
  const source = toPath(file);
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    throw new InputError(`${source}: cannot read persona file: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Loads every persona in `directory`: each `<folder>/SOUL.md` one level down and each `*.md`
 * directly inside (README.md and names starting with "." are skipped). Returns them sorted by
 * file path; an empty directory gives an empty list. Refuses two files declaring the same id.
 */
export async function loadPersonaDirectory(directory: string | URL): Promise<Persona[]> {
  const root = toPath(directory);
  let entries: Dirent[];
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`${root}: cannot read persona directory: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const location = path.join(root, entry.name);
    // Symbolic links are followed, so a linked persona folder or file counts like a real one.
    const kind = entry.isSymbolicLink() ? await kindOf(location) : entry;
    if (kind?.isDirectory()) {
      const soul = path.join(location, 'SOUL.md');
      if ((await kindOf(soul))?.isFile()) files.push(soul);
    } else if (kind?.isFile() && isLoosePersonaFile(entry.name)) {
      files.push(location);
    }
  }
  files.sort();
  const personas: Persona[] = [];
  const sourceById = new Map<string, string>();
  for (const file of files) {
    const persona = await loadSoulFile(file);
    const earlier = sourceById.get(persona.id);
    if (earlier !== undefined) {
      throw new InputError(
        `duplicate persona id '${persona.id}' in ${earlier} and ${file}; give each agent its own id`,
        { context: { agentId: persona.id, field: 'id' } },
      );
    }
    sourceById.set(persona.id, file);
    personas.push(persona);
  }
  return personas;
}

/** Parses the YAML between the fences; an empty block counts as an empty mapping. */
function readFrontmatter(yamlText: string, source: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parse(yamlText, { prettyErrors: true, logLevel: 'error' });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // Frontmatter line 1 is file line 2: the opening fence sits on line 1.
      const position = error.linePos?.[0];
      const where = position ? ` at line ${position.line + 1}, column ${position.col}` : '';
      const reason = error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
      throw new InputError(`${source}: invalid YAML frontmatter${where}: ${reason}`, {
        cause: error,
      });
    }
    throw new InputError(`${source}: invalid YAML frontmatter: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(
      `${source}: YAML frontmatter must be a mapping of fields (name: …, id: …), not a ${
        Array.isArray(value) ? 'list' : typeof value
      }`,
    );
  }
  const bad = unstorableText(value);
  if (bad !== undefined) {
    throw new InputError(`${source}: invalid persona: ${bad}: ${UNSTORABLE_TEXT}`, {
      context: { field: bad },
    });
  }
  return value as Record<string, unknown>;
}

/**
 * The path of the first string or key a YAML escape (\\0, \\ud800) made unstorable; frontmatter
 * deeper than 32 levels is not searched further (no persona field nests that deep).
 */
function unstorableText(value: unknown, path = '', depth = 0): string | undefined {
  const bad = (text: string) => !isStorableText(text);
  if (typeof value === 'string') return bad(value) ? path || '(frontmatter)' : undefined;
  if (typeof value !== 'object' || value === null || depth > 32) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (bad(key)) return at;
    const found = unstorableText(child, at, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Splits the body into its `##` sections. A section runs to the next heading of level 1 or 2;
 * deeper headings and fenced code stay inside it. Unknown sections are allowed and ignored.
 */
function readBody(lines: readonly string[], firstLine: number, source: string): PersonaBody {
  const found = new Map<keyof PersonaBody, { line: number; content: string[] }>();
  let current: string[] | undefined;
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const fenceMatch = CODE_FENCE.exec(line);
    if (fenceMatch?.[1] !== undefined) {
      const marker = fenceMatch[1];
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (fence === undefined) {
      const heading = HEADING.exec(line);
      if (heading?.[1] !== undefined && heading[1].length <= 2) {
        const key =
          heading[1].length === 2 ? HEADING_KEYS.get(normalise(heading[2] ?? '')) : undefined;
        current = undefined;
        if (key !== undefined) {
          const earlier = found.get(key);
          if (earlier !== undefined) {
            throw new InputError(
              `${source}: body section "## ${SOUL_SECTIONS[key]}" appears twice (lines ${
                earlier.line
              } and ${firstLine + index}); merge them into one`,
            );
          }
          current = [];
          found.set(key, { line: firstLine + index, content: current });
        }
        return;
      }
    }
    current?.push(line);
  });
  const keys = Object.keys(SOUL_SECTIONS) as (keyof PersonaBody)[];
  const missing = keys.filter((key) => found.get(key) === undefined);
  if (missing.length > 0) {
    const names = missing.map((key) => `"## ${SOUL_SECTIONS[key]}"`).join(', ');
    throw new InputError(
      `${source}: missing body section${missing.length > 1 ? 's' : ''} ${names} (add each as a ## heading)`,
    );
  }
  const body = {} as PersonaBody;
  for (const key of keys) {
    const section = found.get(key);
    const content = section?.content.join('\n').trim() ?? '';
    if (content === '') {
      throw new InputError(
        `${source}: body section "## ${SOUL_SECTIONS[key]}" (line ${section?.line}) is empty; write at least one line`,
      );
    }
    body[key] = content;
  }
  return body;
}

/** Lowercases a heading and reads "/", "&" and "and" alike, so "Voice & Tone" = "voice/tone". */
function normalise(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[:.]+$/, '')
    .replace(/\s*(?:\/|&|\band\b)\s*/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isLoosePersonaFile(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md';
}

/** What a path is after following links, or undefined when it does not exist or is unreadable. */
async function kindOf(
  location: string,
): Promise<{ isFile(): boolean; isDirectory(): boolean } | undefined> {
  try {
    return await stat(location);
  } catch {
    return undefined;
  }
}

function toPath(location: string | URL): string {
  return location instanceof URL ? fileURLToPath(location) : location;
}
