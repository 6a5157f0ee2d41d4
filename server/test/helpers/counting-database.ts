import type { Database, Queryable, Row } from '../../src/db/database.ts';

/**
 * A database that passes everything through and records each statement, so a test can count the queries one
 * request costs. With `measureBuffers` on, each read is also run once under EXPLAIN (ANALYZE, BUFFERS) and the
 * buffers it touched are added up: the work a query does, which grows with the rows it reads, measured the same
 * way on PGlite and PostgreSQL and without a clock.
 */
export interface CountingDatabase extends Database {
  /** Statements run since the last reset (query and exec, inside transactions too). */
  readonly statements: string[];
  /** Shared buffers (hit + read) touched by the measured reads since the last reset. */
  buffers: number;
  measureBuffers: boolean;
  reset(): void;
}

interface PlanNode {
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
}

const READ = /^\s*(SELECT|WITH)\b/i;

export function countingDatabase(real: Database): CountingDatabase {
  const counting: CountingDatabase = {
    kind: real.kind,
    statements: [],
    buffers: 0,
    measureBuffers: false,
    reset() {
      counting.statements.length = 0;
      counting.buffers = 0;
    },
    query: <T extends Row = Row>(sql: string, params?: readonly unknown[]) => measured<T>(real, sql, params),
    exec: (sql: string) => {
      counting.statements.push(sql);
      return real.exec(sql);
    },
    transaction: (fn) => real.transaction((tx) => fn(wrap(tx))),
    close: () => Promise.resolve(),
  };

  async function measured<T extends Row>(target: Queryable, sql: string, params?: readonly unknown[]): Promise<T[]> {
    counting.statements.push(sql);
    if (counting.measureBuffers && READ.test(sql) && sql.trim() !== 'SELECT 1') {
      const [row] = await target.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
        params,
      );
      const plan = row!['QUERY PLAN'][0]!.Plan;
      counting.buffers += (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0);
    }
    return target.query<T>(sql, params);
  }

  function wrap(tx: Queryable): Queryable {
    return {
      kind: tx.kind,
      query: <T extends Row = Row>(sql: string, params?: readonly unknown[]) => measured<T>(tx, sql, params),
      exec: (sql: string) => {
        counting.statements.push(sql);
        return tx.exec(sql);
      },
    };
  }

  return counting;
}
