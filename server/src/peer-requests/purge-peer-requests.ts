import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import type { Database } from '../db/database.ts';
import { purgeExpiredSessions } from '../supporters/sessions.ts';

export interface PeerRequestPurge {
  /** The campus's retentionDays the purge went by. */
  retentionDays: number;
  /** Requests deleted, with their notes, escalations and audit-log entries. */
  requests: number;
  /** Supporter sessions past their expiry. */
  sessions: number;
}

/**
 * Deletes peer requests retentionDays after they ended (closed or cancelled), and requests nobody has touched for
 * retentionDays (left open, e.g. queued while nobody was on shift), each with its notes, escalation and audit log
 * (ON DELETE CASCADE); and expired supporter sessions. One transaction; safe on several instances at once. Then
 * the requests table is analyzed.
 */
export async function purgePeerRequests(db: Database): Promise<PeerRequestPurge> {
  return db.transaction(async (tx) => {
    const { retentionDays } = await readCampusConfig(tx);
    const [requests] = await tx.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM peer_requests
          WHERE ended_at < now() - make_interval(days => $1)
             OR (ended_at IS NULL AND updated_at < now() - make_interval(days => $1))
          RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [retentionDays],
    );
    const sessions = await purgeExpiredSessions(tx);
    // Fresh statistics for the queue's plans: PGlite never analyzes a table by itself, and without them its planner
    // sorts the whole queue for a page instead of reading the index in order.
    await tx.exec('ANALYZE peer_requests');
    return { retentionDays, requests: requests?.n ?? 0, sessions };
  });
}
