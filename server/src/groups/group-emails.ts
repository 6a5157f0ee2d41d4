import type { EmailMessage, Mailer } from '../email/mailer.ts';
import { sendInBackground } from '../email/send-in-background.ts';
import type { Logger } from '../logging/logger.ts';
import { promotedEmail, registeredEmail, waitlistedEmail, type RegistrationEmailInput } from '../email/messages.ts';
import type { GroupLocation } from './group-types.ts';
import type { UpcomingSession } from './group-views.ts';
import type { Notice } from './joining.ts';
import { foldText, searchWords } from './search-words.ts';

/** How many sessions an email names. */
const SESSIONS_NAMED = 3;

/**
 * Dates as the student's language writes them in the group's zone: short ("Tue, Dec 8, 6:00 – 7:00 PM EST") for a
 * list of sessions, long ("Tuesday, December 8, …") for an email about one session.
 */
export function dateFormat(locale: string, timeZone: string, length: 'short' | 'long' = 'short'): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    timeZone,
    weekday: length,
    day: 'numeric',
    month: length,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    // A tag the pattern allows but Intl refuses: the dates still go out, in English.
    return new Intl.DateTimeFormat('en', options);
  }
}

/**
 * The next sessions that will happen, as the student's language writes them in the group's own time zone, e.g.
 * "Tue, Dec 2, 6:00 – 7:30 PM EST; Tue, Dec 9, 6:00 – 7:30 PM EST". Cancelled sessions are left out.
 */
export function sessionsText(upcoming: readonly UpcomingSession[], locale: string, timeZone: string): string {
  const format = dateFormat(locale, timeZone);
  return upcoming
    .filter((session) => !session.cancelled)
    .slice(0, SESSIONS_NAMED)
    .map((session) => format.formatRange(session.startsAt, session.endsAt))
    .join('; ');
}

/** Folded and without anything but letters and digits: "Grief-Circle" and "grief circle" both read "griefcircle". */
const compact = (text: string) => foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Where to go, on one line per place: the venue (name, room, address, directions) and the online platform with its
 * link. In a discreet email a line that names the group (its whole name) or one of its topics (a venue called
 * after it, a link whose path spells it) is left out, since the point is that the email says nothing about the
 * group. The check is by spelling, so it catches "grief-circle" in a link but not a nickname: staff should keep
 * links of sensitive groups neutral.
 */
export function joiningText(
  location: GroupLocation,
  discreet: boolean,
  giveaways: readonly string[],
): string | undefined {
  const lines: string[] = [];
  const { venue, online } = location;
  if (venue) {
    const address = venue.address;
    lines.push(
      [venue.name, venue.room, address?.line1, address?.line2, address?.locality, address?.postalCode]
        .filter((part) => part !== undefined && part !== '')
        .join(', '),
    );
    if (venue.directions) lines.push(venue.directions);
  }
  if (online) {
    lines.push([online.platform, online.joinUrl].filter((part) => part !== undefined).join(': '));
    if (online.instructions) lines.push(online.instructions);
  }
  const kept = discreet ? lines.filter((line) => !giveaways.some((word) => compact(line).includes(word))) : lines;
  return kept.length > 0 ? kept.join('\n') : undefined;
}

/** What would say what a group is about: its whole name, and the words of its topics (four letters or more). */
function giveawaysOf(notice: Notice): string[] {
  const { record } = notice.group;
  const topicWords = record.topics.flatMap((topic) => searchWords(topic)).filter((word) => word.length >= 4);
  return [...new Set([compact(record.name), ...topicWords])].filter((word) => word !== '');
}

/** The email a notice stands for, in the student's language, discreet unless they asked otherwise. */
export function noticeEmail(notice: Notice): EmailMessage {
  const { record } = notice.group;
  const discreet = notice.recipient.discreet_email;
  const input: RegistrationEmailInput = {
    to: notice.recipient.email,
    groupName: record.name,
    discreet,
    sessionsText: sessionsText(notice.upcoming, notice.recipient.locale, record.schedule.timeZone),
    locale: notice.recipient.locale,
  };
  switch (notice.kind) {
    case 'registered':
    case 'promoted': {
      const joining = joiningText(record.location, discreet, giveawaysOf(notice));
      if (joining !== undefined) input.joiningText = joining;
      return notice.kind === 'registered' ? registeredEmail(input) : promotedEmail(input);
    }
    case 'waitlisted':
      return waitlistedEmail({ ...input, ...(notice.position !== undefined ? { position: notice.position } : {}) });
  }
}

/**
 * Sends each notice's email without holding up the answer (sendInBackground logs failures by kind only, never an
 * address). Returns the sends, which only tests wait for.
 */
export function sendNotices(mailer: Mailer, logger: Logger, notices: readonly Notice[]): Promise<void[]> {
  return Promise.all(
    notices.map((notice) => {
      let message: EmailMessage;
      try {
        message = noticeEmail(notice);
      } catch (error) {
        logger.error('group email not built', { purpose: notice.kind, error: (error as Error).name });
        return Promise.resolve();
      }
      return sendInBackground(mailer, message, logger, `group-${notice.kind}`);
    }),
  );
}
