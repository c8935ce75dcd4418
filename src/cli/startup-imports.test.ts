// The CLI's start-up stays cheap: `--help` loads the command declarations and commander, nothing
// else, and a read-only command (`status`) loads no MCP hub, model, swarm, HTTP server, queue
// runner or migrations. A heavy import at the top of a commands/*.ts file, or in the read path,
// fails here (main.ts says where such imports go). The child runs the sources through tsx, with a
// loader hook that names every module loaded.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOOK = `data:text/javascript,${encodeURIComponent(
  "export async function load(url, context, next) { console.error('LOADED ' + url); return next(url, context); }",
)}`;

/** The modules `chimera ...args` loads, as paths relative to the repository (or node: ids). */
function modulesLoaded(args: string[]): Promise<string[]> {
  const script = `
    import { register } from 'node:module';
    register(${JSON.stringify(HOOK)});
    const { main } = await import('./src/cli/main.ts');
    const quiet = { write: () => true, on() {}, once() {}, end() {} };
    await main(['node', 'chimera', ...${JSON.stringify(args)}], {
      environment: { LOG_LEVEL: 'silent' }, stdout: quiet, stderr: quiet,
    });`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: ROOT, timeout: 60_000 },
      (error, _stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        const urls = stderr.match(/^LOADED \S+$/gm) ?? [];
        resolve(urls.map((line) => line.slice('LOADED '.length).replace(`file://${ROOT}`, '')));
      },
    );
  });
}

/** The package a node_modules path belongs to. */
function packageOf(path: string): string | undefined {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
}

describe('CLI start-up', () => {
  it('--help loads only the command declarations and commander', async () => {
    const loaded = await modulesLoaded(['--help']);
    expect(loaded).toContain('src/cli/main.ts');
    const packages = new Set(loaded.flatMap((path) => packageOf(path) ?? []));
    expect([...packages]).toEqual(['commander']);
    const sources = loaded.filter((path) => path.startsWith('src/'));
    const allowed = /^src\/(cli\/.*|domain\/errors\.ts|domain\/money\.ts)$/;
    expect(sources.filter((path) => !allowed.test(path))).toEqual([]);
  });

  it('status opens no MCP hub, model, swarm, HTTP server, job runner or migrator', async () => {
    // A missing data dir: the read path is loaded, then the command stops at opening it.
    const loaded = await modulesLoaded(['status', '--data-dir', '/nonexistent/chimera-data']);
    expect(loaded).toContain('src/app/chimera-reader.ts');
    const heavy = loaded.filter(
      (path) =>
        /^src\/(mcp|models|swarm|skills|api|specs)\//.test(path) ||
        ['src/app/chimera-app.ts', 'src/store/migrator.ts'].includes(path) ||
        /^(@modelcontextprotocol|@ai-sdk|ai|fastify|graphile-worker)$/.test(packageOf(path) ?? ''),
    );
    expect(heavy).toEqual([]);
  });
});
