import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seedDemoSupporters } from '../src/seed/demo-supporters.ts';
import type { DemoSignIn, SeedContext } from '../src/seed/seeder.ts';
import { runSupporterCommand, UsageError, type CommandContext } from '../src/supporters/supporter-commands.ts';
import { findSupporterByLogin, listShifts } from '../src/supporters/supporter-repository.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { campusDate, postSignIn, writePeerCampus } from './helpers/peer-request-fixtures.ts';
import { startTestServer, TEST_PASSWORD_COST, type TestServer } from './helpers/test-server.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
/** The demo supporters' step reads no crisis data. */
const NO_CRISIS_DATA = {} as SeedContext['crisisData'];

describeEachDatabase('the supporters command line', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let stdin = '';
  let context: CommandContext;
  const run = (...args: string[]) => runSupporterCommand(args, context);

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database);
    context = { db: db.database, readPassword: async () => stdin, cost: TEST_PASSWORD_COST };
    server = await startTestServer(db.database, { peerRequests: { signInRateLimit: null } });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('adds a supporter with a random password shown once, which signs in', async () => {
    const output = await run('add', 'Alex.P', '--name', 'Alex');
    assert.match(output, /^Added alex\.p \(Alex; supporter\)\./);
    const password = /Password \(shown once\): (\S+)/.exec(output)?.[1];
    assert.ok(password && password.length >= 20);
    assert.equal((await postSignIn(server.url, 'alex.p', password)).status, 201);
    await assert.rejects(run('add', 'ALEX.P', '--name', 'Another Alex'), /already taken/);
  });

  it('takes a password from stdin instead, never from the command line, and refuses a short one', async () => {
    stdin = 'a long enough passphrase\n';
    const output = await run(
      'add',
      'sam',
      '--name',
      'Sam',
      '--role',
      'supporter',
      '--role',
      'supervisor',
      '--password-stdin',
    );
    assert.ok(!output.includes('Password'));
    assert.equal((await postSignIn(server.url, 'sam', 'a long enough passphrase')).status, 201);
    stdin = 'short\n';
    await assert.rejects(run('password', 'sam', '--password-stdin'), UsageError);
    await assert.rejects(run('add', 'x', '--name', 'X', '--role', 'root'), /unknown role/);
  });

  it('records training, a year by default, and says whether it counts today', async () => {
    const completed = campusDate(-10);
    const output = await run('train', 'alex.p', '--completed', completed);
    assert.match(output, /They can claim requests\./);
    const alex = await findSupporterByLogin(db.database, 'alex.p');
    assert.equal(alex!.training.completedOn, completed);
    assert.equal(alex!.training.expiresOn, `${Number(completed.slice(0, 4)) + 1}${completed.slice(4)}`);
    assert.match(await run('train', 'alex.p', '--completed', campusDate(-400), '--expires', campusDate(-35)), /cannot/);
    await assert.rejects(run('train', 'alex.p', '--completed', '2025-02-30'), UsageError);
    await assert.rejects(run('train', 'alex.p', '--completed', '2025-06-01', '--expires', '2025-05-01'), UsageError);
    assert.match(await run('train', 'alex.p', '--clear'), /cannot claim/);
    assert.equal((await findSupporterByLogin(db.database, 'alex.p'))!.training.completedOn, null);
  });

  it('sets weekly shifts on the campus clock, past midnight too, with channels, and clears them', async () => {
    const output = await run('shift', 'alex.p', 'mon', '18:00-23:00', 'FRI', '20:00-02:00', '--channels', 'chat,call');
    assert.match(output, /mon 18:00-23:00 \(chat, call\), fri 20:00-02:00 \(chat, call\)/);
    const alex = await findSupporterByLogin(db.database, 'alex.p');
    assert.deepEqual(await listShifts(db.database, alex!.id), [
      { day: 'mon', opens: '18:00', closes: '23:00', channels: ['chat', 'call'] },
      { day: 'fri', opens: '20:00', closes: '02:00', channels: ['chat', 'call'] },
    ]);
    for (const bad of [['funday', '10:00-12:00'], ['mon', '10:00-10:00'], ['mon', '25:00-26:00'], ['mon']]) {
      await assert.rejects(run('shift', 'alex.p', ...bad), UsageError, bad.join(' '));
    }
    await assert.rejects(run('shift', 'alex.p', 'mon', '10:00-12:00', '--channels', 'carrier-pigeon'), UsageError);
    assert.match(await run('shift', 'alex.p', '--none'), /no shifts/);
    assert.deepEqual(await listShifts(db.database, alex!.id), []);
  });

  it('changes roles, disables and enables accounts, and lists them', async () => {
    assert.match(await run('roles', 'alex.p', 'supporter,supervisor'), /supporter, supervisor/);
    const password = /: (\S+)/.exec(await run('password', 'alex.p'))![1]!;
    assert.match(await run('disable', 'alex.p'), /disabled/);
    assert.equal((await postSignIn(server.url, 'alex.p', password)).status, 401);
    await run('enable', 'alex.p');
    assert.equal((await postSignIn(server.url, 'alex.p', password)).status, 201);
    const list = await run('list');
    assert.match(list, /^alex\.p \(Alex; supporter, supervisor\): no training recorded; no shifts$/m);
    assert.match(list, /^sam \(Sam; supporter, supervisor\)/m);
    await assert.rejects(run('train', 'nobody', '--completed', '2025-01-01'), /no supporter has the login "nobody"/);
    await assert.rejects(run('fly'), UsageError);
  });
});

describe('npm run supporters', () => {
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'supporters-cli-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  function command(args: string[], input = '') {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/supporters.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end(input);
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.on('exit', (code) => resolve({ code, stdout, stderr })),
    );
  }

  it('adds a supporter to the embedded database with a password from stdin, and lists it', async () => {
    const added = await command(['add', 'robin', '--name', 'Robin', '--password-stdin'], 'correct horse battery\n');
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Added robin \(Robin; supporter\)/);
    const listed = await command(['list']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /^robin \(Robin; supporter\): no training recorded; no shifts$/m);
  });

  it('explains its usage after a mistake, and refuses an embedded database the server has open', async () => {
    const mistake = await command(['add', 'robin', '--colour', 'blue']);
    assert.equal(mistake.code, 2);
    assert.match(mistake.stderr, /shift <login> <day>/);
    await writeFile(path.join(dataDir, 'postmaster.pid'), '1\n');
    const refused = await command(['list']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /open in another process/);
  });
});

describeEachDatabase('the demo supporters', (target) => {
  let db: TestDatabase;
  let server: TestServer;

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database, { seed: 'demo', peerRequests: { signInRateLimit: null } });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('are a trained supporter on shift most of the day and a supervisor, whose sign-ins the server hands out', async () => {
    assert.deepEqual(
      server.demoSignIns.map((signIn) => signIn.login),
      ['demo.supporter', 'demo.supervisor'],
    );
    for (const signIn of server.demoSignIns) {
      const response = await postSignIn(server.url, signIn.login, signIn.password);
      assert.equal(response.status, 201);
      const session = (await response.json()) as { supporter: { roles: string[]; training: { current: boolean } } };
      assert.equal(session.supporter.training.current, true);
      assert.ok(session.supporter.roles.includes(signIn.login === 'demo.supervisor' ? 'supervisor' : 'supporter'));
    }
    const sam = await findSupporterByLogin(db.database, 'demo.supporter');
    const shifts = await listShifts(db.database, sam!.id);
    assert.equal(shifts.length, 7);
    assert.ok(shifts.every((shift) => shift.opens === '07:00' && shift.closes === '23:00'));
  });

  it('get new passwords when seeded again, which ends the old sessions', async () => {
    const [old] = server.demoSignIns;
    const response = await postSignIn(server.url, old!.login, old!.password);
    const { token } = (await response.json()) as { token: string };
    const signIns: DemoSignIn[] = [];
    await seedDemoSupporters.run(db.database, {
      crisisData: NO_CRISIS_DATA,
      signIns,
      passwordCost: TEST_PASSWORD_COST,
    });
    assert.equal(signIns.length, 2);
    assert.notEqual(signIns[0]!.password, old!.password);
    assert.equal((await postSignIn(server.url, old!.login, old!.password)).status, 401);
    const queue = await fetch(`${server.url}/api/v1/supporter/queue`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(queue.status, 401);
    const [count] = await db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM supporters WHERE login LIKE 'demo.%'`,
    );
    assert.equal(count!.n, 2);
  });

  it('are never made in production', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await assert.rejects(
        seedDemoSupporters.run(db.database, { crisisData: NO_CRISIS_DATA, signIns: [] }),
        /NODE_ENV=production/,
      );
    } finally {
      if (previous === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = previous;
    }
  });
});
