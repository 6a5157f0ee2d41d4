import pg from 'pg';
import type { Database, Queryable, Row } from './database.ts';
import { sharedParsers } from './type-parsers.ts';

export interface PostgresOptions {
  connectionString: string;
  /**
   * Optional schema to work in (created if missing); every pooled connection gets it as its search_path.
   * Tests use a fresh schema per run so that they never touch each other's tables.
   */
  schema?: string;
  maxConnections?: number;
  /** Told about errors on idle pooled connections, which would otherwise crash the process. */
  onPoolError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const typeOverrides = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const shared = sharedParsers[oid];
    if (shared && format !== 'binary') return shared;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    kind: 'postgresql',
    async query<T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await client.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits and underscores`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types: typeOverrides,
    // A startup parameter, so it applies to every connection the pool ever opens, before any query runs.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    else await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }

  const root = wrap(pool);
  let closed = false;
  return {
    ...root,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
