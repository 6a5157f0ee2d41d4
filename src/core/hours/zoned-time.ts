/**
 * Wall-clock time in IANA time zones using only `Intl`. The crisis widget ships to campus pages, where a date
 * library would cost more than the feature it serves.
 *
 * Both functions throw a `RangeError` for a time zone `Intl` does not know (or one that is not a string: left
 * `undefined`, `Intl` would silently use the viewer's zone instead).
 */

/** A wall-clock reading in one time zone. `month` is 1–12; `weekday` is ISO 8601: 1 = Monday … 7 = Sunday. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

const SECOND = 1000;
const DAY = 86_400_000;

// Creating a DateTimeFormat is the slow part; formatting with one is cheap.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    if (typeof zone !== 'string' || zone === '') throw new RangeError(`Invalid time zone: ${String(zone)}`);
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * Whether `Intl` knows `zone` as an IANA time zone (or an offset zone such as "+05:30"): a check for a zone named by
 * a page or by backend data before it is used. The answer is kept, with the formatter, so that rendering again costs
 * a map lookup, not a new `Intl.DateTimeFormat`.
 */
export function isKnownTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || unknownZones.has(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    if (unknownZones.size >= 256) unknownZones.clear(); // data naming endless made-up zones must not grow this
    unknownZones.add(zone);
    return false;
  }
}

const unknownZones = new Set<string>();

/** [year, month, day, hour, minute, second] on the zone's clock at `instant` (ms since the epoch). */
function readClock(zone: string, instant: number): number[] {
  const parts = formatterFor(zone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  // Older engines print midnight as hour 24 of the same day even with h23.
  return [field('year'), field('month'), field('day'), field('hour') % 24, field('minute'), field('second')];
}

/** The zone's offset read from its clock (one `formatToParts`, the slow call: about 20 µs, 80 on a slow phone). */
function measuredOffset(zone: string, wholeSecond: number): number {
  const [year, month, day, hour, minute, second] = readClock(zone, wholeSecond);
  return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond;
}

// A page works out hundreds of times in a few zones (a week of opening hours, a term of group sessions), almost all
// in stretches where the offset does not change. So the clock is read at the edges of six-hour blocks only: when both
// edges of a block agree, the offset holds throughout it (no zone changes its offset twice within six hours), and
// only a block with a change in it is read at the instant itself.
const BLOCK = 6 * 3_600_000;
const MAX_EDGES = 4_096;
const edgeOffsets = new Map<string, number>();

function offsetAtEdge(zone: string, edge: number): number {
  const key = `${zone} ${edge}`;
  let offset = edgeOffsets.get(key);
  if (offset === undefined) {
    offset = measuredOffset(zone, edge);
    if (edgeOffsets.size >= MAX_EDGES) edgeOffsets.clear(); // a page open for months must not grow without end
    edgeOffsets.set(key, offset);
  }
  return offset;
}

/** How far the zone's clock is ahead of UTC at `instant`, in ms (New York in winter: -5 h). */
function offsetAt(zone: string, instant: number): number {
  const wholeSecond = Math.floor(instant / SECOND) * SECOND;
  const start = Math.floor(wholeSecond / BLOCK) * BLOCK;
  // An invalid instant (NaN) is never cached: the formatter throws the RangeError first.
  const before = offsetAtEdge(zone, start);
  if (before === offsetAtEdge(zone, start + BLOCK)) return before;
  return measuredOffset(zone, wholeSecond);
}

/** What a clock in `zone` shows at `instant`. */
export function wallTimeInZone(instant: Date | number, zone: string): WallTime {
  const wall = new Date(Math.floor(+instant / SECOND) * SECOND + offsetAt(zone, +instant));
  const weekday = ((wall.getUTCDay() + 6) % 7) + 1;
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday,
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

/**
 * The instant at which a clock in `zone` shows the given date and time. `month` is 1–12. Values past their range
 * roll over like `Date.UTC` (hour 24 is the next day's midnight; day 32 is in the next month).
 *
 * - A time that happens twice (the repeated hour when clocks go back) gives the earlier instant.
 * - A time that never happens (the hour skipped when clocks go forward) gives the next instant that exists: the
 *   moment of the change. A service opening at 02:30 on that day opens when the clock jumps to 03:00.
 */
export function zonedWallTimeToInstant(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): Date {
  // The wall time read as if it were UTC; the real instant is this minus the zone's offset at that instant.
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wall)) throw new RangeError('Invalid wall time');

  // At most one offset change falls within a day of any time, so the offsets a day before and a day after are
  // the only two candidates. A candidate is right when the clock at that instant reads back the wall time.
  const offsetBefore = offsetAt(zone, wall - DAY);
  const offsetAfter = offsetAt(zone, wall + DAY);
  const candidates = [wall - offsetBefore, wall - offsetAfter].sort((a, b) => a - b);
  for (const instant of candidates) {
    if (instant + offsetAt(zone, instant) === wall) return new Date(instant);
  }

  // Neither reads back: the wall time is in a gap. `low` is still before the change and `high` already after it;
  // narrow them to the change itself, to the second.
  let low = wall - offsetAfter;
  let high = wall - offsetBefore;
  while (high - low > SECOND) {
    const middle = low + Math.floor((high - low) / 2 / SECOND) * SECOND;
    if (offsetAt(zone, middle) === offsetAfter) high = middle;
    else low = middle;
  }
  return new Date(high);
}
