import type { Queryable } from '../db/database.ts';
import { groupFacets, tagLexeme } from './facets.ts';
import { planSessions, writeSessions, type SessionPlan } from './group-sessions.ts';
import type { StoredGroup } from './group-types.ts';
import type { GroupState, UpcomingSession } from './group-views.ts';
import { groupSearchWords } from './search-words.ts';

/** A row of `groups` as read here. */
export interface GroupRow {
  [column: string]: unknown;
  id: string;
  record: StoredGroup;
  registered_count: number;
  waitlisted_count: number;
  created_at: Date;
  updated_at: Date;
}

export const GROUP_COLUMNS = 'id, record, registered_count, waitlisted_count, created_at, updated_at';

export function toGroupState(row: GroupRow): GroupState {
  return {
    id: row.id,
    record: row.record,
    registeredCount: row.registered_count,
    waitlistedCount: row.waitlisted_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The lexemes of a group's `search` tsvector: the words of its name and summary, and its filter tags. */
export function searchLexemes(group: StoredGroup, plan: Pick<SessionPlan, 'days' | 'partsOfDay'>): string[] {
  return [
    ...groupSearchWords(group.name, group.summary),
    ...groupFacets(group, plan.days, plan.partsOfDay).map(tagLexeme),
  ];
}

/** The columns derived from a group's record and its sessions, in the order of the $2.. parameters below. */
function derivedValues(group: StoredGroup, now: Date) {
  const plan = planSessions(group, now);
  const values = [
    JSON.stringify(group),
    group.name,
    searchLexemes(group, plan),
    group.sensitive,
    group.capacity,
    group.waitlistEnabled,
    group.registrationOpen,
    plan.until.toISOString(),
    plan.endsAt?.toISOString() ?? null,
  ];
  return { plan, values };
}

const DERIVED_COLUMNS = `record, name, search, sensitive, capacity, waitlist_enabled, registration_open,
  sessions_until, ends_at`;
const DERIVED_VALUES = `$2::jsonb, $3, array_to_tsvector($4::text[]), $5, $6, $7, $8, $9::timestamptz, $10::timestamptz`;

/** Inserts a new group with its sessions; undefined when the id is taken. */
export async function insertGroup(
  tx: Queryable,
  id: string,
  group: StoredGroup,
  now: Date,
): Promise<GroupState | undefined> {
  const { plan, values } = derivedValues(group, now);
  const [row] = await tx.query<GroupRow>(
    `INSERT INTO groups (id, ${DERIVED_COLUMNS}) VALUES ($1, ${DERIVED_VALUES})
     ON CONFLICT (id) DO NOTHING
     RETURNING ${GROUP_COLUMNS}`,
    [id, ...values],
  );
  if (!row) return undefined;
  await writeSessions(tx, id, plan, group.cancelledSessions);
  return toGroupState(row);
}

/** Replaces a group's record (and everything derived from it, sessions included). */
export async function updateGroup(tx: Queryable, id: string, group: StoredGroup, now: Date): Promise<GroupState> {
  const { plan, values } = derivedValues(group, now);
  const [row] = await tx.query<GroupRow>(
    `UPDATE groups SET (${DERIVED_COLUMNS}, updated_at) = (${DERIVED_VALUES}, now())
      WHERE id = $1
      RETURNING ${GROUP_COLUMNS}`,
    [id, ...values],
  );
  if (!row) throw new Error('a group vanished during an update');
  await writeSessions(tx, id, plan, group.cancelledSessions);
  return toGroupState(row);
}

/**
 * A group that is not archived. `forUpdate` locks its row until the transaction ends: every change to a group's
 * registrations takes this lock first, so they happen one after another and counts are never read stale.
 */
export async function findGroup(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<GroupState | undefined> {
  const [row] = await db.query<GroupRow>(
    `SELECT ${GROUP_COLUMNS} FROM groups WHERE id = $1 AND archived_at IS NULL${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row && toGroupState(row);
}

interface SessionRow {
  [column: string]: unknown;
  group_id: string;
  starts_at: Date;
  ends_at: Date;
  start_local: string;
  cancelled: boolean;
}

/** Each group's sessions that start after `now`, soonest first, at most `perGroup` of each. */
export async function upcomingSessions(
  db: Queryable,
  groupIds: readonly string[],
  now: Date,
  perGroup: number,
): Promise<Map<string, UpcomingSession[]>> {
  const byGroup = new Map<string, UpcomingSession[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return byGroup;
  const rows = await db.query<SessionRow>(
    `SELECT g.id AS group_id, s.starts_at, s.ends_at, s.start_local, s.cancelled
       FROM unnest($1::text[]) AS g (id)
       CROSS JOIN LATERAL (
         SELECT starts_at, ends_at, start_local, cancelled FROM group_sessions
          WHERE group_id = g.id AND starts_at > $2::timestamptz
          ORDER BY starts_at
          LIMIT $3
       ) AS s`,
    [groupIds, now.toISOString(), perGroup],
  );
  for (const row of rows) {
    byGroup.get(row.group_id)?.push({
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      startLocal: row.start_local,
      cancelled: row.cancelled,
    });
  }
  return byGroup;
}

/** Someone who gave an email, and how they want to be written to. */
export interface Recipient {
  [column: string]: unknown;
  email: string;
  locale: string;
  discreet_email: boolean;
}

/**
 * Archives a group (DELETE /admin/groups/{id}): gone from every list and answer at once, its sessions and its
 * registrations (with any contact details) deleted. Returns who gave an email (registered or waitlisted), read as
 * the rows go, so that they can be told.
 */
export async function archiveGroup(tx: Queryable, id: string): Promise<Recipient[]> {
  const gone = await tx.query<Recipient & { status: string }>(
    'DELETE FROM group_registrations WHERE group_id = $1 RETURNING email, locale, discreet_email, status',
    [id],
  );
  await tx.query('DELETE FROM group_sessions WHERE group_id = $1', [id]);
  await tx.query(
    `UPDATE groups SET archived_at = now(), updated_at = now(), registered_count = 0, waitlisted_count = 0
      WHERE id = $1`,
    [id],
  );
  return gone
    .filter((row) => row.email !== null && row.status !== 'cancelled')
    .map(({ email, locale, discreet_email }) => ({ email, locale, discreet_email }));
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export interface AdminPageQuestion {
  /** Every word must occur in the name (case-insensitive). */
  words: string[];
  /** The id of the last group of the previous page. */
  after: string | undefined;
  limit: number;
}

/** One page of the staff list in name order (ties by id), with one row more to know whether another follows. */
export async function listAdminPage(
  db: Queryable,
  question: AdminPageQuestion,
): Promise<{ items: GroupState[]; hasMore: boolean }> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['archived_at IS NULL'];
  for (const word of question.words) where.push(`name ILIKE ${param(likePattern(word))}`);
  if (question.after !== undefined) {
    where.push(`(name, id) > (SELECT name, id FROM groups WHERE id = ${param(question.after)})`);
  }
  const rows = await db.query<GroupRow>(
    `SELECT ${GROUP_COLUMNS} FROM groups WHERE ${where.join(' AND ')} ORDER BY name, id LIMIT ${param(question.limit + 1)}`,
    params,
  );
  return { items: rows.slice(0, question.limit).map(toGroupState), hasMore: rows.length > question.limit };
}
