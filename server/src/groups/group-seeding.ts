import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Queryable } from '../db/database.ts';
import { tokenHash } from './group-ids.ts';
import { storedFromInput } from './group-record.ts';
import { insertGroup, updateGroup } from './group-repository.ts';
import type { NewGroup, StoredGroup } from './group-types.ts';

/**
 * For seeds: inserts the group, or replaces its record when it differs (staff's session cancellations in the demo
 * go too). An archived group is left alone: someone took it down. Unchanged groups keep their updated_at.
 */
export async function upsertSeedGroup(tx: Queryable, id: string, input: NewGroup, now: Date): Promise<void> {
  const record = storedFromInput(input);
  const [existing] = await tx.query<{ record: StoredGroup; archived_at: Date | null }>(
    'SELECT record, archived_at FROM groups WHERE id = $1 FOR UPDATE',
    [id],
  );
  if (!existing) await insertGroup(tx, id, record, now);
  else if (existing.archived_at === null && !isDeepStrictEqual(existing.record, record)) {
    await updateGroup(tx, id, record, now);
  }
}

/**
 * For seeds: makes sure the group has at least this many anonymous places taken and students waiting (rows with
 * fixed ids, no name or contact, and a cancel token nobody knows), then sets its counts from its rows, so that
 * registrations made in the demo are counted too.
 */
export async function seedRegistrations(
  tx: Queryable,
  groupId: string,
  wanted: { registered: number; waitlisted: number },
): Promise<void> {
  const statuses = [
    ...Array.from({ length: wanted.registered }, () => 'registered'),
    ...Array.from({ length: wanted.waitlisted }, () => 'waitlisted'),
  ];
  for (const [index, status] of statuses.entries()) {
    await tx.query(
      `INSERT INTO group_registrations (id, group_id, status, token_hash, discreet_email, locale)
       VALUES ($1, $2, $3, $4, true, 'en')
       ON CONFLICT (id) DO NOTHING`,
      [`reg_seed_${groupId}_${index + 1}`, groupId, status, tokenHash(randomBytes(24).toString('base64url'))],
    );
  }
  await tx.query(
    `UPDATE groups SET
       registered_count = (SELECT count(*) FROM group_registrations WHERE group_id = $1 AND status = 'registered'),
       waitlisted_count = (SELECT count(*) FROM group_registrations WHERE group_id = $1 AND status = 'waitlisted')
     WHERE id = $1`,
    [groupId],
  );
}
