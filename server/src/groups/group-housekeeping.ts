import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import type { Database } from '../db/database.ts';
import { planSessions, SESSION_REFRESH_DAYS, SESSIONS_KEPT_BEHIND_MS, writeSessions } from './group-sessions.ts';
import { searchLexemes } from './group-repository.ts';
import type { StoredGroup } from './group-types.ts';

/** Groups whose sessions one run writes out again, at most: a run stays short, and the next one goes on. */
const REFRESH_BATCH = 500;

export interface GroupHousekeeping {
  /** Groups whose sessions were written out further ahead. */
  refreshed: number;
  /** Sessions deleted because they are long past. */
  pastSessions: number;
  /** Registrations whose name, email and needs were deleted because their group ended retentionDays ago. */
  registrations: number;
  retentionDays: number;
}

/**
 * Writes out the sessions of groups whose horizon is near (search too: the days a group meets on come from its
 * sessions), each in its own short transaction under the group's lock, so registrations wait for one group at a
 * time. Archived groups and groups whose last session is already written are left alone.
 */
async function refreshDueSessions(db: Database, now: Date): Promise<number> {
  const due = await db.query<{ id: string }>(
    `SELECT id FROM groups
      WHERE archived_at IS NULL
        AND sessions_until < $1::timestamptz + make_interval(days => $2)
        AND (ends_at IS NULL OR ends_at > sessions_until)
      ORDER BY sessions_until
      LIMIT $3`,
    [now.toISOString(), SESSION_REFRESH_DAYS, REFRESH_BATCH],
  );
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [row] = await tx.query<{ record: StoredGroup }>(
        'SELECT record FROM groups WHERE id = $1 AND archived_at IS NULL FOR UPDATE',
        [id],
      );
      if (!row) return;
      const plan = planSessions(row.record, now);
      await tx.query(
        'UPDATE groups SET search = array_to_tsvector($2::text[]), sessions_until = $3::timestamptz, ends_at = $4::timestamptz WHERE id = $1',
        [id, searchLexemes(row.record, plan), plan.until.toISOString(), plan.endsAt?.toISOString() ?? null],
      );
      await writeSessions(tx, id, plan, row.record.cancelledSessions);
    });
  }
  return due.length;
}

/**
 * The groups part of the scheduled purge: sessions written further ahead, long-past sessions deleted, and the
 * contact details (name, email, access needs) of registrations deleted once their group's last session ended
 * more than the campus's retentionDays ago. Registrations themselves stay, without anything personal, so that
 * counts stay true. Safe to run on several instances at once.
 */
export async function groupHousekeeping(db: Database, now: Date = new Date()): Promise<GroupHousekeeping> {
  const refreshed = await refreshDueSessions(db, now);
  const [past] = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM group_sessions WHERE starts_at < $1::timestamptz RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [new Date(now.getTime() - SESSIONS_KEPT_BEHIND_MS).toISOString()],
  );
  const { retentionDays } = await readCampusConfig(db);
  const [forgotten] = await db.query<{ n: number }>(
    `WITH forgotten AS (
       UPDATE group_registrations
          SET name = NULL, email = NULL, accessibility_needs = NULL
        WHERE (name IS NOT NULL OR email IS NOT NULL OR accessibility_needs IS NOT NULL)
          AND group_id IN (
            SELECT id FROM groups WHERE ends_at < $1::timestamptz - make_interval(days => $2)
          )
        RETURNING 1
     )
     SELECT count(*)::int AS n FROM forgotten`,
    [now.toISOString(), retentionDays],
  );
  return { refreshed, pastSessions: past?.n ?? 0, registrations: forgotten?.n ?? 0, retentionDays };
}
