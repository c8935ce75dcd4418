// Fresh embedded data dirs for CLI tests, one per test. Creating a PGlite database costs seconds,
// so the first migrated dir a test file asks for is made once with `chimera migrate` and every
// test gets its own copy of it.

import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runChimera } from './run-chimera.js';

/** Data dirs for the enclosing file or `describe`, removed after it. */
export interface EmbeddedDataDirs {
  /** A path no other test uses, in an existing folder; the data dir itself does not exist. */
  absent(): Promise<string>;
  /** A data dir of its own holding an empty database at the current schema. */
  migrated(): Promise<string>;
  /** A new folder for a test's other files (campaign files, SOUL.md variants). */
  folder(): Promise<string>;
}

/** Registers the workspace of the enclosing file or `describe` and returns its data dirs. */
export function useEmbeddedDataDirs(): EmbeddedDataDirs {
  let workspace = '';
  let template: Promise<string> | undefined;
  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'chimera-cli-'));
  });
  afterAll(async () => {
    await template?.catch(() => undefined);
    await rm(workspace, { recursive: true, force: true });
  });
  const folder = () => mkdtemp(join(workspace, 'test-'));
  const absent = async () => join(await folder(), 'data');
  const migrate = async () => {
    const dataDir = join(workspace, 'template');
    const result = await runChimera(['migrate', '--data-dir', dataDir]);
    expect(result, 'chimera migrate for the template data dir').toMatchObject({ code: 0 });
    return dataDir;
  };
  return {
    absent,
    folder,
    async migrated() {
      template ??= migrate();
      const copy = await absent();
      await cp(await template, copy, { recursive: true });
      return copy;
    },
  };
}
