import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import type { Queryable } from '../db/database.ts';
import type { EmailMessage, Mailer } from '../email/mailer.ts';
import { groupEndedEmail, sessionBackOnEmail, sessionCancelledEmail } from '../email/messages.ts';
import { sendInBackground } from '../email/send-in-background.ts';
import type { Logger } from '../logging/logger.ts';
import { dateFormat } from './group-emails.ts';
import type { Recipient } from './group-repository.ts';
import type { GroupState } from './group-views.ts';
import { instantOf } from './schedule.ts';

/**
 * What staff changes to a group tell its registrants who gave an email: the group has ended (archived), or one
 * session is cancelled or back on. As with joining, the addresses are read inside the staff transaction and the
 * emails go out only once it has committed, in the background, so that a slow or failing mail server never holds
 * up or fails the staff answer, and a change rolled back tells nobody anything.
 */

/** The group was archived; `recipients` were read as its registrations were deleted. */
export interface GroupEnded {
  group: GroupState;
  recipients: Recipient[];
}

/** One session's cancellation changed (never a repeat of the same call). */
export interface SessionChange {
  kind: 'cancelled' | 'back-on';
  group: GroupState;
  /** The session's local start, as cancel-session names it. */
  startLocal: string;
  recipients: Recipient[];
}

/**
 * Who has a place in the group and gave an email. Waiting students are left out of session changes: they have no
 * place at the session, and the email that gives them one lists only sessions that will happen.
 */
export async function registeredRecipients(tx: Queryable, groupId: string): Promise<Recipient[]> {
  return tx.query<Recipient>(
    `SELECT email, locale, discreet_email FROM group_registrations
      WHERE group_id = $1 AND status = 'registered' AND email IS NOT NULL
      ORDER BY seq`,
    [groupId],
  );
}

/**
 * One recipient per address, however many times it registered (compared without case): the first registration's
 * language, and discreet if any of them asked for discretion.
 */
export function oneEach(recipients: readonly Recipient[]): Recipient[] {
  const byAddress = new Map<string, Recipient>();
  for (const recipient of recipients) {
    const key = recipient.email.trim().toLowerCase();
    const seen = byAddress.get(key);
    if (!seen) byAddress.set(key, { ...recipient });
    else seen.discreet_email ||= recipient.discreet_email;
  }
  return [...byAddress.values()];
}

/** One session, as the student's language writes it in the group's zone, weekday first. */
export function sessionText(group: GroupState, startLocal: string, locale: string): string {
  const { timeZone, durationMinutes } = group.record.schedule;
  const startsAt = instantOf(startLocal, timeZone);
  const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
  return dateFormat(locale, timeZone, 'long').formatRange(startsAt, endsAt);
}

export function sessionChangeEmail(change: SessionChange, recipient: Recipient): EmailMessage {
  const input = {
    to: recipient.email,
    groupName: change.group.record.name,
    discreet: recipient.discreet_email,
    locale: recipient.locale,
    sessionText: sessionText(change.group, change.startLocal, recipient.locale),
  };
  return change.kind === 'cancelled' ? sessionCancelledEmail(input) : sessionBackOnEmail(input);
}

/** Builds and sends one email per recipient; a message that cannot be built is logged by purpose only. */
function sendEach(
  mailer: Mailer,
  logger: Logger,
  purpose: string,
  recipients: readonly Recipient[],
  build: (recipient: Recipient) => EmailMessage,
): Promise<void[]> {
  return Promise.all(
    oneEach(recipients).map((recipient) => {
      let message: EmailMessage;
      try {
        message = build(recipient);
      } catch (error) {
        logger.error('group email not built', { purpose, error: (error as Error).name });
        return Promise.resolve();
      }
      return sendInBackground(mailer, message, logger, purpose);
    }),
  );
}

/**
 * Tells everyone who had a place or was waiting that the group has ended. A named email points to the campus
 * counselling page when the campus has one (read here, after the commit; without it the email still goes).
 * Resolves when every send has settled, never rejects; only tests wait for it.
 */
export async function sendGroupEnded(
  deps: { db: Queryable; mailer: Mailer; logger: Logger },
  ended: GroupEnded,
): Promise<void> {
  if (ended.recipients.length === 0) return;
  const { db, mailer, logger } = deps;
  const counsellingUrl = ended.recipients.some((recipient) => !recipient.discreet_email)
    ? await readCampusConfig(db).then(
        (config) => config.counsellingUrl,
        (error: unknown) => {
          logger.warn('campus settings not read for an email', { error: (error as Error).name });
          return undefined;
        },
      )
    : undefined;
  await sendEach(mailer, logger, 'group-ended', ended.recipients, (recipient) =>
    groupEndedEmail({
      to: recipient.email,
      groupName: ended.group.record.name,
      discreet: recipient.discreet_email,
      locale: recipient.locale,
      ...(counsellingUrl ? { counsellingUrl } : {}),
    }),
  );
}

/** Tells those with a place that a session is cancelled, or back on. Never rejects; only tests wait for it. */
export async function sendSessionChange(mailer: Mailer, logger: Logger, change: SessionChange): Promise<void> {
  const purpose = change.kind === 'cancelled' ? 'group-session-cancelled' : 'group-session-back-on';
  await sendEach(mailer, logger, purpose, change.recipients, (recipient) => sessionChangeEmail(change, recipient));
}
