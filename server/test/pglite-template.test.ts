import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migrate } from '../src/db/migrate.ts';
import { openPgliteDatabase } from '../src/db/pglite-database.ts';
import { ensurePgliteTemplate } from '../src/db/pglite-template.ts';
import { optionsFromEnv } from '../src/env.ts';
import { defaultPaths } from '../src/paths.ts';

/** New embedded databases start from a prepared template instead of running initdb in the server's process. */
describe('the prepared PGlite template', () => {
  let scratch: string;
  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'peer-pglite-template-'));
  });
  after(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('is made once on a machine without one, in a child process, and then reused', { timeout: 180_000 }, async () => {
    const root = path.join(scratch, 'templates');
    const [first, second] = await Promise.all([ensurePgliteTemplate(root), ensurePgliteTemplate(root)]);
    assert.deepEqual(first, second, 'callers at the same time share one build');
    assert.ok(existsSync(path.join(first.dataDir, 'PG_VERSION')));
    assert.ok((await stat(first.tarball)).size > 0);
    assert.deepEqual(await readdir(root), [path.basename(path.dirname(first.dataDir))], 'no build left behind');
    const madeAt = (await stat(first.tarball)).mtimeMs;
    assert.deepEqual(await ensurePgliteTemplate(root), first);
    assert.equal((await stat(first.tarball)).mtimeMs, madeAt, 'not made again');
  });

  it('gives a new database on disk a copy, and opens an existing one as it is', { timeout: 120_000 }, async () => {
    const dataDir = path.join(scratch, 'data', 'pglite');
    const events: string[] = [];
    const log = (message: string) => events.push(message);
    const db = await openPgliteDatabase(dataDir, { templateRoot: defaultPaths.pgliteTemplates, log });
    try {
      assert.deepEqual(events, ['new embedded database made from the prepared template']);
      await migrate(db, defaultPaths.migrations);
      await db.query(
        "INSERT INTO idempotency_keys (key, method, path, request_hash, claim_token, state) VALUES ('k', 'POST', '/x', 'h', 'c', 'done')",
      );
    } finally {
      await db.close();
    }
    assert.ok(!(await readdir(path.dirname(dataDir))).some((name) => name.includes('.new-')), 'no staging copy left');

    const reopened = await openPgliteDatabase(dataDir, { templateRoot: defaultPaths.pgliteTemplates, log });
    try {
      assert.equal(events.length, 1, 'an existing database is not replaced');
      const rows = await reopened.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys');
      assert.equal(rows[0]?.n, 1, 'its data is kept');
    } finally {
      await reopened.close();
    }
  });

  it('loads each in-memory database from the tarball, each with its own data', async () => {
    const events: string[] = [];
    const open = () =>
      openPgliteDatabase('memory://', {
        templateRoot: defaultPaths.pgliteTemplates,
        log: (message) => events.push(message),
      });
    const one = await open();
    const other = await open();
    try {
      await one.exec('CREATE TABLE only_here (id integer)');
      const found = await other.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'only_here'");
      assert.equal(found.length, 0);
      assert.deepEqual(events, Array(2).fill('new embedded database made from the prepared template'));
    } finally {
      await one.close();
      await other.close();
    }
  });

  it('is configured from PGLITE_TEMPLATE_DIR, and "none" leaves initdb to PGlite', () => {
    const at = (env: NodeJS.ProcessEnv) => {
      const { database } = optionsFromEnv(env);
      return database && 'dataDir' in database ? database.templateRoot : 'not pglite';
    };
    assert.equal(at({}), defaultPaths.pgliteTemplates);
    assert.equal(at({ PGLITE_TEMPLATE_DIR: '/srv/templates' }), path.resolve('/srv/templates'));
    assert.equal(at({ PGLITE_TEMPLATE_DIR: 'none' }), null);
    assert.equal(at({ DATABASE_URL: 'postgres://db/peer' }), 'not pglite');
  });
});
