import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import type { Database, DatabaseKind } from '../../src/db/database.ts';
import type { DatabaseConfig } from '../../src/db/open-database.ts';
import { openPgliteDatabase } from '../../src/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/db/postgres-database.ts';
import { defaultPaths } from '../../src/paths.ts';

export interface TestDatabase {
  kind: DatabaseKind;
  database: Database;
  /** How to open another connection to the same data (a second server instance, a child process). */
  config: DatabaseConfig;
  dispose(): Promise<void>;
}

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** A reason to skip (node:test reports it), or false. */
  skip: string | false;
  open(): Promise<TestDatabase>;
}

const postgresUrl = process.env.TEST_DATABASE_URL?.trim();

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A fresh schema per call, dropped on dispose, so runs never see each other's rows. */
export async function openPostgresTestDatabase(url: string): Promise<TestDatabase> {
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const database = await openPostgresDatabase({ connectionString: url, schema });
  return {
    kind: 'postgresql',
    database,
    config: { kind: 'postgresql', url, schema },
    async dispose() {
      await database.close();
      await dropSchema(url, schema);
    },
  };
}

/**
 * Each test file opens one PGlite database (in memory) and shares it between its tests and servers. It is loaded
 * from the prepared template (made by the first file that needs it), which costs about a second instead of initdb's
 * several seconds and 0.8 GB.
 */
export async function openPgliteTestDatabase(): Promise<TestDatabase> {
  const database = await openPgliteDatabase('memory://', { templateRoot: defaultPaths.pgliteTemplates });
  return {
    kind: 'pglite',
    database,
    config: { kind: 'pglite', dataDir: 'memory://' },
    dispose: () => database.close(),
  };
}

/** Every suite runs once per target: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function databaseTargets(): DatabaseTarget[] {
  return [
    { kind: 'pglite', skip: false, open: openPgliteTestDatabase },
    {
      kind: 'postgresql',
      skip: postgresUrl ? false : 'TEST_DATABASE_URL is not set, so the PostgreSQL run is skipped',
      open: () => openPostgresTestDatabase(postgresUrl!),
    },
  ];
}

export const testDatabaseUrl = postgresUrl;

/**
 * Declares the suite once per database. A skipped database still shows up as one skipped test carrying the
 * reason, so the run's totals say that something did not run.
 */
export function describeEachDatabase(title: string, body: (target: DatabaseTarget) => void): void {
  for (const target of databaseTargets()) {
    const name = `${title} on ${target.kind}`;
    if (target.skip) {
      const reason = target.skip;
      describe(name, () => {
        it(`${title} (not run)`, { skip: reason }, () => undefined);
      });
    } else {
      describe(name, () => body(target));
    }
  }
}
