import type { Database } from '../db/database.ts';

export interface RateLimitPurge {
  windows: number;
  secrets: number;
}

/**
 * Deletes counts of windows that have ended and the secrets of days before yesterday (yesterday's may still be in
 * use by an instance whose clock runs late).
 */
export async function purgeRateLimits(db: Database): Promise<RateLimitPurge> {
  return db.transaction(async (tx) => {
    const [windows] = await tx.query<{ n: number }>(
      `WITH gone AS (DELETE FROM rate_limit_windows WHERE window_end < now() RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
    );
    const [secrets] = await tx.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM rate_limit_secrets WHERE day < (now() AT TIME ZONE 'UTC')::date - 1 RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
    );
    return { windows: windows?.n ?? 0, secrets: secrets?.n ?? 0 };
  });
}
