import type { components } from '../../api/schema.js';
import { wallTimeInZone, zonedWallTimeToInstant } from './zoned-time.js';

type WeeklyHours = components['schemas']['WeeklyHours'];
type HoursRange = components['schemas']['HoursRange'];

/**
 * Whether a contact method is open at a given instant.
 * - `open.closesAt` is `null` when it stays open through the whole next 7 days.
 * - `closed.opensAt` is `null` when there are no regular hours.
 * - `unknown`: the hours are malformed or their time zone is unknown. Show the line without an open/closed claim;
 *   never hide a line because its hours are broken.
 */
export type OpenStatus =
  | { kind: 'always' }
  | { kind: 'open'; closesAt: Date | null }
  | { kind: 'closed'; opensAt: Date | null }
  | { kind: 'unknown' };

interface Interval {
  start: number;
  end: number;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const LOCAL_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const WEEK = 7 * 86_400_000;
const UNKNOWN: OpenStatus = { kind: 'unknown' };

/**
 * Open or closed at `now`, worked out on the service's own clock (`hours.timeZone`). Ranges that touch or overlap
 * (mon 18:00–24:00 and tue 00:00–06:00) count as one opening, so `closesAt` is the end of the whole run.
 */
export function openStatus(hours: WeeklyHours, now: Date): OpenStatus {
  const at = now instanceof Date ? now.getTime() : NaN;
  if (typeof hours !== 'object' || hours === null || Number.isNaN(at)) return UNKNOWN;
  // The zone does not matter to a line that never closes, so a bad zone does not cost it its "Open 24/7".
  if (hours.alwaysOpen === true) return { kind: 'always' };
  // One bad range makes the whole answer unknown: skipping it could call an open line closed.
  if (hours.alwaysOpen !== false || !Array.isArray(hours.weekly) || !hours.weekly.every(isWellFormed)) return UNKNOWN;

  let runs: Interval[];
  try {
    runs = mergeTouching(openingsAround(hours, at));
  } catch {
    return UNKNOWN; // a time zone Intl does not know
  }

  const current = runs.find((run) => run.start <= at && at < run.end);
  if (current) return { kind: 'open', closesAt: current.end - at > WEEK ? null : new Date(current.end) };
  const next = runs.find((run) => run.start > at);
  return { kind: 'closed', opensAt: next ? new Date(next.start) : null };
}

/**
 * Items ordered for display: open (or always open) first, then those with unknown hours, then closed ones by how
 * soon they open (no regular hours last). Stable within each group, so the data's own priority order holds.
 * Returns a new array with every item.
 */
export function sortByAvailability<T>(items: readonly T[], statusOf: (item: T) => OpenStatus): T[] {
  return items
    .map((item, index) => ({ item, index, key: availabilityKey(item, statusOf) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
    .map((entry) => entry.item);
}

function availabilityKey<T>(item: T, statusOf: (item: T) => OpenStatus): [group: number, opensAt: number] {
  let status: OpenStatus | undefined;
  try {
    status = statusOf(item);
  } catch {
    // Sorting must never lose a line: a status that cannot be worked out counts as unknown.
  }
  if (status?.kind === 'always' || status?.kind === 'open') return [0, 0];
  if (status?.kind === 'closed') return [2, status.opensAt ? status.opensAt.getTime() : Infinity];
  return [1, 0];
}

function isWellFormed(range: HoursRange): boolean {
  return (
    typeof range === 'object' &&
    range !== null &&
    (DAYS as readonly string[]).includes(range.day) &&
    typeof range.opens === 'string' &&
    LOCAL_TIME.test(range.opens) &&
    typeof range.closes === 'string' &&
    (LOCAL_TIME.test(range.closes) || range.closes === '24:00') &&
    range.opens !== range.closes
  );
}

/**
 * Every opening, as instants, of the ranges that start from yesterday to 8 days ahead on the service's clock:
 * enough to see an overnight range from yesterday and to tell whether a run lasts more than a week.
 */
function openingsAround(hours: WeeklyHours, at: number): Interval[] {
  const zone = hours.timeZone;
  const today = wallTimeInZone(at, zone);
  const openings: Interval[] = [];
  for (let offset = -1; offset <= 8; offset++) {
    // Date.UTC rolls day overflow into the next month or year, so this walks the calendar.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const weekday = DAYS[(date.getUTCDay() + 6) % 7];
    for (const range of hours.weekly) {
      if (range.day !== weekday) continue;
      const opens = minutesOf(range.opens);
      const closes = minutesOf(range.closes); // "24:00" is 1440: the next midnight, via Date.UTC's rollover
      const closingDay = closes < opens ? day + 1 : day;
      const start = zonedWallTimeToInstant(zone, year, month, day, 0, opens).getTime();
      const end = zonedWallTimeToInstant(zone, year, month, closingDay, 0, closes).getTime();
      // A range wholly inside a skipped hour (clocks going forward) never happens that day.
      if (end > start) openings.push({ start, end });
    }
  }
  return openings;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function mergeTouching(intervals: Interval[]): Interval[] {
  const runs: Interval[] = [];
  for (const interval of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = runs[runs.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else runs.push({ ...interval });
  }
  return runs;
}
