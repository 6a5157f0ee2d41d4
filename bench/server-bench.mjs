#!/usr/bin/env node
// The reference server under load and at start, next to a bare Hono server on the same core (issue 7, §3.4–3.5).
//
//   node bench/server-bench.mjs [--repo <checkout>] [--duration <s>] [--connections <n>] [--json <file>]
//                               [--only groups|peer-requests]
//
// For `GET /api/v1/crisis-resources?country=US` (the same question again and again, and a new question every time:
// a different `lang` per request, so nothing can be kept) and `GET /api/v1/health`: requests/s and p99 latency of
// the real server (PGlite, demo seed), with and without 9,600 rows of other countries, and of a bare Hono server
// that answers the same bytes. The server runs pinned to core 0 (`taskset -c 0`), wrk to core 1, on loopback.
// Then the embedded database's start: time until "listening on" and peak memory on a fresh machine (no data, no
// prepared template), for a new database once the template exists, and on restart.
//
// Then `POST /api/v1/check-ins` (a WHO-5 check-in, a new Idempotency-Key on every request, the rate limit off) on
// PGlite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL, on PostgreSQL (in a schema of its own,
// dropped afterwards; PostgreSQL's own processes are not pinned), next to the bare Hono server answering the same POST
// with a fixed body after parsing the JSON: the framework's ceiling for a POST on that core.
//
// Then `GET /api/v1/groups` with three filters and free text (format in person or hybrid, evenings, step-free, "support")
// over 10,000 generated groups (server/src/seed/generate-groups.ts, plus the 30 demo groups) on PGlite and, when a
// PostgreSQL is named, on PostgreSQL: p50 and p99 with one connection (what one student waits: no queueing behind
// other requests), and requests/s with the usual connections, next to the bare Hono server answering the same bytes.
// `--only groups` measures only that.
//
// Then peer requests (issue 10), on PGlite and, when a PostgreSQL is named, on PostgreSQL: 1,000 requests are queued
// through the API, then `GET /api/v1/supporter/queue` (the first page, as a signed-in supporter) and `POST
// /api/v1/peer-requests` (an anonymous chat request, a new Idempotency-Key each; rate limits off) are measured: p50 and
// p99 with one connection, req/s with the usual connections. The supporter is added with the command line before the
// server starts. `--only peer-requests` measures only that.
//
// `--repo` measures another checkout (e.g. `git worktree add /tmp/old-server <commit>` with node_modules linked),
// with this script, so figures before and after a change come from the same procedure. Needs wrk
// (`apt-get install -y wrk`) and, for pinning, taskset; exits by itself, stopping everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { have, pinned } from './browser-bench.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROWS_OF_OTHER_COUNTRIES = 9_600;
const START_TIMEOUT_MS = 180_000;
const CRISIS_PATH = '/api/v1/crisis-resources?country=US';
const HEALTH_PATH = '/api/v1/health';
const CHECK_IN_PATH = '/api/v1/check-ins';
const CHECK_IN_BODY = '{"instrument":"who5","answers":[2,1,2,1,3],"safetyConcern":false,"locale":"en"}';
const GENERATED_GROUPS = 10_000;
const GROUPS_PATH =
  '/api/v1/groups?format=in-person&format=hybrid&timeOfDay=evening&accessibility=step-free&q=support&limit=20';
const POSTGRES_URL = process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim();
const PEER_REQUEST_PATH = '/api/v1/peer-requests';
const PEER_REQUEST_BODY =
  '{"topic":"loneliness","supportKind":"listen","channel":"chat","when":{"mode":"asap"},"language":"en",' +
  '"contact":{"method":"anonymous-code"},"consent":{"accepted":true,"noticeVersion":"peer-2025-09"}}';
const SUPPORTER_QUEUE_PATH = '/api/v1/supporter/queue';
const QUEUED_REQUESTS = 1_000;
const BENCH_SUPPORTER = { login: 'bench.supporter', password: 'bench supporter password' };

/** Everything this script started, so that it can stop them (by pid) whatever happens. */
const children = new Set();

function parseArgs(argv) {
  const options = { repo: resolve(here, '..'), duration: 5, connections: 10, json: undefined, only: undefined };
  for (let index = 0; index < argv.length; index += 1) {
    const [name, value] = [argv[index], argv[index + 1]];
    if (name === '--repo') options.repo = resolve(value);
    else if (name === '--duration') options.duration = Number(value);
    else if (name === '--connections') options.connections = Number(value);
    else if (name === '--json') options.json = resolve(value);
    else if (name === '--only') options.only = value;
    else throw new Error(`unknown argument ${name}`);
    index += 1;
  }
  return options;
}

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function stopAll() {
  for (const child of children) child.kill('SIGKILL');
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/** Waits for a line matching `pattern` on the child's stdout; resolves with the match. */
function waitForLine(child, pattern, label) {
  return new Promise((resolvePromise, reject) => {
    let buffered = '';
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`${label}: no "${pattern}" within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const match = pattern.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match);
      }
      buffered = buffered.slice(-4000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before it was ready: ${stderr.trim()}`));
    });
  });
}

/** kB from /proc/<pid>/status: VmRSS (now) and VmHWM (the process's own peak so far). */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
  } catch {
    return { rssKb: NaN, hwmKb: NaN };
  }
}

/**
 * The real server, pinned to core 0, under GNU time when available (its figure includes children the server
 * waited for, such as the process that prepares the PGlite template).
 */
async function startRealServer(repo, env) {
  const serverDir = join(repo, 'server');
  const nodeArgs = ['--import', 'tsx', 'src/main.ts'];
  const useTime = existsSync('/usr/bin/time');
  const [command, args] = useTime
    ? pinned(0, '/usr/bin/time', ['-f', '__peak_kb__ %M', process.execPath, ...nodeArgs])
    : pinned(0, process.execPath, nodeArgs);
  const started = performance.now();
  const child = track(
    spawn(command, args, {
      cwd: serverDir,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED: 'demo', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let timeOutput = '';
  child.stderr.on('data', (chunk) => {
    timeOutput = (timeOutput + chunk).slice(-4000);
  });
  const [, url] = await waitForLine(child, /listening on (http:\/\/\S+)/, 'server');
  const readyMs = performance.now() - started;
  // The node process: the child itself, or the one GNU time (under taskset, which execs) started.
  const nodePid = useTime
    ? Number(spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout.trim())
    : child.pid;
  const atReady = memoryOf(nodePid);
  return {
    url,
    readyMs,
    atReady,
    nodePid,
    pid: nodePid,
    async stop() {
      const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
      if (nodePid) process.kill(nodePid, 'SIGTERM');
      await exited;
      const peak = /__peak_kb__ (\d+)/.exec(timeOutput);
      return { peakWithChildrenKb: peak ? Number(peak[1]) : NaN };
    },
  };
}

/** A bare Hono server (same framework, same adapter) answering the given bodies, pinned to core 0. */
async function startBareServer(repo, crisisBody, groupsBody = '{"items":[],"nextCursor":null}') {
  const bodyFile = join(tmpdir(), `peer-bare-body-${process.pid}.json`);
  const groupsFile = join(tmpdir(), `peer-bare-groups-${process.pid}.json`);
  writeFileSync(bodyFile, crisisBody);
  writeFileSync(groupsFile, groupsBody);
  const source = `
    import { readFileSync } from 'node:fs';
    import { Hono } from 'hono';
    import { serve } from '@hono/node-server';
    const crisis = readFileSync(${JSON.stringify(bodyFile)}, 'utf8');
    const groups = readFileSync(${JSON.stringify(groupsFile)}, 'utf8');
    const app = new Hono();
    app.get('/api/v1/groups', (c) => c.body(groups, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }));
    app.get('/api/v1/crisis-resources', (c) =>
      c.body(crisis, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' }));
    app.get('/api/v1/health', (c) =>
      c.json({ status: 'ok', version: '0.0.0', database: 'pglite', time: new Date().toISOString() }));
    const result = {
      id: 'ci_bare', instrument: 'who5', band: { instrument: 'who5', band: 'low', notADiagnosis: true },
      suggestions: [{ kind: 'peer', reason: 'low-wellbeing', urgent: false }],
    };
    app.post('/api/v1/check-ins', async (c) => {
      await c.req.json();
      return c.json({ ...result, receivedAt: new Date().toISOString() }, 201);
    });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
      console.log('listening on http://127.0.0.1:' + info.port));
    process.on('SIGTERM', () => server.close(() => process.exit(0)));
  `;
  const [command, args] = pinned(0, process.execPath, ['--input-type=module', '-e', source]);
  const child = track(spawn(command, args, { cwd: join(repo, 'server'), stdio: ['ignore', 'pipe', 'pipe'] }));
  const [, url] = await waitForLine(child, /listening on (http:\/\/\S+)/, 'bare server');
  return {
    url,
    // taskset execs node, so the child is the server itself.
    pid: child.pid,
    async stop() {
      const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
      child.kill('SIGTERM');
      await exited;
      rmSync(bodyFile, { force: true });
      rmSync(groupsFile, { force: true });
    },
  };
}

/** A wrk script that asks a new question every request: a 3-letter `lang` from 17,576, so no answer is reused. */
function distinctLangScript() {
  const file = join(tmpdir(), `peer-distinct-lang-${process.pid}.lua`);
  writeFileSync(
    file,
    `local i = 0
request = function()
  i = i + 1
  local a = string.char(97 + i % 26)
  local b = string.char(97 + math.floor(i / 26) % 26)
  local c = string.char(97 + math.floor(i / 676) % 26)
  return wrk.format("GET", "/api/v1/crisis-resources?country=US&lang=" .. a .. b .. c)
end
`,
  );
  return file;
}

/**
 * A wrk script that POSTs the same JSON body with a new Idempotency-Key every request (unique across runs), so the
 * server does the real work each time instead of replaying.
 */
function uniqueKeyPostScript(name, body) {
  const file = join(tmpdir(), `peer-${name}-${process.pid}.lua`);
  writeFileSync(
    file,
    `math.randomseed(os.time())
local prefix = "bench-${name}-" .. os.time() .. "-" .. math.random(1, 1000000000) .. "-"
local i = 0
local body = '${body}'
request = function()
  i = i + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = prefix .. i }, body)
end
`,
  );
  return file;
}

/** A wrk script that sends a supporter's bearer token with every request. */
function bearerScript(token) {
  const file = join(tmpdir(), `peer-bearer-${process.pid}.lua`);
  writeFileSync(file, `wrk.headers["Authorization"] = "Bearer ${token}"\n`);
  return file;
}

/** Drops the bench's schema on PostgreSQL (with pg from the server's dependencies). */
async function dropSchema(repo, url, schema) {
  const require = createRequire(join(repo, 'server', 'package.json'));
  const { default: pg } = await import(require.resolve('pg'));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

function toMs(value, unit) {
  const number = Number(value);
  return unit === 'us' ? number / 1000 : unit === 's' ? number * 1000 : number;
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU time (user + system, ms) the process has used: what a request costs, whoever else shares the machine. */
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/**
 * One wrk run pinned to core 1 (after a one-second warm-up): requests/s and p99 in ms, which depend on what else
 * the machine runs, and the server's CPU time per request, which does much less.
 */
function load(url, path, { duration, connections, script, pid }) {
  const run = (seconds) => {
    const args = [
      '-t1',
      `-c${connections}`,
      `-d${seconds}s`,
      '--latency',
      ...(script ? ['-s', script] : []),
      `${url}${path}`,
    ];
    const [command, pinnedArgs] = pinned(1, 'wrk', args);
    const result = spawnSync(command, pinnedArgs, { encoding: 'utf8', timeout: (seconds + 30) * 1000 });
    if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  run(1);
  const cpuBefore = cpuMsOf(pid);
  const output = run(duration);
  const cpuMs = cpuMsOf(pid) - cpuBefore;
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? NaN);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN);
  const p50 = /\s50%\s+([\d.]+)(us|ms|s)\b/.exec(output);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)\b/.exec(output);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socketErrors = /Socket errors: (.*)/.exec(output)?.[1];
  return {
    rps: Math.round(rps),
    p50Ms: p50 ? Math.round(toMs(p50[1], p50[2]) * 100) / 100 : NaN,
    p99Ms: p99 ? Math.round(toMs(p99[1], p99[2]) * 100) / 100 : NaN,
    cpuUsPerRequest: Math.round((cpuMs * 1000) / requests),
    failed: non2xx,
    ...(socketErrors ? { socketErrors } : {}),
  };
}

/**
 * Adds rows of other countries straight into the (stopped) server's PGlite directory, as a bulk import would:
 * national lines of GB in pairs and regional lines of CA, each padded to the size of a real record. Only columns
 * every schema version has, so old checkouts get the same rows.
 */
async function addOtherCountries(repo, dataDir, count) {
  const require = createRequire(join(repo, 'server', 'package.json'));
  const { PGlite } = await import(require.resolve('@electric-sql/pglite'));
  const pg = await PGlite.create(dataDir);
  try {
    await pg.query(
      `INSERT INTO crisis_resources (id, record, name, country, subdivisions, scope, languages, topics, priority,
         verified_at)
       SELECT 'bulk-' || g,
              jsonb_build_object('id', 'bulk-' || g, 'name', 'Bulk line ' || g,
                'country', CASE WHEN g % 4 = 0 THEN 'CA' ELSE 'GB' END,
                'pairedWith', CASE WHEN g % 2 = 0 THEN jsonb_build_array('bulk-' || (g - 1))
                                   ELSE jsonb_build_array('bulk-' || (g + 1)) END,
                'description', repeat('A line in another country. ', 50)),
              'Bulk line ' || g,
              CASE WHEN g % 4 = 0 THEN 'CA' ELSE 'GB' END,
              CASE WHEN g % 4 = 0 THEN ARRAY['CA-ON'] ELSE ARRAY[]::text[] END,
              CASE WHEN g % 4 = 0 THEN 'regional' ELSE 'national' END,
              ARRAY['en'], ARRAY['general'], g % 100, DATE '2025-01-01'
         FROM generate_series(1, $1::int) AS g`,
      [count],
    );
  } finally {
    await pg.close();
  }
}

/** Writes the generated groups into a stopped server's database (PGlite directory or PostgreSQL schema). */
function generateGroups(repo, env) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/seed/generate-groups.ts', String(GENERATED_GROUPS)],
    { cwd: join(repo, 'server'), env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20 * 60_000 },
  );
  if (result.status !== 0) throw new Error(`generating groups failed: ${result.stderr || result.stdout}`);
  return Number(/in (\d+) ms/.exec(result.stdout)?.[1] ?? NaN);
}

/**
 * Adds a trained supporter to a stopped server's database with the command line (password from stdin), so the bench
 * can sign in. Returns false for a checkout without the command (before issue 10).
 */
function addBenchSupporter(repo, env) {
  const cli = join(repo, 'server', 'src', 'cli', 'supporters.ts');
  if (!existsSync(cli)) return false;
  const run = (args, input = '') => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: join(repo, 'server'),
      env: { ...process.env, ...env },
      input,
      encoding: 'utf8',
      timeout: 5 * 60_000,
    });
    if (result.status !== 0) throw new Error(`supporters ${args[0]} failed: ${result.stderr || result.stdout}`);
  };
  run(['add', BENCH_SUPPORTER.login, '--name', 'Bench', '--password-stdin'], `${BENCH_SUPPORTER.password}\n`);
  run(['train', BENCH_SUPPORTER.login, '--completed', new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)]);
  return true;
}

/** Queues `count` requests through the API, ten at a time. */
async function queueRequests(url, count) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const response = await fetch(`${url}${PEER_REQUEST_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `bench-queue-${process.pid}-${next}` },
        body: PEER_REQUEST_BODY,
      });
      if (response.status !== 201) throw new Error(`queueing a request answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
}

/** A path under load: latency with one connection (no queueing), then requests/s with the usual connections. */
function latencyAndRate(target, path, options, script) {
  const one = load(target.url, path, { ...options, connections: 1, pid: target.pid, script });
  const many = load(target.url, path, { ...options, pid: target.pid, script });
  return {
    p50Ms: one.p50Ms,
    p99Ms: one.p99Ms,
    cpuUsPerRequest: one.cpuUsPerRequest,
    rps: many.rps,
    failed: one.failed + many.failed,
  };
}

/**
 * Peer requests on one database: a supporter added with the command line, 1,000 requests queued through the API, then
 * GET /supporter/queue and POST /peer-requests under load.
 */
async function peerRequestRound(options, env, label) {
  const peerEnv = { ...env, PEER_REQUEST_RATE_LIMIT: '0', SIGN_IN_RATE_LIMIT: '0', PURGE_INTERVAL_MINUTES: '0' };
  if (!addBenchSupporter(options.repo, peerEnv)) return [];
  const server = await startRealServer(options.repo, peerEnv);
  const scripts = [];
  try {
    const started = performance.now();
    await queueRequests(server.url, QUEUED_REQUESTS);
    const queueMs = Math.round(performance.now() - started);
    const signIn = await fetch(`${server.url}/api/v1/supporter/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(BENCH_SUPPORTER),
    });
    if (signIn.status !== 201) throw new Error(`bench sign-in answered ${signIn.status}`);
    const { token } = await signIn.json();
    scripts.push(bearerScript(token), uniqueKeyPostScript('peer-request', PEER_REQUEST_BODY));
    const queue = latencyAndRate(server, SUPPORTER_QUEUE_PATH, options, scripts[0]);
    const create = latencyAndRate(server, PEER_REQUEST_PATH, options, scripts[1]);
    return [
      { target: label, request: `GET supporter/queue (${QUEUED_REQUESTS} queued)`, ...queue, queueMs },
      { target: label, request: `POST peer-requests (${QUEUED_REQUESTS}+ queued)`, ...create },
    ];
  } finally {
    await server.stop();
    for (const script of scripts) rmSync(script, { force: true });
  }
}

/** Peer requests on PGlite and (when named) PostgreSQL. */
async function measurePeerRequests(options, work, env) {
  const rows = await peerRequestRound(options, { ...env, DATA_DIR: join(work, 'pglite-peer') }, 'server on PGlite');
  if (POSTGRES_URL) {
    const schema = `bench_peer_${process.pid}`;
    try {
      rows.push(
        ...(await peerRequestRound(
          options,
          { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema },
          'server on PostgreSQL',
        )),
      );
    } finally {
      await dropSchema(options.repo, POSTGRES_URL, schema);
    }
  }
  return rows;
}

function printPeerRequests(rows, options) {
  printTable(
    `Peer requests (p50/p99 with 1 connection, req/s with ${options.connections}; CPU of the server process per request at 1 connection; rate limits off)`,
    ['target', 'request', 'p50 ms', 'p99 ms', 'req/s', 'CPU µs/req', 'failed'],
    rows.map((row) => [row.target, row.request, row.p50Ms, row.p99Ms, row.rps, row.cpuUsPerRequest, row.failed]),
  );
}

/** GET /groups: latency with one connection (no queueing), then requests/s with the usual connections. */
function groupsLoad(target, label, options, extra = {}) {
  const one = load(target.url, GROUPS_PATH, { ...options, connections: 1, pid: target.pid });
  const many = load(target.url, GROUPS_PATH, { ...options, pid: target.pid });
  return {
    target: label,
    p50Ms: one.p50Ms,
    p99Ms: one.p99Ms,
    cpuUsPerRequest: one.cpuUsPerRequest,
    rps: many.rps,
    failed: one.failed + many.failed,
    ...extra,
  };
}

/**
 * GET /groups on PGlite and (when named) PostgreSQL, each with the generated groups written in before the server
 * starts; returns the rows and the PGlite answer's bytes for the bare server.
 */
async function measureGroups(options, work, env) {
  const measured = [];
  const groupsEnv = { ...env, DATA_DIR: join(work, 'pglite-groups'), PURGE_INTERVAL_MINUTES: '0' };
  const pgliteGenerateMs = generateGroups(options.repo, groupsEnv);
  const pgliteGroups = await startRealServer(options.repo, groupsEnv);
  const groupsBody = await (await fetch(`${pgliteGroups.url}${GROUPS_PATH}`)).text();
  measured.push(groupsLoad(pgliteGroups, 'server on PGlite', options, { generateMs: pgliteGenerateMs }));
  await pgliteGroups.stop();

  if (POSTGRES_URL) {
    const schema = `bench_groups_${process.pid}`;
    const postgresEnv = { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema, PURGE_INTERVAL_MINUTES: '0' };
    try {
      const postgresGenerateMs = generateGroups(options.repo, postgresEnv);
      const postgres = await startRealServer(options.repo, postgresEnv);
      measured.push(groupsLoad(postgres, 'server on PostgreSQL', options, { generateMs: postgresGenerateMs }));
      await postgres.stop();
    } finally {
      await dropSchema(options.repo, POSTGRES_URL, schema);
    }
  }

  return { groups: measured, groupsBody };
}

async function loadRound(target, label, baseOptions, langScript) {
  const options = { ...baseOptions, pid: target.pid };
  return [
    {
      target: label,
      request: 'GET crisis-resources?country=US (same question)',
      ...load(target.url, CRISIS_PATH, options),
    },
    {
      target: label,
      request: 'GET crisis-resources?country=US&lang=<new each time>',
      ...load(target.url, CRISIS_PATH, { ...options, script: langScript }),
    },
    { target: label, request: 'GET health', ...load(target.url, HEALTH_PATH, options) },
  ];
}

export async function runServerBench(options) {
  const work = mkdtempSync(join(tmpdir(), 'peer-server-bench-'));
  const dataDir = join(work, 'pglite');
  // A template directory of its own, so the first start is that of a machine that never ran the server.
  const env = { DATA_DIR: dataDir, PGLITE_TEMPLATE_DIR: join(work, 'templates') };
  const langScript = distinctLangScript();
  const postScript = uniqueKeyPostScript('check-in', CHECK_IN_BODY);
  const starts = [];
  const loads = [];
  const checkIns = [];
  const groups = [];
  const postLoad = (target, label) => ({
    target: label,
    request: 'POST check-ins (new key each)',
    ...load(target.url, CHECK_IN_PATH, { ...options, script: postScript, pid: target.pid }),
  });
  // Every check-in is stored; no limit, and no purge running in the middle of a measurement.
  const checkInEnv = { CHECK_IN_RATE_LIMIT: '0', PURGE_INTERVAL_MINUTES: '0' };
  try {
    const first = await startRealServer(options.repo, env);
    starts.push({
      start: 'first start (no data, no template)',
      readyMs: first.readyMs,
      ...first.atReady,
      ...(await first.stop()),
    });

    const fresh = await startRealServer(options.repo, { ...env, DATA_DIR: join(work, 'pglite-second') });
    starts.push({
      start: 'new database (template ready)',
      readyMs: fresh.readyMs,
      ...fresh.atReady,
      ...(await fresh.stop()),
    });

    const real = await startRealServer(options.repo, env);
    const restart = { start: 'restart (same data)', readyMs: real.readyMs, ...real.atReady };
    const crisisBody = await (await fetch(`${real.url}${CRISIS_PATH}`)).text();
    loads.push(...(await loadRound(real, 'server', options, langScript)));
    const afterLoad = memoryOf(real.nodePid);
    starts.push({
      ...restart,
      ...(await real.stop()),
      rssAfterLoadKb: afterLoad.rssKb,
      hwmAfterLoadKb: afterLoad.hwmKb,
    });

    await addOtherCountries(options.repo, dataDir, ROWS_OF_OTHER_COUNTRIES);
    const crowded = await startRealServer(options.repo, env);
    const crowdedBody = await (await fetch(`${crowded.url}${CRISIS_PATH}`)).text();
    const sameAnswer = JSON.stringify(JSON.parse(crowdedBody).items) === JSON.stringify(JSON.parse(crisisBody).items);
    loads.push(...(await loadRound(crowded, `server + ${ROWS_OF_OTHER_COUNTRIES} rows`, options, langScript)));
    await crowded.stop();

    const pgliteCheckIns = await startRealServer(options.repo, { ...env, ...checkInEnv });
    checkIns.push(postLoad(pgliteCheckIns, 'server on PGlite'));
    await pgliteCheckIns.stop();

    if (POSTGRES_URL) {
      const schema = `bench_${process.pid}`;
      try {
        const postgres = await startRealServer(options.repo, {
          ...checkInEnv,
          DATABASE_URL: POSTGRES_URL,
          DATABASE_SCHEMA: schema,
        });
        checkIns.push(postLoad(postgres, 'server on PostgreSQL'));
        await postgres.stop();
      } finally {
        await dropSchema(options.repo, POSTGRES_URL, schema);
      }
    }

    const groupRun = await measureGroups(options, work, env);
    groups.push(...groupRun.groups);
    const peerRequests = await measurePeerRequests(options, work, env);

    const bare = await startBareServer(options.repo, crisisBody, groupRun.groupsBody);
    loads.push(...(await loadRound(bare, 'bare Hono', options, langScript)));
    checkIns.push(postLoad(bare, 'bare Hono'));
    groups.push(groupsLoad(bare, 'bare Hono (same bytes)', options));
    await bare.stop();

    return {
      repo: options.repo,
      duration: options.duration,
      connections: options.connections,
      starts,
      loads,
      checkIns,
      groups,
      peerRequests,
      postgres: Boolean(POSTGRES_URL),
      sameAnswer,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(langScript, { force: true });
    rmSync(postScript, { force: true });
  }
}

function mib(kb) {
  return Number.isFinite(kb) ? Math.round(kb / 1024) : '-';
}

function printTable(title, header, rows) {
  const widths = header.map((cell, column) =>
    Math.max(String(cell).length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) => cells.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

/** The tables of the crisis, health and check-in loads and of the starts. */
function printServerTables(result, options) {
  printTable(
    `Load (${options.connections} connections, ${options.duration} s each after 1 s warm-up; server on core 0, wrk on core 1; ${result.repo})`,
    ['target', 'request', 'req/s', 'p99 ms', 'CPU µs/req', 'failed'],
    result.loads.map((row) => [
      row.target,
      row.request,
      row.rps,
      row.p99Ms,
      row.cpuUsPerRequest,
      row.failed + (row.socketErrors ? ` (${row.socketErrors})` : ''),
    ]),
  );
  console.log(`US answer with ${ROWS_OF_OTHER_COUNTRIES} rows of other countries is the same: ${result.sameAnswer}`);
  printTable(
    `POST ${CHECK_IN_PATH} (a WHO-5 check-in, new Idempotency-Key each, rate limit off; same cores as above; CPU of the server process, not PostgreSQL's)`,
    ['target', 'req/s', 'p99 ms', 'CPU µs/req', 'failed'],
    result.checkIns.map((row) => [
      row.target,
      row.rps,
      row.p99Ms,
      row.cpuUsPerRequest,
      row.failed + (row.socketErrors ? ` (${row.socketErrors})` : ''),
    ]),
  );
  if (!result.postgres) console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  printTable(
    'Embedded database start (PGlite, SEED=demo; MiB; "peak" includes child processes such as the template build)',
    ['start', 'ready ms', 'RSS at ready', 'own peak at ready', 'peak', 'RSS after load'],
    result.starts.map((row) => [
      row.start,
      Math.round(row.readyMs),
      mib(row.rssKb),
      mib(row.hwmKb),
      mib(row.peakWithChildrenKb),
      row.rssAfterLoadKb === undefined ? '' : mib(row.rssAfterLoadKb),
    ]),
  );
}

/** `--only groups`: the GET /groups figures alone, next to the bare server answering the same bytes. */
async function runGroupsOnly(options) {
  const work = mkdtempSync(join(tmpdir(), 'peer-server-bench-'));
  const env = { PGLITE_TEMPLATE_DIR: join(work, 'templates') };
  try {
    const run = await measureGroups(options, work, env);
    const bare = await startBareServer(options.repo, '{}', run.groupsBody);
    run.groups.push(groupsLoad(bare, 'bare Hono (same bytes)', options));
    await bare.stop();
    return { repo: options.repo, groups: run.groups, postgres: Boolean(POSTGRES_URL) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  if (!have('wrk')) {
    console.error('server-bench: wrk is needed (apt-get install -y wrk).');
    process.exit(1);
  }
  if (options.only === 'peer-requests') {
    const work = mkdtempSync(join(tmpdir(), 'peer-server-bench-'));
    try {
      const rows = await measurePeerRequests(options, work, { PGLITE_TEMPLATE_DIR: join(work, 'templates') });
      printPeerRequests(rows, options);
      if (options.json)
        writeFileSync(options.json, `${JSON.stringify({ repo: options.repo, peerRequests: rows }, null, 2)}\n`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    process.exit(0);
  }
  const result = options.only === 'groups' ? await runGroupsOnly(options) : await runServerBench(options);
  if (options.only !== 'groups') printServerTables(result, options);
  if (result.peerRequests) printPeerRequests(result.peerRequests, options);
  printTable(
    `GET /api/v1/groups, three filters and free text, over ${GENERATED_GROUPS} generated + 30 demo groups (p50/p99 with 1 connection, req/s with ${options.connections}; CPU of the server process per request at 1 connection)`,
    ['target', 'p50 ms', 'p99 ms', 'req/s', 'CPU µs/req', 'failed', 'generating ms'],
    result.groups.map((row) => [
      row.target,
      row.p50Ms,
      row.p99Ms,
      row.rps,
      row.cpuUsPerRequest,
      row.failed,
      row.generateMs ?? '',
    ]),
  );
  if (options.json) writeFileSync(options.json, `${JSON.stringify(result, null, 2)}\n`);
  process.exit(0);
}
