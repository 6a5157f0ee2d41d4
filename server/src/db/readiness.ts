import { ExpiringValue } from '../cache/expiring-value.ts';
import type { Logger } from '../logging/logger.ts';
import type { Queryable } from './database.ts';

/** How long one answer of the readiness check stands: /health asks the database at most this often. */
export const READINESS_TTL_MS = 1000;

/**
 * Whether the database answers, for GET /health. Load balancers and uptime checks may poll many times a second;
 * each poll must not cost a query (on PGlite, a query waits its turn behind every other one), so one `SELECT 1`
 * answers all polls for a second. A failure is logged once per check, not once per poll.
 */
export function databaseReadiness(db: Queryable, logger: Logger, now?: () => number): ExpiringValue<boolean> {
  return new ExpiringValue(
    async () => {
      try {
        await db.query('SELECT 1');
        return true;
      } catch (error) {
        logger.error('health check: database did not answer', { error: (error as Error).message });
        return false;
      }
    },
    READINESS_TTL_MS,
    now,
  );
}
