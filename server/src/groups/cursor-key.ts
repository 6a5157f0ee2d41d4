import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

/** Each database's key, read once per process (the promise is kept; a failed read is not). */
const keys = new WeakMap<Queryable, Promise<Buffer>>();

async function loadKey(db: Queryable): Promise<Buffer> {
  // The no-op update makes RETURNING give the existing key when another instance made it first.
  const [row] = await db.query<{ secret: string }>(
    `INSERT INTO group_cursor_keys (id, secret) VALUES (1, $1)
     ON CONFLICT (id) DO UPDATE SET secret = group_cursor_keys.secret
     RETURNING secret`,
    [randomBytes(32).toString('hex')],
  );
  return Buffer.from(row!.secret, 'hex');
}

/**
 * The key that signs GET /groups cursors, kept in the database (group_cursor_keys) so that every instance signs
 * alike and cursors outlive a restart.
 */
export function cursorKeyFor(db: Queryable): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = loadKey(db);
    keys.set(db, key);
    key.catch(() => keys.delete(db));
  }
  return key;
}
