import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import type { Database } from '../db/database.ts';

export interface CheckInPurge {
  /** The campus's retentionDays the purge went by. */
  retentionDays: number;
  checkIns: number;
  /** Follow-up requests deleted with their check-ins (done or not). */
  followUps: number;
}

/**
 * Deletes check-ins older than the campus's retentionDays, with their follow-up requests (contact details
 * included), in one transaction. Safe to run on several instances at once: a row is deleted once.
 */
export async function purgeExpiredCheckIns(db: Database): Promise<CheckInPurge> {
  return db.transaction(async (tx) => {
    const { retentionDays } = await readCampusConfig(tx);
    const [followUps] = await tx.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM check_in_follow_ups
          WHERE check_in_id IN (SELECT id FROM check_ins WHERE received_at < now() - make_interval(days => $1))
          RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [retentionDays],
    );
    const [checkIns] = await tx.query<{ n: number }>(
      `WITH gone AS (DELETE FROM check_ins WHERE received_at < now() - make_interval(days => $1) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [retentionDays],
    );
    return { retentionDays, checkIns: checkIns?.n ?? 0, followUps: followUps?.n ?? 0 };
  });
}
