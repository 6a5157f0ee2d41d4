#!/usr/bin/env node
// `npm run bench` (builds first): what the widgets cost a campus page, and what the reference server costs its host.
//   1. Bytes of every published entry: minified, gzip -9 and brotli -11, and each element's own cost over the shared
//      core (see bench/sizes.mjs for what is counted).
//   2. The reference server on PGlite: time until it prints "listening on", on a fresh data directory (creating the
//      database) and again on the same directory (restart); resident memory after start and after 200 sequential
//      GET /api/v1/health.
//   3. The render ratio: 100 crisis panels against the same markup as static HTML (bench/render.mjs).
//   3b. 1,000 groups in <peer-group-finder> against the same markup as static HTML (bench/render-groups.mjs).
//   4. The demo page's layout shift, long tasks, LCP and emergency link, desktop and throttled mobile
//      (bench/page-load.mjs).
//   5. The server under load next to a bare Hono server on the same core, and the embedded database's starts
//      (bench/server-bench.mjs, with wrk).
// Prints readable tables, then one JSON line with every figure for scripts that track them over time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureEntries, projectRoot } from './sizes.mjs';
import { benchRender, renderTables } from './render.mjs';
import { benchPageLoad, pageLoadTables } from './page-load.mjs';
import { benchRenderGroups, renderGroupsTables } from './render-groups.mjs';

const HEALTH_REQUESTS = 200;
const START_TIMEOUT_MS = 120_000;
const serverDir = join(projectRoot, 'server');

const sizes = await measureEntries();
printTable(
  'Published entries (bytes; ESM entries: whole dist graph bundled and minified, lit excluded, then compressed; ' +
    'CDN: raw, gzip and brotli as shipped, min = the shipped file minified again)',
  ['entry', 'files', 'raw', 'min', 'gzip', 'brotli'],
  sizes.map((s) => [s.entry, s.files.length, s.raw, s.min, s.gzip, s.brotli]),
);
printTable(
  "Each element's own cost over the shared core (bytes; its entry and chunk bundled and minified, without the core " +
    'chunks and the other elements it loads, then compressed)',
  ['entry', 'files', 'min', 'gzip', 'brotli'],
  sizes.filter((s) => s.own).map((s) => [s.entry, s.own.files.length, s.own.min, s.own.gzip, s.own.brotli]),
);

const server = await benchServer();
if (server.skipped) {
  console.log(`\nReference server: skipped (${server.skipped})`);
} else {
  printTable(
    `Reference server on PGlite (node --import tsx src/main.ts; RSS in MiB; ${HEALTH_REQUESTS} sequential GET /api/v1/health)`,
    ['run', 'start ms', 'RSS after start', `RSS after ${HEALTH_REQUESTS} GETs`, 'peak RSS', 'GETs ms', 'non-200'],
    server.runs.map((r) => [
      r.run,
      r.startMs,
      mib(r.rssAfterStartKb),
      mib(r.rssAfterRequestsKb),
      mib(r.peakRssKb),
      r.requestsMs,
      r.failedRequests,
    ]),
  );
}

const render = await benchRender();
if (render.skipped) console.log(`\nRender: skipped (${render.skipped})`);
for (const table of renderTables(render)) printTable(table.title, table.headers, table.rows);

const renderGroups = await benchRenderGroups();
if (renderGroups.skipped) console.log(`\nRender groups: skipped (${renderGroups.skipped})`);
for (const table of renderGroupsTables(renderGroups)) printTable(table.title, table.headers, table.rows);

const pageLoad = await benchPageLoad();
if (pageLoad.skipped) console.log(`\nPage load: skipped (${pageLoad.skipped})`);
for (const table of pageLoadTables(pageLoad)) printTable(table.title, table.headers, table.rows);

const serverLoad = await benchServerLoad();
if (serverLoad.skipped) console.log(`\nServer under load: skipped (${serverLoad.skipped})`);

console.log(
  `\n${JSON.stringify({
    sizes: sizes.map(({ entry, subpath, files, raw, min, gzip, brotli, own }) => ({
      entry,
      subpath,
      files,
      raw,
      min,
      gzip,
      brotli,
      ...(own ? { own } : {}),
    })),
    server,
    render,
    renderGroups,
    pageLoad,
    serverLoad,
  })}`,
);

/**
 * Requests/s, p99 and CPU per request of GET /crisis-resources and GET /health next to a bare Hono server on the same
 * core, and the embedded database's starts (bench/server-bench.mjs prints its own tables). Needs wrk.
 */
async function benchServerLoad() {
  const wrk = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' });
  if (wrk.status !== 0) return { skipped: 'wrk is not installed (apt-get install -y wrk)' };
  const work = mkdtempSync(join(tmpdir(), 'peer-bench-load-'));
  const json = join(work, 'server-load.json');
  try {
    const run = spawnSync(process.execPath, [join(projectRoot, 'bench/server-bench.mjs'), '--json', json], {
      stdio: 'inherit',
    });
    if (run.status !== 0) return { skipped: `server-bench exited with ${run.status}` };
    return JSON.parse(readFileSync(json, 'utf8'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function benchServer() {
  if (!existsSync(join(serverDir, 'src/main.ts'))) return { skipped: 'server/src/main.ts does not exist yet' };
  const dataDir = mkdtempSync(join(tmpdir(), 'peer-bench-data-'));
  try {
    const runs = [];
    runs.push(await measureServerRun('first start (creating the database)', dataDir));
    runs.push(await measureServerRun('restart (existing database)', dataDir));
    return { runs };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureServerRun(run, dataDir) {
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DATA_DIR: dataDir };
  // The bench measures the embedded database, whatever the caller's shell has configured.
  delete env.DATABASE_URL;
  delete env.SEED;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await waitForListening(child);
    const startMs = Math.round(performance.now() - started);
    const rssAfterStartKb = memoryKb(child.pid, 'VmRSS');

    const requestsStarted = performance.now();
    let failedRequests = 0;
    for (let i = 0; i < HEALTH_REQUESTS; i++) {
      const response = await fetch(`${url}/api/v1/health`);
      await response.arrayBuffer();
      if (response.status !== 200) failedRequests++;
    }
    const requestsMs = Math.round(performance.now() - requestsStarted);

    return {
      run,
      startMs,
      rssAfterStartKb,
      rssAfterRequestsKb: memoryKb(child.pid, 'VmRSS'),
      peakRssKb: memoryKb(child.pid, 'VmHWM'),
      requestsMs,
      failedRequests,
    };
  } finally {
    await stop(child);
  }
}

function waitForListening(child) {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve(match[1].replace(/\/$/, ''));
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A memory figure of a live process from /proc (Linux), in KiB; null elsewhere. */
function memoryKb(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function mib(kb) {
  return kb === null ? 'n/a' : (kb / 1024).toFixed(1);
}

function printTable(title, headers, rows) {
  const cells = [headers, ...rows].map((row) =>
    row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en-US') : String(cell))),
  );
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(cells[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}
