import type { CheckInBand, CheckInFollowUp, CheckInRequest } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import { newCheckInId, newFollowUpId } from './check-in-ids.ts';

export interface StoredCheckIn {
  id: string;
  receivedAt: Date;
}

/**
 * Stores one check-in: its answers as sent, the safety answer (NULL when not answered), the locale and the band (or
 * the mood level), and the time the database received it. Nothing about who sent it. The follow-up, if any, goes to
 * its own table.
 */
export async function insertCheckIn(
  tx: Queryable,
  checkIn: CheckInRequest,
  band: CheckInBand | undefined,
): Promise<StoredCheckIn> {
  const id = newCheckInId();
  const [row] = await tx.query<{ received_at: Date }>(
    `INSERT INTO check_ins (id, instrument, answers, safety_concern, locale, band, mood_level)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)
     RETURNING received_at`,
    [
      id,
      checkIn.instrument,
      JSON.stringify(checkIn.answers),
      // Left out means the student did not answer: NULL, never false ("no").
      checkIn.safetyConcern ?? null,
      checkIn.locale,
      band?.band ?? null,
      checkIn.instrument === 'mood' ? checkIn.answers.level : null,
    ],
  );
  return { id, receivedAt: row!.received_at };
}

/** The student's request that someone gets in touch, stored next to (not inside) the check-in it came with. */
export async function insertFollowUp(tx: Queryable, checkIn: StoredCheckIn, followUp: CheckInFollowUp): Promise<void> {
  await tx.query(
    `INSERT INTO check_in_follow_ups (id, check_in_id, channel, contact, consent_version, received_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      newFollowUpId(),
      checkIn.id,
      followUp.contact.channel,
      followUp.contact.value,
      followUp.consentVersion,
      checkIn.receivedAt,
    ],
  );
}
