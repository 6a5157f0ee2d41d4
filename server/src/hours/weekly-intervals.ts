import type { HoursRange, WeeklyHours } from '../contract/api-types.ts';
// The widgets' own zoned-time code (Intl only), so that the server and the widgets read hours alike.
import { wallTimeInZone, zonedWallTimeToInstant } from '../../../src/core/hours/zoned-time.ts';

/** A stretch of time from `start` (included) to `end` (excluded), in ms since the epoch. */
export interface Interval {
  start: number;
  end: number;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_MS = 86_400_000;

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Every occurrence of weekly ranges ("mon 18:00–23:00" on the clock of `timeZone`) that overlaps `from`–`until`, as
 * instants, in order. A range whose closes is earlier than its opens ends the next day, and "24:00" at the next
 * midnight. Clock changes move the instants, never the wall-clock times; a range wholly inside the hour skipped
 * when clocks go forward does not happen that day. Throws a RangeError for a zone Intl does not know.
 */
export function rangeOccurrences(
  ranges: readonly HoursRange[],
  timeZone: string,
  from: number,
  until: number,
): Interval[] {
  // A day earlier, for a range that started yesterday and runs past midnight into `from`.
  const first = wallTimeInZone(from - DAY_MS, timeZone);
  const days = Math.ceil((until - from) / DAY_MS) + 2;
  const occurrences: Interval[] = [];
  for (let offset = 0; offset <= days; offset += 1) {
    // Date.UTC rolls day overflow into the next month or year, so this walks the calendar.
    const date = new Date(Date.UTC(first.year, first.month - 1, first.day + offset));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const weekday = DAYS[(date.getUTCDay() + 6) % 7];
    for (const range of ranges) {
      if (range.day !== weekday) continue;
      const opens = minutesOf(range.opens);
      const closes = minutesOf(range.closes);
      const start = zonedWallTimeToInstant(timeZone, year, month, day, 0, opens).getTime();
      const end = zonedWallTimeToInstant(timeZone, year, month, closes <= opens ? day + 1 : day, 0, closes).getTime();
      if (end > start && end > from && start < until) occurrences.push({ start, end });
    }
  }
  return occurrences.sort((a, b) => a.start - b.start);
}

/** Opening hours as merged runs over `from`–`until`; always open is one endless run. */
export function openRuns(hours: WeeklyHours, from: number, until: number): Interval[] {
  if (hours.alwaysOpen) return [{ start: -Infinity, end: Infinity }];
  return merge(rangeOccurrences(hours.weekly, hours.timeZone, from, until));
}

/** Overlapping or touching intervals joined, in order. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const runs: Interval[] = [];
  for (const interval of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = runs.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else runs.push({ ...interval });
  }
  return runs;
}

/** Where two sorted, merged lists of intervals overlap. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const overlaps: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (start < end) overlaps.push({ start, end });
    if (a[i]!.end < b[j]!.end) i += 1;
    else j += 1;
  }
  return overlaps;
}

/** The instant a calendar date ("YYYY-MM-DD") begins on the clock of `timeZone`. */
export function startOfDay(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return zonedWallTimeToInstant(timeZone, year, month, day, 0, 0).getTime();
}
