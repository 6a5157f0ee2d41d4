import type { Queryable } from '../db/database.ts';
import type { FacetCondition } from './facets.ts';
import { GROUP_COLUMNS, toGroupState, type GroupRow } from './group-repository.ts';
import type { GroupState } from './group-views.ts';

export interface PublicPageQuestion {
  conditions: FacetCondition[];
  /** A tsquery in text form (search-words.ts), or undefined for no free text. */
  words: string | undefined;
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
}

/**
 * One page of GET /groups in one statement: groups that are not archived, match every facet condition (one GIN
 * index) and the free text (another), and have a session after asOf that is not cancelled, in order of that
 * session, ties by id, after the previous page's last (a keyset, so a page costs the same wherever it is). Asks for
 * one row more to know whether another page follows. The next session comes from group_sessions' primary key,
 * one lookup per matching group.
 */
export async function listPublicPage(
  db: Queryable,
  question: PublicPageQuestion,
): Promise<{ items: PublicPageItem[]; hasMore: boolean }> {
  const params: unknown[] = [question.asOf.toISOString()];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['g.archived_at IS NULL'];
  for (const condition of question.conditions) {
    where.push(`g.facets ${condition.match === 'any' ? '&&' : '@>'} ${param(condition.tags)}::text[]`);
  }
  if (question.words !== undefined) where.push(`g.search @@ ${param(question.words)}::tsquery`);
  if (question.after !== undefined) {
    where.push(
      `(next.starts_at, g.id) > (${param(question.after.nextAt.toISOString())}::timestamptz, ${param(question.after.id)}::text)`,
    );
  }
  const rows = await db.query<GroupRow & { next_at: Date }>(
    `SELECT ${GROUP_COLUMNS.split(', ')
      .map((column) => `g.${column}`)
      .join(', ')}, next.starts_at AS next_at
       FROM groups AS g
       CROSS JOIN LATERAL (
         SELECT s.starts_at FROM group_sessions AS s
          WHERE s.group_id = g.id AND s.starts_at > $1::timestamptz AND NOT s.cancelled
          ORDER BY s.starts_at
          LIMIT 1
       ) AS next
      WHERE ${where.join(' AND ')}
      ORDER BY next.starts_at, g.id
      LIMIT ${param(question.limit + 1)}`,
    params,
  );
  return {
    items: rows.slice(0, question.limit).map((row) => ({ group: toGroupState(row), nextAt: row.next_at })),
    hasMore: rows.length > question.limit,
  };
}
