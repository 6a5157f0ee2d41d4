import { isolate } from '../../../core/bidi.js';
import { wallTimeInZone, zonedWallTimeToInstant } from '../../../core/hours/zoned-time.js';
import type { LocalizeController } from '../../../core/i18n/localize-controller.js';
import type { GroupSchedule, Occurrence } from './group-data.js';
import { formatDate, formatRange } from './time-format.js';

/**
 * A group's schedule in words, in the viewer's time zone and language: "Every Thursday, 6:00 – 7:30 PM" and "Next
 * session: tomorrow at 6:00 PM". The contract's schedule is an RRULE in the group's own zone; the day a session
 * falls on is worked out from a real session, so a student twelve hours away sees the day it is for them.
 */

const DAY_MS = 86_400_000;
/** 30 November 2026 was a Monday: day names come from Intl in the student's language, never from our tables. */
const A_MONDAY = Date.UTC(2026, 10, 30, 12);
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** What the description needs from an RRULE: how often, and on which ISO weekdays (1 = Monday … 7 = Sunday). */
export interface RuleOutline {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY' | 'ONCE';
  interval: number;
  /** Plain weekdays of a weekly rule (from BYDAY, else the first session's day); empty otherwise. */
  weekdays: number[];
}

/** Reads the parts of a rule the words depend on; a rule it cannot describe plainly is left to `MONTHLY`/`YEARLY`. */
export function outline(schedule: GroupSchedule): RuleOutline {
  if (!schedule.rrule) return { freq: 'ONCE', interval: 1, weekdays: [] };
  const parts = new Map(schedule.rrule.split(';').map((part) => part.split('=') as [string, string]));
  const freq = parts.get('FREQ') as RuleOutline['freq'];
  const interval = Math.max(1, Number.parseInt(parts.get('INTERVAL') ?? '1', 10) || 1);
  if (freq !== 'WEEKLY') return { freq, interval, weekdays: [] };
  const byDay = parts.get('BYDAY');
  const start = Date.parse(`${schedule.startLocal}Z`);
  const weekdays = byDay
    ? byDay.split(',').map((code) => BYDAY.indexOf(code as (typeof BYDAY)[number]) + 1)
    : [((new Date(start).getUTCDay() + 6) % 7) + 1];
  return { freq, interval, weekdays: [...new Set(weekdays.filter((day) => day > 0))].sort((a, b) => a - b) };
}

/** The first session's start and end as instants (for groups with no upcoming session listed). */
export function firstSession(schedule: GroupSchedule): { startsAt: Date; endsAt: Date } {
  const [date, time] = schedule.startLocal.split('T') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const startsAt = zonedWallTimeToInstant(schedule.timeZone, year, month, day, hour, minute);
  return { startsAt, endsAt: new Date(+startsAt + schedule.durationMinutes * 60_000) };
}

/** The session the words are about: the next one that will happen, else the next listed, else the first ever. */
function referenceSession(schedule: GroupSchedule, occurrences: readonly Occurrence[]) {
  const next = occurrences.find((occurrence) => !occurrence.cancelled) ?? occurrences[0];
  return next ? { startsAt: new Date(next.startsAt), endsAt: new Date(next.endsAt) } : firstSession(schedule);
}

function weekdayName(i18n: LocalizeController, isoDay: number): string {
  return i18n.dateTime(A_MONDAY + (isoDay - 1) * DAY_MS, { weekday: 'long', timeZone: 'UTC' });
}

/**
 * "Every Monday and Thursday, 6:00 – 7:30 PM" in `viewerZone`: the days are moved when the student's clock has
 * already reached the next day (or is still on the day before) at the session's start.
 */
export function describeSchedule(
  i18n: LocalizeController,
  schedule: GroupSchedule,
  occurrences: readonly Occurrence[],
  viewerZone: string,
): unknown[] {
  const rule = outline(schedule);
  const session = referenceSession(schedule, occurrences);
  const time = isolate(formatRange(i18n.lang, viewerZone, 'time', session.startsAt, session.endsAt));
  switch (rule.freq) {
    case 'ONCE':
      return i18n.parts('groups.schedule.once', {
        when: isolate(formatRange(i18n.lang, viewerZone, 'dateTime', session.startsAt, session.endsAt)),
      });
    case 'DAILY':
      return i18n.parts(rule.interval === 1 ? 'groups.schedule.daily' : 'groups.schedule.regular', { time });
    case 'WEEKLY': {
      if (!rule.weekdays.length) return i18n.parts('groups.schedule.regular', { time });
      const shift = dayShift(session.startsAt, schedule.timeZone, viewerZone);
      const days = rule.weekdays.map((day) => ((day - 1 + shift + 7) % 7) + 1).sort((a, b) => a - b);
      const named = isolate(i18n.list(days.map((day) => weekdayName(i18n, day))));
      if (rule.interval === 1) return i18n.parts('groups.schedule.weekly', { days: named, time });
      if (rule.interval === 2) return i18n.parts('groups.schedule.fortnightly', { days: named, time });
      return i18n.parts('groups.schedule.everyWeeks', {
        days: named,
        time,
        count: isolate(i18n.number(rule.interval)),
      });
    }
    case 'MONTHLY':
      return i18n.parts(rule.interval === 1 ? 'groups.schedule.monthly' : 'groups.schedule.regular', { time });
    default:
      return i18n.parts('groups.schedule.regular', { time });
  }
}

/** How many days the viewer's calendar is ahead of the group's at `instant`: -1, 0 or 1. */
function dayShift(instant: Date, groupZone: string, viewerZone: string): number {
  const group = wallTimeInZone(instant, groupZone);
  const viewer = wallTimeInZone(instant, viewerZone);
  return Math.round(
    (Date.UTC(viewer.year, viewer.month - 1, viewer.day) - Date.UTC(group.year, group.month - 1, group.day)) / DAY_MS,
  );
}

/** Whole days from `now` to `when` on the viewer's calendar (0 today, 1 tomorrow). */
function daysAhead(now: Date, when: Date, viewerZone: string): number {
  const day = (instant: Date) => {
    const wall = wallTimeInZone(instant, viewerZone);
    return Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS;
  };
  return Math.round(day(when) - day(now));
}

/**
 * "Next session: today at 6:00 PM", "…tomorrow at…", "…Thu, Dec 3 at…": always naming the day. A cancelled
 * session before it is said too ("No session on Tue, Dec 1"), so nobody turns up in vain.
 */
export function nextSessionLabel(
  i18n: LocalizeController,
  occurrences: readonly Occurrence[],
  now: Date,
  viewerZone: string,
): { next?: unknown[]; cancelled?: unknown[] } {
  const upcoming = occurrences.filter((occurrence) => Date.parse(occurrence.endsAt) > +now);
  const nextIndex = upcoming.findIndex((occurrence) => !occurrence.cancelled);
  const result: { next?: unknown[]; cancelled?: unknown[] } = {};
  const firstCancelled = upcoming.find(
    (occurrence, index) => occurrence.cancelled && (nextIndex < 0 || index < nextIndex),
  );
  if (firstCancelled) {
    result.cancelled = i18n.parts('groups.next.cancelled', {
      date: isolate(formatDate(i18n.lang, viewerZone, 'date', new Date(firstCancelled.startsAt))),
    });
  }
  if (nextIndex < 0) return { ...result, next: [i18n.t('groups.next.none')] };
  const startsAt = new Date(upcoming[nextIndex]!.startsAt);
  const time = isolate(formatDate(i18n.lang, viewerZone, 'time', startsAt));
  const ahead = daysAhead(now, startsAt, viewerZone);
  if (ahead <= 0) result.next = i18n.parts('groups.next.today', { time });
  else if (ahead === 1) result.next = i18n.parts('groups.next.tomorrow', { time });
  else {
    result.next = i18n.parts('groups.next.on', {
      date: isolate(formatDate(i18n.lang, viewerZone, 'date', startsAt)),
      time,
    });
  }
  return result;
}

/** One session for the full schedule: "Thu, Dec 3, 6:00 – 7:30 PM" in the viewer's zone. */
export function sessionText(i18n: LocalizeController, occurrence: Occurrence, viewerZone: string): string {
  return formatRange(i18n.lang, viewerZone, 'dateTime', new Date(occurrence.startsAt), new Date(occurrence.endsAt));
}

/** Whether the viewer's clock differs from the group's at its next session (then times are said to be theirs). */
export function zoneDiffers(schedule: GroupSchedule, occurrences: readonly Occurrence[], viewerZone: string): boolean {
  if (viewerZone === schedule.timeZone) return false;
  const at = referenceSession(schedule, occurrences).startsAt;
  const a = wallTimeInZone(at, viewerZone);
  const b = wallTimeInZone(at, schedule.timeZone);
  return a.hour !== b.hour || a.minute !== b.minute || a.day !== b.day;
}
