import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/**
 * A prepared, empty PGlite database (the result of initdb) that new embedded databases start from, instead of
 * running initdb themselves. initdb in PGlite runs a second WebAssembly Postgres next to the first, which takes
 * the process to about 0.9 GB; WebAssembly memory is never given back, so a server that ran initdb kept about
 * twice the memory of one that opened an existing database. With a template, a new database on disk is a copy of
 * a directory, and a new in-memory one (tests, DATA_DIR=memory://) loads a tarball.
 *
 * The template is made once per machine and PGlite version, lazily, in a child process (so its memory leaves with
 * it), under .data/pglite-templates/ (or PGLITE_TEMPLATE_DIR), about 80 MB; nothing large is committed.
 * `npm run prepare:db -w server` makes it ahead of time (an image build, CI). It holds no migrations: they are
 * applied to each new database as on any start, so adding one never invalidates the template.
 */
export interface PgliteTemplate {
  /** A closed PGlite data directory, to copy. */
  dataDir: string;
  /** The same database as PGlite's dumpDataDir tarball, for loadDataDir (in-memory databases). */
  tarball: string;
}

/**
 * Postgres settings for every embedded database: shared_buffers 16 MB instead of 128 MB. Postgres touches all of
 * its shared buffers when it starts, so this alone takes about 140 MB off every PGlite process; the data of a
 * campus (a few thousand rows) fits, and public answers are cached in memory above the database anyway.
 */
export const PGLITE_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

const require = createRequire(import.meta.url);
const WORKER = fileURLToPath(new URL('./pglite-template-worker.mjs', import.meta.url));
const BUILDING = '.building-';
/** A build left behind by a process that died is removed after this long. */
const ABANDONED_BUILD_MS = 60 * 60 * 1000;

async function pgliteVersion(): Promise<string> {
  const entry = require.resolve('@electric-sql/pglite');
  const packageJson = path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), 'package.json');
  return (JSON.parse(await readFile(packageJson, 'utf8')) as { version: string }).version;
}

function templateAt(directory: string): PgliteTemplate {
  return { dataDir: path.join(directory, 'data'), tarball: path.join(directory, 'data.tar') };
}

function runWorker(template: PgliteTemplate): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [WORKER, template.dataDir, template.tarball, JSON.stringify(PGLITE_START_PARAMS)],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`preparing the PGlite template failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
  });
}

/** Removes templates of other PGlite versions and builds abandoned long ago; never one that may be running. */
async function removeStale(root: string, current: string): Promise<void> {
  for (const name of await readdir(root)) {
    const full = path.join(root, name);
    const building = name.includes(BUILDING);
    if (!building && name === current) continue;
    if (building && Date.now() - (await stat(full)).mtimeMs < ABANDONED_BUILD_MS) continue;
    await rm(full, { recursive: true, force: true });
  }
}

async function build(root: string): Promise<PgliteTemplate> {
  const name = `pglite-${await pgliteVersion()}`;
  const final = path.join(root, name);
  if (existsSync(final)) return templateAt(final);

  await mkdir(root, { recursive: true });
  const staging = path.join(root, `${name}${BUILDING}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(staging);
    await runWorker(templateAt(staging));
    // Atomic: a template directory that exists is complete. Another process may have finished first.
    await rename(staging, final).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(final)) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  await removeStale(root, name).catch(() => undefined);
  return templateAt(final);
}

const building = new Map<string, Promise<PgliteTemplate>>();

/** The template under `root`, made first if this machine has none for this PGlite version yet. */
export function ensurePgliteTemplate(root: string): Promise<PgliteTemplate> {
  const resolved = path.resolve(root);
  let template = building.get(resolved);
  if (!template) {
    template = build(resolved);
    building.set(resolved, template);
    template.catch(() => building.delete(resolved));
  }
  return template;
}
