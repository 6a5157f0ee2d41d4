import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { LogFields } from '../logging/logger.ts';
import type { Database, Queryable, Row } from './database.ts';
import { ensurePgliteTemplate, PGLITE_START_PARAMS } from './pglite-template.ts';
import { sharedParsers } from './type-parsers.ts';

const IN_MEMORY = 'memory://';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    kind: 'pglite',
    async query<T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await target.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

export interface PgliteOpenOptions {
  /**
   * Where prepared templates live (see pglite-template.ts). A new database starts from the template there, made
   * first if needed; without one, PGlite runs initdb in this process.
   */
  templateRoot?: string;
  /** Told what happens when a new database is created. */
  log?: (message: string, fields?: LogFields) => void;
}

async function isEmptyOrMissing(directory: string): Promise<boolean> {
  return !existsSync(directory) || (await readdir(directory)).length === 0;
}

/** Copies the template next to `dataDir` and renames it into place, so that a copy cut short is never opened. */
async function copyInto(templateDataDir: string, dataDir: string): Promise<void> {
  const staging = `${dataDir}.new-${randomBytes(4).toString('hex')}`;
  try {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await cp(templateDataDir, staging, { recursive: true });
    if (existsSync(dataDir)) await rmdir(dataDir);
    await rename(staging, dataDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Opens an embedded PGlite database in `dataDir`, or in memory for `memory://`. A database that does not exist yet
 * is made from the prepared template when `templateRoot` is given; should preparing the template fail, PGlite's
 * own initdb still makes it.
 */
export async function openPgliteDatabase(dataDir: string, options: PgliteOpenOptions = {}): Promise<Database> {
  const inMemory = dataDir.startsWith(IN_MEMORY);
  const isNew = inMemory || !existsSync(path.join(dataDir, 'PG_VERSION'));
  let loadDataDir: Blob | undefined;
  if (isNew && options.templateRoot !== undefined && (inMemory || (await isEmptyOrMissing(dataDir)))) {
    try {
      const started = performance.now();
      const template = await ensurePgliteTemplate(options.templateRoot);
      if (inMemory) loadDataDir = new Blob([await readFile(template.tarball)]);
      else await copyInto(template.dataDir, dataDir);
      options.log?.('new embedded database made from the prepared template', {
        dataDir,
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      options.log?.('no prepared template for the embedded database; PGlite runs initdb itself', {
        error: (error as Error).message,
      });
    }
  }
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, {
    parsers: sharedParsers,
    startParams: [...PGLITE_START_PARAMS],
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const root = wrap(pg);
  let closed = false;
  return {
    ...root,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
}
