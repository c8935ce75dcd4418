// FR-PERSONA-001: a SOUL.md persona (YAML frontmatter plus Backstory, Voice/Tone, Core Beliefs &
// Values and Directives sections) loads into a Persona, and a broken file is refused by name.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent } from '../domain/agent.js';
import { ChimeraError, InputError } from '../domain/errors.js';
import { toAgent } from './persona.js';
import { loadPersonaDirectory, loadSoulFile, parseSoulFile } from './soul-file.js';

const EXAMPLES = new URL('../../examples/personas/', import.meta.url);

const FRONTMATTER_FIELDS = [
  'name',
  'id',
  'voice_traits',
  'directives',
  'platforms',
  'niche',
  'character_reference_id',
] as const;

const VALID_FRONTMATTER: Record<(typeof FRONTMATTER_FIELDS)[number], string> = {
  name: 'name: Test Persona',
  id: 'id: test',
  voice_traits: 'voice_traits: [calm, clear]',
  directives: 'directives: [Always disclose paid partnerships]',
  platforms: 'platforms: [twitter, threads]',
  niche: 'niche: testing',
  character_reference_id: 'character_reference_id: test-ref-v1',
};

const VALID_BODY = [
  '## Backstory',
  'Grew up in a fixture file.',
  '',
  '## Voice/Tone',
  'Calm and clear.',
  '',
  '## Core Beliefs & Values',
  'Tests should be able to fail.',
  '',
  '## Directives',
  'Disclose paid partnerships.',
].join('\n');

/** Builds a SOUL.md text; `without` drops one frontmatter field, `body` replaces the body. */
function soul(
  options: { without?: string; extra?: string[]; body?: string; id?: string } = {},
): string {
  const fields = FRONTMATTER_FIELDS.filter((field) => field !== options.without).map((field) =>
    field === 'id' && options.id ? `id: ${options.id}` : VALID_FRONTMATTER[field],
  );
  return ['---', ...fields, ...(options.extra ?? []), '---', '', options.body ?? VALID_BODY].join(
    '\n',
  );
}

/** Runs `action` and returns the InputError it threw, or fails the test when it did not. */
async function refusal(action: () => unknown): Promise<InputError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected the persona to be refused');
}

describe('the shipped example personas (FR-PERSONA-001)', () => {
  it.each([
    ['ava', 'Ava Reyes', 'sustainable streetwear', ['instagram', 'tiktok', 'threads']],
    ['milo', 'Milo Tanaka', 'budget travel and street food', ['twitter', 'youtube', 'instagram']],
    ['noor', 'Noor Haddad', 'fitness and everyday wellness', ['instagram', 'tiktok', 'youtube']],
  ])('%s/SOUL.md loads as %s with its niche, platforms and four body sections', async (id, name, niche, platforms) => {
    const persona = await loadSoulFile(new URL(`${id}/SOUL.md`, EXAMPLES));
    expect(persona).toMatchObject({ id, name, niche, platforms });
    expect(persona.character_reference_id).toBe(`${id}-ref-v1`);
    expect(persona.source).toBe(fileURLToPath(new URL(`${id}/SOUL.md`, EXAMPLES)));
    for (const section of Object.values(persona.body)) {
      const lines = section.split('\n').length;
      expect(lines).toBeGreaterThanOrEqual(3);
      expect(lines).toBeLessThanOrEqual(8);
    }
  });

  it('every example tells people who ask that it is a virtual persona created by AI', async () => {
    const personas = await loadPersonaDirectory(EXAMPLES);
    expect(personas.map((persona) => persona.id)).toEqual(['ava', 'milo', 'noor']);
    for (const persona of personas) {
      expect(persona.directives.join('\n')).toMatch(/virtual persona created by AI/);
    }
  });

  it('noor never presents fitness tips as medical advice', async () => {
    const noor = await loadSoulFile(new URL('noor/SOUL.md', EXAMPLES));
    expect(noor.directives).toContain('Never present fitness tips as medical advice');
  });

  it('ava refuses to name competitors, discloses partnerships and gives no professional advice', async () => {
    const ava = await loadSoulFile(new URL('ava/SOUL.md', EXAMPLES));
    expect(ava.directives).toEqual(
      expect.arrayContaining([
        'Never mention competitor brands by name',
        'Never give medical, legal or financial advice',
      ]),
    );
    expect(ava.directives.some((directive) => directive.startsWith('Always disclose paid'))).toBe(
      true,
    );
  });

  it('an example persona maps onto a valid active Agent carrying its persona details', async () => {
    const ava = await loadSoulFile(new URL('ava/SOUL.md', EXAMPLES));
    const agent = Agent.parse(toAgent(ava));
    expect(agent).toMatchObject({ id: 'ava', name: 'Ava Reyes', status: 'active' });
    expect(agent.persona).toEqual({
      voice_traits: ava.voice_traits,
      directives: ava.directives,
      platforms: ava.platforms,
      character_reference_id: 'ava-ref-v1',
      body: ava.body,
    });
  });
});

describe('parseSoulFile (FR-PERSONA-001)', () => {
  it('reads the frontmatter and the four sections, trimmed, with the source attached', () => {
    const persona = parseSoulFile(soul(), 'test.md');
    expect(persona).toEqual({
      name: 'Test Persona',
      id: 'test',
      voice_traits: ['calm', 'clear'],
      directives: ['Always disclose paid partnerships'],
      platforms: ['twitter', 'threads'],
      niche: 'testing',
      character_reference_id: 'test-ref-v1',
      body: {
        backstory: 'Grew up in a fixture file.',
        voice_tone: 'Calm and clear.',
        core_beliefs: 'Tests should be able to fail.',
        directives: 'Disclose paid partnerships.',
      },
      source: 'test.md',
    });
  });

  it.each([
    ['voice & tone', 'core beliefs and values'],
    ['Voice and Tone', 'CORE BELIEFS & VALUES'],
    ['Voice/Tone', 'Core Beliefs and Values'],
  ])('accepts the headings "%s" and "%s" in any case', (voice, beliefs) => {
    const body = VALID_BODY.replace('Voice/Tone', voice).replace('Core Beliefs & Values', beliefs);
    const persona = parseSoulFile(soul({ body }), 'test.md');
    expect(persona.body.voice_tone).toBe('Calm and clear.');
    expect(persona.body.core_beliefs).toBe('Tests should be able to fail.');
  });

  it('keeps sub-headings and fenced code inside a section and ignores unknown sections', () => {
    const body = [
      VALID_BODY,
      '### Examples',
      '```md',
      '## Backstory',
      '```',
      '',
      '## Sample posts',
      'Not part of the persona body.',
    ].join('\n');
    const persona = parseSoulFile(soul({ body }), 'test.md');
    expect(persona.body.directives).toBe(
      'Disclose paid partnerships.\n### Examples\n```md\n## Backstory\n```',
    );
  });

  it('accepts Windows line endings and a byte order mark', () => {
    const persona = parseSoulFile(`\uFEFF${soul().replaceAll('\n', '\r\n')}`, 'test.md');
    expect(persona.id).toBe('test');
    expect(persona.body.backstory).toBe('Grew up in a fixture file.');
  });

  it('refuses a file without frontmatter, naming the file and the fix', async () => {
    const error = await refusal(() => parseSoulFile(VALID_BODY, 'personas/x.md'));
    expect(error.message).toBe('personas/x.md: missing YAML frontmatter (start the file with ---)');
  });

  it('refuses frontmatter that does not start on line 1', async () => {
    const error = await refusal(() => parseSoulFile(`\n${soul()}`, 'x.md'));
    expect(error.message).toContain('missing YAML frontmatter');
  });

  it('refuses unterminated frontmatter', async () => {
    const text = ['---', VALID_FRONTMATTER.name, VALID_FRONTMATTER.id, VALID_BODY].join('\n');
    const error = await refusal(() => parseSoulFile(text, 'x.md'));
    expect(error.message).toMatch(/^x\.md: unterminated YAML frontmatter/);
  });

  it('refuses bad YAML with the file and the line of the file it is on', async () => {
    // The niche is frontmatter line 6 and file line 7: the opening --- is line 1.
    const text = soul().replace(VALID_FRONTMATTER.niche, 'niche: a: b');
    const error = await refusal(() => parseSoulFile(text, 'bad.md'));
    expect(error.message).toBe(
      'bad.md: invalid YAML frontmatter at line 7, column 8: ' +
        'Nested mappings are not allowed in compact mappings',
    );
  });

  it('refuses a duplicated YAML key on the line where it repeats', async () => {
    const text = soul({ extra: ['name: Second Name'] });
    const error = await refusal(() => parseSoulFile(text, 'dup.md'));
    expect(error.message).toMatch(/^dup\.md: invalid YAML frontmatter at line 9, /);
  });

  it('refuses frontmatter that is a list rather than a mapping', async () => {
    const error = await refusal(() => parseSoulFile(`---\n- a\n- b\n---\n${VALID_BODY}`, 'l.md'));
    expect(error.message).toContain('l.md: YAML frontmatter must be a mapping');
  });

  it.each(FRONTMATTER_FIELDS)('refuses a file missing "%s", naming the field', async (field) => {
    const error = await refusal(() => parseSoulFile(soul({ without: field }), 'p.md'));
    expect(error).toBeInstanceOf(ChimeraError);
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe(`p.md: invalid persona: ${field}: required field is missing`);
  });

  it('refuses empty frontmatter, naming every missing field', async () => {
    const error = await refusal(() => parseSoulFile(`---\n---\n${VALID_BODY}`, 'e.md'));
    for (const field of FRONTMATTER_FIELDS) expect(error.message).toContain(`${field}: `);
  });

  it('refuses a platform outside the supported list, naming the field and the choices', async () => {
    const text = soul().replace('platforms: [twitter, threads]', 'platforms: [twitter, myspace]');
    const error = await refusal(() => parseSoulFile(text, 'p.md'));
    expect(error.message).toBe(
      'p.md: invalid persona: platforms[1]: use one of: twitter, instagram, threads, tiktok, youtube',
    );
  });

  it.each([
    ['voice_traits', 'voice_traits: []', 'voice_traits: list at least one entry'],
    ['directives', 'directives: ["  "]', 'directives[0]: must not be empty'],
    ['platforms', 'platforms: []', 'platforms: list at least one platform'],
    ['platforms', 'platforms: [tiktok, tiktok]', 'platforms: list each platform once'],
    ['id', 'id: Ava Reyes', 'id: use lowercase letters'],
    ['character_reference_id', 'character_reference_id: Ava Ref', 'character_reference_id: use'],
    ['niche', 'niche: 42', 'niche: Invalid input: expected string, received number'],
  ] as const)('refuses a bad %s (%s)', async (field, line, problem) => {
    const error = await refusal(() =>
      parseSoulFile(soul().replace(VALID_FRONTMATTER[field], line), 'p.md'),
    );
    expect(error.message).toContain(`p.md: invalid persona: ${problem}`);
  });

  it.each([
    ['Backstory', '## Backstory'],
    ['Voice/Tone', '## Voice/Tone'],
    ['Core Beliefs & Values', '## Core Beliefs & Values'],
    ['Directives', '## Directives'],
  ])('refuses a body without the "%s" section, naming it', async (section, heading) => {
    const body = VALID_BODY.replace(heading, '## Something else');
    const error = await refusal(() => parseSoulFile(soul({ body }), 's.md'));
    expect(error.message).toBe(
      `s.md: missing body section "## ${section}" (add each as a ## heading)`,
    );
  });

  it('does not count a level-3 heading as a body section', async () => {
    const body = VALID_BODY.replace('## Backstory', '### Backstory');
    const error = await refusal(() => parseSoulFile(soul({ body }), 's.md'));
    expect(error.message).toContain('missing body section "## Backstory"');
  });

  it('refuses an empty section and a section given twice', async () => {
    const empty = VALID_BODY.replace('Grew up in a fixture file.', '   ');
    expect((await refusal(() => parseSoulFile(soul({ body: empty }), 's.md'))).message).toContain(
      '"## Backstory" (line 11) is empty',
    );
    const twice = `${VALID_BODY}\n\n## Voice & Tone\nAgain.`;
    expect((await refusal(() => parseSoulFile(soul({ body: twice }), 's.md'))).message).toContain(
      '"## Voice/Tone" appears twice (lines 14 and 23)',
    );
  });
});

describe('loadPersonaDirectory (FR-PERSONA-001)', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'chimera-personas-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('loads <folder>/SOUL.md and loose *.md files, skipping README.md and other files', async () => {
    await mkdir(path.join(directory, 'alpha'));
    await writeFile(path.join(directory, 'alpha', 'SOUL.md'), soul({ id: 'alpha' }));
    await mkdir(path.join(directory, 'empty-folder'));
    await writeFile(path.join(directory, 'beta.md'), soul({ id: 'beta' }));
    await writeFile(path.join(directory, 'README.md'), '# Not a persona');
    await writeFile(path.join(directory, 'notes.txt'), 'ignored');
    const personas = await loadPersonaDirectory(directory);
    expect(personas.map((persona) => [persona.id, persona.source])).toEqual([
      ['alpha', path.join(directory, 'alpha', 'SOUL.md')],
      ['beta', path.join(directory, 'beta.md')],
    ]);
  });

  it('refuses two files with the same id, naming both files', async () => {
    await mkdir(path.join(directory, 'ava'));
    await writeFile(path.join(directory, 'ava', 'SOUL.md'), soul({ id: 'ava' }));
    await writeFile(path.join(directory, 'ava-copy.md'), soul({ id: 'ava' }));
    const error = await refusal(() => loadPersonaDirectory(directory));
    expect(error.message).toContain("duplicate persona id 'ava'");
    expect(error.message).toContain(path.join(directory, 'ava', 'SOUL.md'));
    expect(error.message).toContain(path.join(directory, 'ava-copy.md'));
    expect(error.context.agentId).toBe('ava');
  });

  it('refuses a directory holding one broken persona, naming that file', async () => {
    await writeFile(path.join(directory, 'good.md'), soul({ id: 'good' }));
    await writeFile(path.join(directory, 'broken.md'), soul({ without: 'niche' }));
    const error = await refusal(() => loadPersonaDirectory(directory));
    expect(error.message).toBe(
      `${path.join(directory, 'broken.md')}: invalid persona: niche: required field is missing`,
    );
  });

  it('refuses a directory that does not exist, naming it', async () => {
    const missing = path.join(directory, 'nope');
    const error = await refusal(() => loadPersonaDirectory(missing));
    expect(error.message).toMatch(new RegExp(`^${missing}: cannot read persona directory`));
  });

  it('refuses a SOUL.md path that does not exist, naming it', async () => {
    const missing = path.join(directory, 'ghost', 'SOUL.md');
    const error = await refusal(() => loadSoulFile(missing));
    expect(error.message).toMatch(/cannot read persona file/);
    expect(error.message.startsWith(missing)).toBe(true);
  });
});
