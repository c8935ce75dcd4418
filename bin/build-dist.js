// Builds dist/, the compiled JavaScript that bin/chimera.js runs, and tells whether it is fresh.
//
// `node bin/build-dist.js` transpiles every src/**/*.ts but the tests with esbuild, file by file
// (the compiler tsx already uses to run the sources, so the code behaves the same; type-checking
// stays with `npm run lint`), copies the other files of src/ (the migrations' SQL) beside them,
// bundles the VENDORED packages, and writes a stamp naming what it was built from. The layout
// mirrors src/, so paths relative to a module (specs/, examples/, migrations) hold in dist/ too.
// `--if-stale` skips the build when dist/ is fresh. It builds in a folder of its own and then
// swaps it in, so a process started meanwhile sees the old or the new dist/, or none (and runs
// the sources), never half of one.
//
// dist/ is fresh when its stamp counts as many inputs as there are now and none of them changed
// since the build started (`distIsFresh`, cheap: what bin/chimera.js checks on every run); with
// `--if-stale`, their content must also hash to the stamp's.

import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const STAMP = '.build-stamp.json';
/**
 * Packages bundled into one file each, as dist/node_modules/<name>, which the compiled code
 * resolves before the project's node_modules/. Loading kysely's ~260 modules one by one is about a
 * third of a read command's start-up; one file loads in a few ms. Only for a package that nothing
 * but Chimera's own code imports (so a process holds one copy of it) and that reads no files of
 * its own at run time.
 */
const VENDORED = ['kysely'];
/** Besides src/, what the output depends on: this builder, the compiler options, VENDORED. */
const BUILD_FILES = [
  'bin/build-dist.js',
  'tsconfig.json',
  'tsconfig.build.json',
  ...VENDORED.map((name) => `node_modules/${name}/package.json`),
];

/** Every file dist/ is built from, as absolute paths: src/ but the tests, and BUILD_FILES. */
function inputs() {
  const files = BUILD_FILES.map((file) => join(ROOT, file));
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk(SRC);
  return files;
}

function readStamp() {
  try {
    const path = join(DIST, STAMP);
    return { ...JSON.parse(readFileSync(path, 'utf8')), mtimeMs: statSync(path).mtimeMs };
  } catch {
    return undefined;
  }
}

/** True when dist/ was built from the current inputs, judged by their count and times. */
export function distIsFresh() {
  const stamp = readStamp();
  if (!stamp) return false;
  try {
    const files = inputs();
    if (files.length !== stamp.files) return false;
    return files.every((file) => statSync(file).mtimeMs <= stamp.mtimeMs);
  } catch {
    return false; // an input removed while we looked
  }
}

/** SHA-256 over the inputs' paths and contents. */
async function hashOf(files) {
  // Loaded here: bin/chimera.js imports this module for distIsFresh alone, on every run.
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(`${relative(ROOT, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** esbuild, through tsx: the package that depends on it (and that the fallback runs on). */
function esbuild() {
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve('tsx/package.json'))('esbuild');
}

/** Builds dist/ from the current inputs; returns how long it took, in ms. */
export async function buildDist() {
  const startedAt = Date.now();
  const files = inputs();
  const hash = await hashOf(files);
  const sources = files.filter((file) => file.startsWith(SRC));
  const out = `${DIST}.tmp-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  try {
    const compiler = esbuild();
    await compiler.build({
      entryPoints: sources.filter((file) => file.endsWith('.ts')),
      outdir: out,
      outbase: SRC,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: true,
      tsconfig: join(ROOT, 'tsconfig.build.json'),
      logLevel: 'warning',
    });
    for (const name of VENDORED) await vendor(compiler, name, join(out, 'node_modules', name));
    for (const file of sources.filter((source) => !source.endsWith('.ts'))) {
      const target = join(out, relative(SRC, file));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file, target);
    }
    const stamp = join(out, STAMP);
    writeFileSync(stamp, `${JSON.stringify({ files: files.length, sha256: hash }, null, 2)}\n`);
    // The stamp carries the time the inputs were read: an edit made during the build is newer.
    utimesSync(stamp, startedAt / 1000, startedAt / 1000);
    swapIn(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return Date.now() - startedAt;
}

/** Bundles the package `name` (its named exports) into `folder` as a package of one file. */
async function vendor(compiler, name, folder) {
  const { version } = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
  );
  await compiler.build({
    stdin: { contents: `export * from '${name}';`, resolveDir: ROOT, loader: 'js' },
    outfile: join(folder, 'index.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const manifest = { name, version, type: 'module', exports: './index.js' };
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** True when dist/ is fresh and its stamp's hash matches the inputs' content. */
export async function distMatchesSources() {
  return distIsFresh() && readStamp()?.sha256 === (await hashOf(inputs()));
}

/** Replaces dist/ with `out` by renames; a concurrent build doing the same is retried. */
function swapIn(out) {
  for (let attempt = 0; ; attempt += 1) {
    const old = `${DIST}.old-${process.pid}-${attempt}`;
    try {
      renameSync(DIST, old);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    try {
      renameSync(out, DIST);
      return;
    } catch (error) {
      // Another build put its dist/ in place between the two renames: move that one aside too.
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code) || attempt >= 5) throw error;
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && (await distMatchesSources())) {
    console.warn('dist/ is up to date');
  } else {
    const ms = await buildDist();
    console.warn(`built dist/ in ${ms} ms`);
  }
}
