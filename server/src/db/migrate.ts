import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './database.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: Migration[];
  alreadyApplied: number;
}

const FILE_NAME = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/** Any constant works; it only has to be the same for every instance that migrates this database. */
const MIGRATION_LOCK_ID = 7_238_114;

export async function readMigrations(directory: string): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`Migration file "${file}" must be named NNN_name.sql`);
    const sql = await readFile(path.join(directory, file), 'utf8');
    migrations.push({
      version: Number(match[1]),
      name: match[2]!,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  const versions = new Set<number>();
  for (const migration of migrations) {
    if (versions.has(migration.version)) throw new Error(`Two migrations share version ${migration.version}`);
    versions.add(migration.version);
  }
  return migrations;
}

/**
 * Applies pending migrations in version order, each in its own transaction. A transaction-scoped advisory lock
 * serialises instances that start at the same moment on one PostgreSQL; the second one finds the work done.
 * An applied migration whose file has changed since is an error: history must not be rewritten.
 */
export async function migrate(db: Database, directory: string): Promise<MigrationResult> {
  const migrations = await readMigrations(directory);
  const applied: Migration[] = [];
  let alreadyApplied = 0;

  for (const migration of migrations) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const rows = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (rows[0]) {
        if (rows[0].checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.version}_${migration.name} changed after it was applied; add a new migration instead`,
          );
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (didApply) applied.push(migration);
    else alreadyApplied += 1;
  }
  return { applied, alreadyApplied };
}
