import type { Queryable } from '../db/database.ts';
import type { Recipient } from './group-repository.ts';
import { tokenHash } from './group-ids.ts';
import type { GroupRegistrationRequest } from './group-types.ts';
import type { GroupState } from './group-views.ts';

/**
 * Registrations and the waitlist. Every function here runs inside a transaction that has locked the group's row
 * (findGroup with forUpdate) before it reads a count or a registration: registrations, cancellations and capacity
 * changes of one group therefore happen one at a time, in the order they took the lock, on PGlite and on
 * PostgreSQL alike, and a place is decided when the registration commits, never when a form was opened.
 */

export type PlaceStatus = 'registered' | 'waitlisted';

export interface NewRegistration {
  id: string;
  token: string;
  status: PlaceStatus;
  /** 1 for next in line; null when registered. */
  waitlistPosition: number | null;
  createdAt: Date;
}

/** What a registration may carry besides its place: everything optional, contact details only with consent. */
export interface RegistrationDetails {
  request: GroupRegistrationRequest;
  locale: string;
}

/**
 * Adds a registration with the place the group has now: `registered` while there is room (or no limit),
 * otherwise `waitlisted` at the end of the line. The caller has checked that the group takes registrations and
 * that a full group has a waitlist.
 */
export async function insertRegistration(
  tx: Queryable,
  group: GroupState,
  status: PlaceStatus,
  ids: { id: string; token: string },
  details: RegistrationDetails,
): Promise<NewRegistration> {
  const { request } = details;
  const hasContact = request.email !== undefined || request.accessibilityNeeds !== undefined;
  const [row] = await tx.query<{ created_at: Date }>(
    `INSERT INTO group_registrations
       (id, group_id, status, token_hash, name, email, accessibility_needs, consent_version, discreet_email, locale)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING created_at`,
    [
      ids.id,
      group.id,
      status,
      tokenHash(ids.token),
      request.name ?? null,
      request.email ?? null,
      request.accessibilityNeeds ?? null,
      // Consent is recorded with the wording's version only when there was something to consent to.
      hasContact ? (request.consent?.noticeVersion ?? null) : null,
      request.discreetEmail ?? true,
      details.locale,
    ],
  );
  const [counts] = await tx.query<{ waitlisted_count: number }>(
    `UPDATE groups
        SET registered_count = registered_count + $2, waitlisted_count = waitlisted_count + $3
      WHERE id = $1
      RETURNING waitlisted_count`,
    [group.id, status === 'registered' ? 1 : 0, status === 'waitlisted' ? 1 : 0],
  );
  return {
    ...ids,
    status,
    // The new registration is the last in line, and the group's lock keeps anyone from joining in between.
    waitlistPosition: status === 'waitlisted' ? counts!.waitlisted_count : null,
    createdAt: row!.created_at,
  };
}

/** A registration as a cancellation reads it. */
export interface StoredRegistration {
  [column: string]: unknown;
  group_id: string;
  status: PlaceStatus | 'cancelled';
  token_hash: string;
}

export async function findRegistration(
  db: Queryable,
  groupId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredRegistration | undefined> {
  const [row] = await db.query<StoredRegistration>(
    `SELECT group_id, status, token_hash FROM group_registrations
      WHERE id = $1 AND group_id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [id, groupId],
  );
  return row;
}

/**
 * Cancels a registration: its place is given up and its contact details (name, email, needs) are deleted at once.
 * The cancel token's hash stays, so that cancelling again can be answered alike.
 */
export async function cancelRegistration(tx: Queryable, groupId: string, id: string, was: PlaceStatus): Promise<void> {
  await tx.query(
    `UPDATE group_registrations
        SET status = 'cancelled', cancelled_at = now(), name = NULL, email = NULL, accessibility_needs = NULL
      WHERE id = $1`,
    [id],
  );
  await tx.query(
    `UPDATE groups
        SET registered_count = registered_count - $2, waitlisted_count = waitlisted_count - $3
      WHERE id = $1`,
    [groupId, was === 'registered' ? 1 : 0, was === 'waitlisted' ? 1 : 0],
  );
}

/** A student moved from the waitlist to a place, and how to tell them (when they gave an email). */
export interface Promotion {
  id: string;
  recipient: Recipient | undefined;
}

/**
 * Gives the group's free places to the first on its waitlist, in the order they joined it, each once. `capacity`
 * null means no limit (everyone waiting gets a place). Reads the counts under the caller's lock on the group.
 */
export async function promoteFromWaitlist(
  tx: Queryable,
  groupId: string,
  capacity: number | null,
): Promise<Promotion[]> {
  const [group] = await tx.query<{ registered_count: number; waitlisted_count: number }>(
    'SELECT registered_count, waitlisted_count FROM groups WHERE id = $1',
    [groupId],
  );
  const free = capacity === null ? group!.waitlisted_count : Math.max(0, capacity - group!.registered_count);
  const places = Math.min(free, group!.waitlisted_count);
  if (places === 0) return [];
  // clock_timestamp, not now(): now() is when the transaction began, and a cancellation may begin before another
  // yet wait for the group's lock; the clock when the row changes records the order places were really given.
  const promoted = await tx.query<{
    id: string;
    seq: number;
    email: string | null;
    locale: string;
    discreet_email: boolean;
  }>(
    `WITH first AS (
       SELECT id FROM group_registrations
        WHERE group_id = $1 AND status = 'waitlisted'
        ORDER BY seq
        LIMIT $2
          FOR UPDATE
     )
     UPDATE group_registrations AS r
        SET status = 'registered', promoted_at = clock_timestamp()
       FROM first
      WHERE r.id = first.id
      RETURNING r.id, r.seq, r.email, r.locale, r.discreet_email`,
    [groupId, places],
  );
  await tx.query(
    `UPDATE groups
        SET registered_count = registered_count + $2, waitlisted_count = waitlisted_count - $2
      WHERE id = $1`,
    [groupId, promoted.length],
  );
  return promoted
    .sort((a, b) => a.seq - b.seq)
    .map((row) => ({
      id: row.id,
      recipient:
        row.email === null ? undefined : { email: row.email, locale: row.locale, discreet_email: row.discreet_email },
    }));
}
