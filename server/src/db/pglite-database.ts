import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database.ts';
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

/** Opens (creating when needed) an embedded PGlite database in `dataDir`, or in memory for `memory://`. */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith(IN_MEMORY)) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { parsers: sharedParsers });
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
