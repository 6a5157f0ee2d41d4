import { wallTimeInZone } from '../../../core/hours/zoned-time.js';
import type { GroupLocation, GroupSummary } from './group-data.js';

/** The calendar writer, loaded only when a student asks for a calendar file (most never do). */
const calendarModule = () => import('../../../core/calendar/index.js');

export interface GroupCalendarOptions {
  /** Write the discreet title only: no name, topic, description, location or link anywhere in the file. */
  discreet: boolean;
  /** The title used when discreet ("Personal time", or the group's own neutral `discreetName`). */
  discreetTitle: string;
  /** A domain for the UID that names no group, e.g. the backend's host. */
  domain: string;
  /** Where to meet, as words (the revealed location of a sensitive group after joining). */
  locationText?: string;
  /** A description for the calendar entry (not written when discreet). */
  description?: string;
  /** A link to join online (https only; not written when discreet). */
  url?: string;
  now?: Date;
}

/**
 * An RFC 5545 file for a group's sessions: its schedule's first start in the group's own time zone (with a
 * VTIMEZONE), the RRULE as the contract gives it (a local UNTIL becomes UTC, inclusive), the skipped and cancelled
 * sessions as EXDATEs. The file name is the title's; with `discreet` both are the discreet title.
 * @throws RangeError when the backend's schedule cannot be written (see `toICalendar`).
 */
export async function groupCalendar(
  group: Pick<GroupSummary, 'id' | 'name' | 'schedule' | 'nextOccurrences'>,
  options: GroupCalendarOptions,
): Promise<{ ics: string; fileName: string }> {
  const { calendarFileName, toICalendar } = await calendarModule();
  const { schedule } = group;
  const cancelled = group.nextOccurrences
    .filter((occurrence) => occurrence.cancelled)
    .map((occurrence) => localStart(occurrence.startsAt, schedule.timeZone));
  const exdates = [...new Set([...(schedule.exdates ?? []), ...cancelled])];
  const title = options.discreet ? options.discreetTitle : group.name;
  const ics = toICalendar(
    [
      {
        uid: `${group.id}@${options.domain}`,
        title,
        start: schedule.startLocal,
        timeZone: schedule.timeZone,
        durationMinutes: schedule.durationMinutes,
        ...(schedule.rrule ? { rrule: schedule.rrule, ...(exdates.length ? { exdates } : {}) } : {}),
        ...(options.description ? { description: options.description } : {}),
        ...(options.locationText ? { location: options.locationText } : {}),
        ...(options.url ? { url: options.url } : {}),
      },
    ],
    { ...(options.now ? { now: options.now } : {}), ...(options.discreet ? { discreetTitle: title } : {}) },
  );
  return { ics, fileName: calendarFileName(title) };
}

/** Writes the group's file (see `groupCalendar`) and hands it to the student as a download from `doc`. */
export async function downloadGroupCalendar(
  group: Pick<GroupSummary, 'id' | 'name' | 'schedule' | 'nextOccurrences'>,
  options: GroupCalendarOptions,
  doc: Document,
): Promise<void> {
  const [{ ics, fileName }, { downloadCalendar }] = await Promise.all([
    groupCalendar(group, options),
    calendarModule(),
  ]);
  downloadCalendar(ics, fileName, doc);
}

/** "YYYY-MM-DDTHH:mm" on the group's clock at `instant` (how the contract writes local starts). */
export function localStart(instant: string, zone: string): string {
  const wall = wallTimeInZone(new Date(instant), zone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** A location in plain words for a calendar entry: "Wellbeing Centre, Room 2.14, 12 College Walk, Springfield". */
export function locationWords(location: GroupLocation | undefined): string | undefined {
  const venue = location?.venue;
  const parts = venue
    ? [venue.name, venue.room, venue.address?.line1, venue.address?.line2, venue.address?.locality]
    : [location?.online?.platform];
  const text = parts.filter(Boolean).join(', ');
  return text || undefined;
}

/** A discreet title that does not give the group away: the group's own neutral name when it has one. */
export function discreetTitleFor(group: Pick<GroupSummary, 'name' | 'discreetName'>, fallback: string): string {
  const own = group.discreetName?.trim();
  // A backend that copied the real name into the neutral one would out the student; fall back then.
  if (!own || own.toLowerCase().includes(group.name.trim().toLowerCase())) return fallback;
  return own;
}
