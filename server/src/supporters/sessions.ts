import type { Queryable } from '../db/database.ts';
import { newSessionToken, tokenHash } from './supporter-ids.ts';
import { SUPPORTER_COLUMNS, toSupporter, type Supporter, type SupporterRow } from './supporter-repository.ts';

/** A new session for a supporter: the token (shown once) and when it stops working. */
export async function createSession(
  db: Queryable,
  supporterId: string,
  ttlMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const [row] = await db.query<{ expires_at: Date }>(
    `INSERT INTO supporter_sessions (token_hash, supporter_id, expires_at)
     VALUES ($1, $2, now() + make_interval(secs => $3))
     RETURNING expires_at`,
    [tokenHash(token), supporterId, ttlMs / 1000],
  );
  return { token, expiresAt: row!.expires_at };
}

/**
 * The supporter a token signs in, or undefined when it is unknown, expired (by the database's clock, so every
 * instance agrees), or belongs to a disabled account. One indexed lookup.
 */
export async function sessionSupporter(db: Queryable, token: string): Promise<Supporter | undefined> {
  const [row] = await db.query<SupporterRow>(
    `SELECT ${SUPPORTER_COLUMNS.split(', ')
      .map((column) => `s.${column}`)
      .join(', ')}
       FROM supporter_sessions ss JOIN supporters s ON s.id = ss.supporter_id
      WHERE ss.token_hash = $1 AND ss.expires_at > now() AND s.disabled_at IS NULL`,
    [tokenHash(token)],
  );
  return row ? toSupporter(row) : undefined;
}

/**
 * Ends the session of `token` now (sign-out): its row is deleted, so the next lookup finds nothing and answers 401.
 * Only this session: the account's others (another computer) stay. True when there was one to end.
 */
export async function endSession(db: Queryable, token: string): Promise<boolean> {
  const gone = await db.query(`DELETE FROM supporter_sessions WHERE token_hash = $1 RETURNING 1`, [tokenHash(token)]);
  return gone.length > 0;
}

/** Deletes sessions that have expired (the scheduled purge). */
export async function purgeExpiredSessions(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM supporter_sessions WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone`,
  );
  return row?.n ?? 0;
}
