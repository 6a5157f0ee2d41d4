import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

/**
 * The key for hashing client addresses, one per UTC day, kept in the database so that every instance hashes an
 * address alike. The first instance to need a day's key makes it; the others read it. Each instance keeps the
 * day's key in memory, so a request pays no query for it. Keys of past days are deleted by the purge
 * (retention/purge-rate-limits.ts), after which nobody can tell which address a stored hash came from.
 */
export class DailySecret {
  private current: { day: string; key: Promise<Buffer> } | undefined;

  constructor(private readonly db: Queryable) {}

  /** The key for `now`'s UTC day. */
  keyFor(now: Date = new Date()): Promise<Buffer> {
    const day = now.toISOString().slice(0, 10);
    if (this.current?.day !== day) {
      const key = this.load(day);
      this.current = { day, key };
      // A failed load is not kept: the next request tries again.
      key.catch(() => {
        if (this.current?.key === key) this.current = undefined;
      });
    }
    return this.current.key;
  }

  private async load(day: string): Promise<Buffer> {
    // The no-op update makes RETURNING give the existing row when another instance made the key first.
    const [row] = await this.db.query<{ secret: string }>(
      `INSERT INTO rate_limit_secrets (day, secret) VALUES ($1, $2)
       ON CONFLICT (day) DO UPDATE SET secret = rate_limit_secrets.secret
       RETURNING secret`,
      [day, randomBytes(32).toString('hex')],
    );
    return Buffer.from(row!.secret, 'hex');
  }
}
