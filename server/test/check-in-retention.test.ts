import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { CheckInResult } from '../src/contract/api-types.ts';
import type { Database, Queryable } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase, type DatabaseConfig } from '../src/db/open-database.ts';
import { defaultPaths, serverRoot } from '../src/paths.ts';
import { purgeExpiredCheckIns } from '../src/retention/purge-check-ins.ts';
import { runPurge } from '../src/retention/run-purge.ts';
import { schedulePurge } from '../src/retention/purge-schedule.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { moodCheckIn, postCheckIn, writeDemoConfig } from './helpers/check-in-fixtures.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

const NO_LIMIT = { checkIns: { rateLimit: null } } as const;

async function exists(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM check_ins WHERE id = $1', [id])).length > 0;
}

async function followUpsOf(db: Queryable, id: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM check_in_follow_ups WHERE check_in_id = $1',
    [id],
  );
  return row!.n;
}

/** Moves a check-in (and its follow-up) back in time, as if it had arrived `days` ago. */
async function backdate(db: Queryable, id: string, days: number): Promise<void> {
  await db.query(`UPDATE check_ins SET received_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);
  await db.query(
    `UPDATE check_in_follow_ups SET received_at = now() - make_interval(days => $2) WHERE check_in_id = $1`,
    [id, days],
  );
}

/** Runs node with tsx in the server folder; a child still running after `timeoutMs` is killed (code null). */
function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: serverRoot,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const runPurgeCommand = (env: NodeJS.ProcessEnv) => runNode(['src/retention/purge-command.ts'], env);

describe('purge schedule', () => {
  it('runs soon after start, then every interval, never twice at once, and stop waits for a run', async () => {
    let runs = 0;
    let running = 0;
    let overlapped = false;
    const schedule = schedulePurge(
      async () => {
        runs += 1;
        running += 1;
        if (running > 1) overlapped = true;
        await sleep(30);
        running -= 1;
      },
      { intervalMs: 5, firstRunDelayMs: 5 },
    );
    while (runs < 3) await sleep(5);
    await schedule.stop();
    assert.equal(running, 0, 'stop waited for the run under way');
    const stoppedAt = runs;
    await sleep(40);
    assert.equal(runs, stoppedAt, 'no run after stop');
    assert.equal(overlapped, false);
  });

  it('never keeps a process alive by itself (its timers are unref’d)', async () => {
    const code = `import { schedulePurge } from './src/retention/purge-schedule.ts';
      schedulePurge(async () => {}, { intervalMs: 60000, firstRunDelayMs: 60000 });`;
    // Exits at once when nothing else holds it; a held process is killed at 20 s and has no exit code.
    const result = await runNode(['--input-type=module', '-e', code], {}, 20_000);
    assert.equal(result.code, 0, result.stderr);
  });
});

describeEachDatabase('check-in retention', (target) => {
  let db: TestDatabase;
  let server: TestServer;

  async function checkIn(withFollowUp: boolean): Promise<string> {
    const body = moodCheckIn({
      answers: { level: 2, note: 'gone after retention' },
      ...(withFollowUp
        ? { followUp: { contact: { channel: 'email', value: 'kept@example.com' }, consentVersion: 'v1' } }
        : {}),
    });
    const response = await postCheckIn(server.url, body);
    assert.equal(response.status, 201);
    return ((await response.json()) as CheckInResult).id;
  }

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database, { seed: 'demo', retention: { intervalMs: 0 }, ...NO_LIMIT });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('deletes check-ins older than retentionDays with their follow-ups, and keeps the rest', async () => {
    const old = await checkIn(true);
    const oldDone = await checkIn(true);
    await db.database.query(`UPDATE check_in_follow_ups SET done_at = now(), contact = NULL WHERE check_in_id = $1`, [
      oldDone,
    ]);
    const young = await checkIn(true);
    const edge = await checkIn(false);
    await backdate(db.database, old, 31);
    await backdate(db.database, oldDone, 45);
    await backdate(db.database, young, 29);
    // A minute short of the 30 days the demo campus keeps check-ins.
    await db.database.query(
      `UPDATE check_ins SET received_at = now() - interval '30 days' + interval '1 minute' WHERE id = $1`,
      [edge],
    );

    const purged = await purgeExpiredCheckIns(db.database);
    assert.deepEqual(purged, { retentionDays: 30, checkIns: 2, followUps: 2 });
    assert.equal(await exists(db.database, old), false);
    assert.equal(await exists(db.database, oldDone), false);
    assert.equal(await followUpsOf(db.database, old), 0);
    assert.equal(await exists(db.database, young), true);
    assert.equal(await followUpsOf(db.database, young), 1);
    assert.equal(await exists(db.database, edge), true);
    assert.deepEqual(await purgeExpiredCheckIns(db.database), { retentionDays: 30, checkIns: 0, followUps: 0 });
  });

  it('goes by the campus setting', async () => {
    const id = await checkIn(false);
    await backdate(db.database, id, 3);
    const recent = await checkIn(false);
    await backdate(db.database, recent, 1);
    await writeDemoConfig(db.database, { retentionDays: 2 });
    try {
      const purged = await purgeExpiredCheckIns(db.database);
      assert.equal(purged.retentionDays, 2);
      assert.ok(purged.checkIns >= 1);
      assert.equal(await exists(db.database, id), false);
      assert.equal(await exists(db.database, recent), true);
    } finally {
      await writeDemoConfig(db.database);
    }
  });

  it('runs inside the server soon after start and then on its interval', async () => {
    const first = await checkIn(true);
    await backdate(db.database, first, 40);
    const scheduled = await startTestServer(db.database, {
      retention: { intervalMs: 50, firstRunDelayMs: 10 },
      ...NO_LIMIT,
    });
    try {
      for (let attempt = 0; attempt < 100 && (await exists(db.database, first)); attempt += 1) await sleep(20);
      assert.equal(await exists(db.database, first), false, 'the first run deleted it');
      const second = await checkIn(false);
      await backdate(db.database, second, 40);
      for (let attempt = 0; attempt < 100 && (await exists(db.database, second)); attempt += 1) await sleep(20);
      assert.equal(await exists(db.database, second), false, 'a later run deleted it');
    } finally {
      await scheduled.close();
    }
    const afterClose = await checkIn(false);
    await backdate(db.database, afterClose, 40);
    await sleep(200);
    assert.equal(await exists(db.database, afterClose), true, 'no run after the server closed');
    await purgeExpiredCheckIns(db.database);
  });

  it('runs as a command that says how many it deleted', { timeout: 120_000 }, async () => {
    let config: DatabaseConfig = db.config;
    let directory: string | undefined;
    let database: Database = db.database;
    if (db.kind === 'pglite') {
      // The command opens the database itself, so it needs one on disk that no other process has open.
      directory = await mkdtemp(path.join(tmpdir(), 'peer-purge-'));
      config = { kind: 'pglite', dataDir: path.join(directory, 'data'), templateRoot: defaultPaths.pgliteTemplates };
      database = await openDatabase(config);
      await migrate(database, defaultPaths.migrations);
      await writeDemoConfig(database);
    }
    const env =
      config.kind === 'pglite'
        ? { DATA_DIR: config.dataDir, PGLITE_TEMPLATE_DIR: defaultPaths.pgliteTemplates }
        : { DATABASE_URL: config.url, DATABASE_SCHEMA: config.schema };
    try {
      await database.query(
        `INSERT INTO check_ins (id, instrument, answers, safety_concern, locale, band, mood_level, received_at)
         VALUES ('ci_cmdold1', 'mood', '{"level":3}', false, 'en', NULL, 3, now() - interval '31 days'),
                ('ci_cmdold2', 'who5', '[1,1,1,1,1]', false, 'en', 'very-low', NULL, now() - interval '90 days'),
                ('ci_cmdyoung', 'mood', '{"level":4}', false, 'en', NULL, 4, now() - interval '1 day')`,
      );
      if (database !== db.database) {
        await assert.rejects(runPurge(config), /open in another process/);
        await database.close();
      }
      const result = await runPurgeCommand(env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^Deleted 2 check-in\(s\) older than 30 day\(s\), with 0 follow-up request\(s\)/);
      if (database !== db.database) database = await openDatabase(config);
      assert.equal(await exists(database, 'ci_cmdold1'), false);
      assert.equal(await exists(database, 'ci_cmdyoung'), true);
    } finally {
      if (database !== db.database) await database.close();
      if (directory) await rm(directory, { recursive: true, force: true });
    }
  });
});
