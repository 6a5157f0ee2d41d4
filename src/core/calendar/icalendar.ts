/**
 * The one RFC 5545 writer for every widget: check-in reminders and group sessions become an `.ics` file that
 * calendar apps import. No library: the iCalendar writers on npm cost 9–24 kB gzip and none builds a VTIMEZONE from
 * the platform's zone data; this one is checked against ical.js in the tests.
 */
import { safeHref } from '../safe-url.js';
import { VERSION } from '../version.js';
import { escapeText, fold, paramValue } from './content-line.js';
import { basic, DAY, instantOf, invalid, MINUTE, parseLocal } from './date-time.js';
import { recurrenceRule } from './recurrence-rule.js';
import { timeZoneLines } from './vtimezone.js';

/** Something to put in a calendar: one session, or a series of them. */
export interface CalendarEvent {
  /**
   * Stable across downloads of the same thing, and unique in the world: an id qualified by a domain
   * ("grp_grief_tue@peer.example.edu"). Contract ids may name a topic, so with a discreet title only a digest of
   * it is written, with the domain kept (a domain must not name the group).
   */
  uid: string;
  title: string;
  description?: string;
  location?: string;
  /** A page about the event. Only an https: URL is written; anything else is dropped. */
  url?: string;
  /** The local start "YYYY-MM-DDTHH:mm" in `timeZone` (of the first session of a series). */
  start: string;
  /** An IANA time zone ("America/New_York"); "UTC" writes UTC times and no VTIMEZONE. */
  timeZone: string;
  /** Minutes from start to end; a positive whole number. */
  durationMinutes: number;
  /**
   * An RRULE value without the "RRULE:" prefix, as in the contract's GroupScheduleRule, e.g.
   * "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270601T180000". A local UNTIL is read in `timeZone` and written in UTC,
   * inclusive of a session that starts exactly then.
   */
  rrule?: string;
  /** The local starts "YYYY-MM-DDTHH:mm" of sessions that will not happen. Used only with `rrule`. */
  exdates?: readonly string[];
  /** A reminder (a DISPLAY alarm) this many whole minutes before each start. */
  alarmMinutesBefore?: number;
  /** What the reminder says; the title when left out. */
  alarmText?: string;
}

/** How a whole file is written. */
export interface CalendarOptions {
  /** PRODID; default "-//peer-support-widgets//<version>//EN". */
  productId?: string;
  /** When the file is made (DTSTAMP); default now. */
  now?: Date;
  /**
   * A title that replaces every event's title, for calendars others may see (a shared calendar, a lock screen).
   * With it, no description, location or URL is written, reminders say only this title, and UIDs are written as
   * a digest, so nothing in the file names the event.
   */
  discreetTitle?: string;
}

/**
 * A whole iCalendar file (VCALENDAR, METHOD:PUBLISH) with the events and a VTIMEZONE for every zone they use:
 * CRLF line ends, lines folded at 75 octets, TEXT escaped.
 * @throws RangeError for no events, a malformed or impossible start or exdate, an unknown time zone, a duration or
 *   alarm that is not a whole number of minutes (duration above 0), or an RRULE that is not valid (see
 *   `recurrenceRule`).
 */
export function toICalendar(events: readonly CalendarEvent[], options: CalendarOptions = {}): string {
  const { discreetTitle } = options;
  // RFC 5545 wants at least one component in a calendar; an empty file would import as nothing, silently.
  if (!events.length) invalid('calendar', 'no events');
  const discreet = discreetTitle !== undefined;
  const stamp = `${basic(+(options.now ?? new Date()))}Z`;
  // For each zone, the first instant and the last that its VTIMEZONE must get right.
  const spans = new Map<string, [number, number]>();
  const body: string[] = [];

  for (const event of events) {
    const { timeZone: zone, durationMinutes: duration, alarmMinutesBefore: alarm } = event;
    if (!Number.isInteger(duration) || duration <= 0) invalid('duration', duration);
    const start = parseLocal(event.start);
    const end = start + duration * MINUTE;
    const utc = zone === 'UTC';
    // DTSTART;TZID=America/New_York:20260910T180000, or DTSTART:20260910T180000Z for UTC.
    const time = (name: string, walls: readonly number[]) =>
      utc
        ? `${name}:${walls.map((wall) => `${basic(wall)}Z`)}`
        : `${name};TZID=${paramValue(zone)}:${walls.map(basic)}`;
    const recurrence = event.rrule === undefined ? undefined : recurrenceRule(event.rrule, zone);

    const title = discreet ? discreetTitle : event.title;
    body.push('BEGIN:VEVENT', `UID:${escapeText(discreet ? digest(event.uid) : event.uid)}`, `DTSTAMP:${stamp}`);
    body.push(time('DTSTART', [start]), time('DTEND', [end]));
    if (recurrence) {
      body.push(`RRULE:${recurrence.rule}`);
      if (event.exdates?.length) body.push(time('EXDATE', event.exdates.map(parseLocal)));
    }
    body.push(`SUMMARY:${escapeText(title)}`);
    if (!discreet) {
      const url = safeHref(event.url, { allowHttpLocalhost: false });
      if (event.description) body.push(`DESCRIPTION:${escapeText(event.description)}`);
      if (event.location) body.push(`LOCATION:${escapeText(event.location)}`);
      if (url?.startsWith('https:')) body.push(`URL:${url}`);
    }
    if (alarm !== undefined) {
      if (!Number.isInteger(alarm) || alarm < 0) invalid('alarm', alarm);
      const text = discreet ? discreetTitle : (event.alarmText ?? event.title);
      body.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:-PT${alarm}M`, `DESCRIPTION:${escapeText(text)}`);
      body.push('END:VALARM');
    }
    body.push('END:VEVENT');

    if (!utc) {
      // A series with COUNT or no end is covered for years ahead; its VTIMEZONE rule (when one fits) goes on after.
      const first = instantOf(zone, start);
      const series = recurrence && (recurrence.until ?? first + OPEN_ENDED_YEARS * 366 * DAY) + duration * MINUTE;
      const last = Math.max(instantOf(zone, end), series ?? 0);
      const [firstSoFar, lastSoFar] = spans.get(zone) ?? [first, last];
      spans.set(zone, [Math.min(firstSoFar, first), Math.max(lastSoFar, last)]);
    }
  }

  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0'];
  lines.push(`PRODID:${escapeText(options.productId ?? `-//peer-support-widgets//${VERSION}//EN`)}`);
  lines.push('CALSCALE:GREGORIAN', 'METHOD:PUBLISH');
  for (const [zone, [first, last]] of spans) lines.push(...timeZoneLines(zone, first, last));
  lines.push(...body, 'END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** How far ahead the offsets are worked out for a series with COUNT or no end. */
const OPEN_ENDED_YEARS = 10;

/**
 * The same UID for the same input, naming nothing: a 64-bit FNV-1a digest of the UTF-8 text, with the domain kept.
 * Ids such as "grp_grief_tue" say what a group is about; the digest does not, yet stays stable across downloads.
 */
function digest(uid: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(uid))
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  const domain = /@([A-Za-z0-9.-]+)$/.exec(uid)?.[1];
  return hash.toString(16).padStart(16, '0') + (domain ? `@${domain}` : '');
}
