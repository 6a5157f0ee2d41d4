import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../src/db/database.ts';
import { migrate, readMigrations } from '../src/db/migrate.ts';
import { openDatabase, type DatabaseConfig } from '../src/db/open-database.ts';
import { defaultPaths } from '../src/paths.ts';
import { startServer } from '../src/server.ts';
import {
  describeEachDatabase,
  testDatabaseUrl,
  openPostgresTestDatabase,
  type TestDatabase,
} from './helpers/databases.ts';

const migrationFiles = (await readdir(defaultPaths.migrations)).filter((file) => file.endsWith('.sql'));

async function appliedVersions(db: Database): Promise<number[]> {
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((row) => row.version);
}

async function copyOfMigrations(): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'peer-migrations-'));
  await cp(defaultPaths.migrations, directory, { recursive: true });
  return directory;
}

describe('migration files', () => {
  it('are named NNN_name.sql with unique versions, in order', async () => {
    const migrations = await readMigrations(defaultPaths.migrations);
    assert.equal(migrations.length, migrationFiles.length);
    assert.deepEqual(
      migrations.map((migration) => migration.version),
      [...migrations.map((migration) => migration.version)].sort((a, b) => a - b),
    );
  });
});

describe('restart on the same PGlite data directory', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'peer-pglite-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('applies migrations once and keeps the data across restarts', { timeout: 120_000 }, async () => {
    const config: DatabaseConfig = { kind: 'pglite', dataDir };
    const first = await startServer({ port: 0, database: config, logLevel: 'silent', seed: 'demo' });
    await first.close();
    const second = await startServer({ port: 0, database: config, logLevel: 'silent' });
    try {
      const versions = (await readMigrations(defaultPaths.migrations)).map((migration) => migration.version);
      assert.deepEqual(await appliedVersions(second.db), versions);
      const response = await fetch(`${second.url}/api/v1/config`);
      assert.equal(((await response.json()) as { campusName: string }).campusName, 'Northfield University');
    } finally {
      await second.close();
    }
  });
});

describeEachDatabase('migrator', (target) => {
  let db: TestDatabase;
  let directory: string;

  before(async () => {
    db = await target.open();
    directory = await copyOfMigrations();
  });
  after(async () => {
    await db?.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  it('applies every migration the first time and none the second', async () => {
    const first = await migrate(db.database, directory);
    assert.equal(first.applied.length, migrationFiles.length);
    const again = await migrate(db.database, directory);
    assert.equal(again.applied.length, 0);
    assert.equal(again.alreadyApplied, migrationFiles.length);
    const rows = await db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM campus_config');
    assert.equal(rows[0]?.n, 1, 'the default config row is inserted once');
  });

  it('applies a new migration added later, and only that one', async () => {
    await writeFile(path.join(directory, '900_test_extra.sql'), 'CREATE TABLE test_extra (id integer PRIMARY KEY);');
    const result = await migrate(db.database, directory);
    assert.deepEqual(
      result.applied.map((migration) => migration.version),
      [900],
    );
    await db.database.query('SELECT id FROM test_extra');
  });

  it('rolls back a failing migration completely and leaves it pending', async () => {
    await writeFile(
      path.join(directory, '901_broken.sql'),
      'CREATE TABLE half_done (id integer); SELECT no_such_function();',
    );
    await assert.rejects(migrate(db.database, directory));
    assert.ok(!(await appliedVersions(db.database)).includes(901));
    const tables = await db.database.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
    assert.equal(tables.length, 0);
    await rm(path.join(directory, '901_broken.sql'));
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    await writeFile(path.join(directory, '900_test_extra.sql'), 'CREATE TABLE test_extra (id bigint PRIMARY KEY);');
    await assert.rejects(migrate(db.database, directory), /changed after it was applied/);
  });
});

describe('instances migrating one PostgreSQL at the same moment', () => {
  const skip = testDatabaseUrl ? false : 'TEST_DATABASE_URL is not set, so the PostgreSQL run is skipped';
  it('all succeed and apply each migration exactly once', { skip }, async () => {
    const shared = await openPostgresTestDatabase(testDatabaseUrl!);
    const others = await Promise.all([openDatabase(shared.config), openDatabase(shared.config)]);
    try {
      const results = await Promise.all([shared.database, ...others].map((db) => migrate(db, defaultPaths.migrations)));
      const appliedTotal = results.reduce((sum, result) => sum + result.applied.length, 0);
      assert.equal(appliedTotal, migrationFiles.length);
      assert.equal((await appliedVersions(shared.database)).length, migrationFiles.length);
    } finally {
      await Promise.all(others.map((db) => db.close()));
      await shared.dispose();
    }
  });
});
