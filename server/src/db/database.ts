/**
 * The one database interface the server uses. Two implementations exist (PGlite embedded, PostgreSQL through a
 * `pg` pool) and both run the same SQL, which is kept to what PostgreSQL 15 understands.
 *
 * Parameter conventions that hold on both: pass jsonb values as `JSON.stringify(value)` with a `$n::jsonb` cast
 * (pg would turn a JS array into a Postgres array literal), text[] values as JS string arrays, timestamps as Date
 * or ISO strings. Results: int8 comes back as a JS number, numeric as a string, date as 'YYYY-MM-DD',
 * timestamptz as Date, json/jsonb parsed.
 */
export type DatabaseKind = 'pglite' | 'postgresql';

export type Row = Record<string, unknown>;

/** What both a database and an open transaction can do. */
export interface Queryable {
  readonly kind: DatabaseKind;
  /** Runs one statement, optionally with $1..$n parameters, and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /**
   * Runs `fn` inside BEGIN/COMMIT, rolling back when it throws. Use only the `tx` it receives inside `fn`:
   * PGlite has a single connection, so a query on the outer database would wait for the transaction forever.
   */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}
