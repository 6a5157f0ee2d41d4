import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, it } from 'node:test';
import { serverRoot } from '../src/paths.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { createTestState } from './helpers/test-handlers.ts';
import { startTestServer } from './helpers/test-server.ts';

const LISTENING = /^peer-support server listening on (http:\/\/127\.0\.0\.1:(\d+))$/;

describeEachDatabase('graceful shutdown', (target) => {
  let db: TestDatabase;

  before(async () => {
    db = await target.open();
  });
  after(async () => {
    await db?.dispose();
  });

  it('finishes in-flight requests, refuses new connections, then resolves close()', async () => {
    const state = createTestState();
    const server = await startTestServer(db.database, { state });
    const inFlight = fetch(`${server.url}/api/v1/test-only/slow`);
    await state.gate.entered;

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(closed, false, 'close() waits for the request in flight');
    await assert.rejects(fetch(`${server.url}/api/v1/health`), 'no new connections once closing');

    state.gate.open();
    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('connection'), 'close');
    assert.deepEqual(await response.json(), { done: true });
    await closing;
    assert.equal(closed, true);
  });

  it('gives up on a request that outlives the shutdown timeout', async () => {
    const state = createTestState();
    const server = await startTestServer(db.database, { state, shutdownTimeoutMs: 200 });
    const stuck = fetch(`${server.url}/api/v1/test-only/slow`).then(
      () => 'answered',
      () => 'cut off',
    );
    await state.gate.entered;
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 5_000);
    assert.equal(await stuck, 'cut off');
    state.gate.open();
  });

  it('main.ts prints its address, serves, and exits 0 on SIGTERM', { timeout: 60_000 }, async () => {
    const databaseEnv =
      db.config.kind === 'postgresql'
        ? { DATABASE_URL: db.config.url, DATABASE_SCHEMA: db.config.schema ?? '' }
        : { DATA_DIR: 'memory://' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverRoot,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED: '', ...databaseEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;

    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout });
    const address = await new Promise<string>((resolve, reject) => {
      reader.on('line', (line) => {
        lines.push(line);
        const match = LISTENING.exec(line);
        if (match) resolve(match[1]!);
      });
      void exited.then(() => reject(new Error(`server exited early: ${stderr}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const index = lines.findIndex((line) => LISTENING.test(line));
    assert.equal(lines[index + 1], `demo page: ${address}/`);
    assert.equal(lines.filter((line) => LISTENING.test(line)).length, 1);

    const health = await fetch(`${address}/api/v1/health`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { database: string }).database, target.kind);

    child.kill('SIGTERM');
    const [code, signal] = await exited;
    assert.equal(signal, null, stderr);
    assert.equal(code, 0, stderr);
    assert.ok(lines.some((line) => line.includes('"msg":"stopped"')));
  });
});
