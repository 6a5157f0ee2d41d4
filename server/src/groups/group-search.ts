import type { Queryable } from '../db/database.ts';
import type { StoredGroup } from './group-types.ts';
import { SHOWN_OCCURRENCES, type GroupState, type UpcomingSession } from './group-views.ts';

export interface PublicPageQuestion {
  /** Every filter and the free text as one tsquery in text form (facets.ts, search-words.ts); undefined for none. */
  search: string | undefined;
  /** The instant the walk's order is taken at (list-cursor.ts). */
  asOf: Date;
  /** The previous page's last group: its next session after asOf, and its id. */
  after: { nextAt: Date; id: string } | undefined;
  limit: number;
}

export interface PublicPageItem {
  group: GroupState;
  /** Its next session after asOf that is not cancelled: its place in the order. */
  nextAt: Date;
  /** Its sessions after `now`, soonest first, as many as the views show. */
  upcoming: UpcomingSession[];
}

interface PageRow {
  [column: string]: unknown;
  id: string;
  record: StoredGroup;
  registered_count: number;
  waitlisted_count: number;
  next_ms: number;
  /** [starts ms, ends ms, local start, cancelled] per session. */
  upcoming: Array<[number, number, string, boolean]>;
}

/** Milliseconds since the epoch of a timestamptz, as an int8 (a JS number): cheaper to read than a date's text. */
const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::int8`;

/**
 * One page of GET /groups in one statement: groups that are not archived, match every filter and the free text
 * (one tsquery on one GIN index), and have a session after asOf that is not cancelled, in order of that session,
 * ties by id, after the previous page's last (a keyset, so a page costs the same wherever it is); then, for the
 * page's groups only, their next sessions after `now`. The next session comes from group_sessions' primary key,
 * one lookup per matching group. Asks for one row more to know whether another page follows.
 */
export async function listPublicPage(
  db: Queryable,
  question: PublicPageQuestion,
  now: Date,
): Promise<{ items: PublicPageItem[]; hasMore: boolean }> {
  const params: unknown[] = [question.asOf.toISOString(), now.toISOString()];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['g.archived_at IS NULL'];
  if (question.search !== undefined) where.push(`g.search @@ ${param(question.search)}::tsquery`);
  if (question.after !== undefined) {
    where.push(
      `(next.starts_at, g.id) > (${param(question.after.nextAt.toISOString())}::timestamptz, ${param(question.after.id)}::text)`,
    );
  }
  const rows = await db.query<PageRow>(
    `WITH page AS (
       SELECT g.id, g.record, g.registered_count, g.waitlisted_count, next.starts_at AS next_at
         FROM groups AS g
         CROSS JOIN LATERAL (
           SELECT s.starts_at FROM group_sessions AS s
            WHERE s.group_id = g.id AND s.starts_at > $1::timestamptz AND NOT s.cancelled
            ORDER BY s.starts_at
            LIMIT 1
         ) AS next
        WHERE ${where.join(' AND ')}
        ORDER BY next.starts_at, g.id
        LIMIT ${param(question.limit + 1)}
     )
     SELECT page.id, page.record, page.registered_count, page.waitlisted_count, ${epochMs('page.next_at')} AS next_ms,
            (SELECT coalesce(jsonb_agg(jsonb_build_array(${epochMs('s.starts_at')}, ${epochMs('s.ends_at')},
                      s.start_local, s.cancelled) ORDER BY s.starts_at), '[]'::jsonb)
               FROM (SELECT starts_at, ends_at, start_local, cancelled FROM group_sessions
                      WHERE group_id = page.id AND starts_at > $2::timestamptz
                      ORDER BY starts_at
                      LIMIT ${SHOWN_OCCURRENCES}) AS s) AS upcoming
       FROM page
      ORDER BY page.next_at, page.id`,
    params,
  );
  return {
    items: rows.slice(0, question.limit).map((row) => ({
      group: {
        id: row.id,
        record: row.record,
        registeredCount: row.registered_count,
        waitlistedCount: row.waitlisted_count,
        // The public views never show these; they are not read, to keep the page cheap.
        createdAt: new Date(0),
        updatedAt: new Date(0),
      },
      nextAt: new Date(row.next_ms),
      upcoming: row.upcoming.map(([startsAt, endsAt, startLocal, cancelled]) => ({
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        startLocal,
        cancelled,
      })),
    })),
    hasMore: rows.length > question.limit,
  };
}
