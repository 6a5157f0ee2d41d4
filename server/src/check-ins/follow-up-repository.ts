import type { CheckInBand, CheckInContact, CheckInFollowUpRequest } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import type { FollowUpPosition } from './follow-up-cursor.ts';

interface OpenFollowUpRow {
  [column: string]: unknown;
  id: string;
  channel: CheckInContact['channel'];
  contact: string;
  consent_version: string;
  received_at: Date;
  instrument: CheckInFollowUpRequest['instrument'];
  band: CheckInBand['band'] | null;
  /** NULL when the student did not answer the safety question: staff see null, never "no". */
  safety_concern: boolean | null;
}

function toFollowUpRequest(row: OpenFollowUpRow): CheckInFollowUpRequest {
  const request: CheckInFollowUpRequest = {
    id: row.id,
    receivedAt: row.received_at.toISOString(),
    instrument: row.instrument,
    safetyConcern: row.safety_concern,
    contact: { channel: row.channel, value: row.contact } as CheckInContact,
    consentVersion: row.consent_version,
  };
  if (row.band !== null && row.instrument !== 'mood') {
    request.band = { instrument: row.instrument, band: row.band, notADiagnosis: true };
  }
  return request;
}

export interface FollowUpPage {
  items: CheckInFollowUpRequest[];
  /** Where this page ended, when more follow-ups come after it. */
  next: FollowUpPosition | undefined;
}

/** Open follow-ups (not marked done), oldest first, `limit` at a time after `after`. */
export async function listOpenFollowUps(
  db: Queryable,
  options: { after: FollowUpPosition | undefined; limit: number },
): Promise<FollowUpPage> {
  const rows = await db.query<OpenFollowUpRow>(
    `SELECT f.id, f.channel, f.contact, f.consent_version, f.received_at, c.instrument, c.band, c.safety_concern
       FROM check_in_follow_ups f
       JOIN check_ins c ON c.id = f.check_in_id
      WHERE f.done_at IS NULL
        AND ($1::timestamptz IS NULL OR (f.received_at, f.id) > ($1::timestamptz, $2::text COLLATE "C"))
      ORDER BY f.received_at, f.id
      LIMIT $3`,
    [options.after?.receivedAt ?? null, options.after?.id ?? null, options.limit + 1],
  );
  const items = rows.slice(0, options.limit).map(toFollowUpRequest);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > options.limit && last ? { receivedAt: new Date(last.receivedAt), id: last.id } : undefined,
  };
}

/**
 * Marks a follow-up done and deletes its contact details, which nobody needs any more. Done again, it keeps the
 * first time. Undefined when there is no such follow-up (or retention has deleted it).
 */
export async function markFollowUpDone(db: Queryable, id: string): Promise<{ id: string; doneAt: Date } | undefined> {
  const [row] = await db.query<{ id: string; done_at: Date }>(
    `UPDATE check_in_follow_ups
        SET done_at = coalesce(done_at, date_trunc('milliseconds', now())), contact = NULL
      WHERE id = $1
      RETURNING id, done_at`,
    [id],
  );
  return row && { id: row.id, doneAt: row.done_at };
}
