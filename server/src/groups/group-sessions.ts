import type { Queryable } from '../db/database.ts';
import type { StoredGroup } from './group-types.ts';
import { dayOf, expandSessions, partOfDay, scheduleEnd, type Day, type PartOfDay, type Session } from './schedule.ts';

/**
 * A group's sessions are written out (group_sessions) from shortly before now to a horizon, so that the finder can
 * sort and filter by them in SQL. Housekeeping moves the horizon forward (refreshDueSessions).
 */

/** How far ahead sessions are written out. */
export const SESSION_HORIZON_DAYS = 120;
/** Housekeeping writes a group's sessions again once its horizon is nearer than this. */
export const SESSION_REFRESH_DAYS = 90;
/**
 * Sessions are kept this long after they start: a list cursor orders groups by their next session after the
 * instant the walk began (up to a day ago, see list-cursor.ts), so those sessions must still be there.
 */
export const SESSIONS_KEPT_BEHIND_MS = 2 * 24 * 60 * 60 * 1000;
/** At least this many sessions are written past now even beyond the horizon (a group that meets rarely). */
export const MIN_UPCOMING_SESSIONS = 5;
/** A daily group's year, at most. */
const MAX_WRITTEN_SESSIONS = 400;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SessionPlan {
  sessions: Session[];
  /** Sessions are written out up to here. */
  until: Date;
  /** When the last session ends; null for a schedule that goes on. */
  endsAt: Date | null;
  /** The days of the week it meets on, in its own zone (from these sessions; its first one's if none are left). */
  days: Day[];
  partsOfDay: PartOfDay[];
}

/** The sessions to write out for a group now. */
export function planSessions(group: StoredGroup, now: Date): SessionPlan {
  const horizon = new Date(now.getTime() + SESSION_HORIZON_DAYS * DAY_MS);
  const sessions = expandSessions(group.schedule, {
    after: new Date(now.getTime() - SESSIONS_KEPT_BEHIND_MS),
    until: horizon,
    // A few more than asked, for the ones that have already started.
    atLeast: MIN_UPCOMING_SESSIONS + 3,
    atMost: MAX_WRITTEN_SESSIONS,
  });
  const last = sessions.at(-1);
  const starts = sessions.length > 0 ? sessions.map((session) => session.startLocal) : [group.schedule.startLocal];
  return {
    sessions,
    until: last && last.startsAt > horizon ? last.startsAt : horizon,
    endsAt: scheduleEnd(group.schedule),
    days: [...new Set(starts.map(dayOf))],
    partsOfDay: [partOfDay(group.schedule.startLocal)],
  };
}

/** Replaces a group's written-out sessions with the plan's, flagging the ones staff cancelled. */
export async function writeSessions(
  tx: Queryable,
  groupId: string,
  plan: SessionPlan,
  cancelledSessions: readonly string[],
): Promise<void> {
  await tx.query('DELETE FROM group_sessions WHERE group_id = $1', [groupId]);
  if (plan.sessions.length === 0) return;
  const cancelled = new Set(cancelledSessions);
  // Instants travel as ISO text: both drivers pass text arrays alike.
  await tx.query(
    `INSERT INTO group_sessions (group_id, starts_at, ends_at, start_local, cancelled)
     SELECT $1, starts_at::timestamptz, ends_at::timestamptz, start_local, cancelled
       FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[]) AS s (starts_at, ends_at, start_local, cancelled)`,
    [
      groupId,
      plan.sessions.map((session) => session.startsAt.toISOString()),
      plan.sessions.map((session) => session.endsAt.toISOString()),
      plan.sessions.map((session) => session.startLocal),
      plan.sessions.map((session) => cancelled.has(session.startLocal)),
    ],
  );
}
