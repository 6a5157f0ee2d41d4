/**
 * A VTIMEZONE (RFC 5545 §3.6.5) built from the platform's time-zone data (`Intl`), for the span of time the events
 * in a file cover. Some calendars ignore the TZID name and use only this block, so its offsets must be right
 * wherever an event falls.
 */
import { wallTimeInZone } from '../hours/zoned-time.js';
import { basic, DAY, MINUTE } from './date-time.js';

const WEEK = 7 * DAY;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** How far the zone's clock is ahead of UTC at a whole-minute instant, in ms. */
function offsetAt(zone: string, instant: number): number {
  const { year, month, day, hour, minute } = wallTimeInZone(instant, zone);
  return Date.UTC(year, month - 1, day, hour, minute) - instant;
}

/** "+0530", "-0400". */
function formatOffset(offset: number): string {
  return (offset < 0 ? '-' : '+') + basic(Math.abs(offset)).slice(9, 13);
}

/**
 * The wall number of the `nth` `weekday` (0 = Sunday) of a month (0-based); `nth` -1 is the last one.
 */
function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
  if (nth < 0) {
    const last = Date.UTC(year, month + 1, 0);
    return last - ((new Date(last).getUTCDay() - weekday + 7) % 7) * DAY;
  }
  const first = Date.UTC(year, month, 1);
  return first + (((weekday - new Date(first).getUTCDay() + 7) % 7) + 7 * (nth - 1)) * DAY;
}

/**
 * A yearly rule ("the last Sunday of March") that gives exactly these onsets (wall numbers, one a year) and no
 * other before `end`, or nothing when there is none. Calendars such as Outlook read rules far better than lists of
 * dates, and a rule also keeps the offsets right after the span.
 */
function yearlyRule(onsets: readonly number[], end: number): string | undefined {
  const first = new Date(onsets[0]!);
  const weekday = first.getUTCDay();
  for (const nth of [-1, Math.ceil(first.getUTCDate() / 7)]) {
    if (nth > 4) continue;
    const expected: number[] = [];
    for (let year = first.getUTCFullYear(); ; year++) {
      const onset = nthWeekday(year, first.getUTCMonth(), weekday, nth) + (onsets[0]! % DAY);
      if (onset > end) break;
      expected.push(onset);
    }
    if (expected.join() === onsets.join()) {
      return `FREQ=YEARLY;BYMONTH=${first.getUTCMonth() + 1};BYDAY=${nth}${WEEKDAYS[weekday]}`;
    }
  }
  return undefined;
}

/**
 * The VTIMEZONE lines (unfolded) for `zone` that give the right offset at every instant from `first` to `last`
 * (epoch ms: the first event's start and the end of the last session). Each set of changes between the same two
 * offsets becomes one observance: DAYLIGHT when the clock goes forward, STANDARD when it goes back; with a yearly
 * rule when one fits, else with every onset listed (RDATE). The scan starts a year before `first`, so that a zone
 * with clock changes has an onset of each kind before the events begin; a zone without one gets a STANDARD
 * observance from the start of the scan.
 * @throws RangeError for a zone `Intl` does not know.
 */
export function timeZoneLines(zone: string, first: number, last: number): string[] {
  // Offsets change at most a few times a year and never twice in a week: a weekly scan finds each change, and a
  // binary search pins it to the minute.
  const start = Math.floor((first - 366 * DAY) / MINUTE) * MINUTE;
  const observances = new Map<string, { from: number; to: number; onsets: number[] }>();
  let before = offsetAt(zone, start);
  for (let low = start; low < last; low += WEEK) {
    const after = offsetAt(zone, low + WEEK);
    if (after !== before) {
      let [early, late] = [low, low + WEEK];
      while (late - early > MINUTE) {
        const middle = early + Math.floor((late - early) / 2 / MINUTE) * MINUTE;
        if (offsetAt(zone, middle) === before) early = middle;
        else late = middle;
      }
      if (late <= last) {
        const key = `${before} ${after}`;
        const observance = observances.get(key) ?? { from: before, to: after, onsets: [] };
        // RFC 5545 writes an onset as the wall time it had just before the change.
        observance.onsets.push(late + before);
        observances.set(key, observance);
      }
    }
    before = after;
  }

  const changes = [...observances.values()];
  if (!(Math.min(...changes.map(({ from: offset, onsets }) => onsets[0]! - offset)) <= first)) {
    // No change before the events begin (or none at all): an observance from the start of the scan says the offset.
    const offset = offsetAt(zone, start);
    changes.unshift({ from: offset, to: offset, onsets: [Math.floor((start + offset) / DAY) * DAY] });
  }
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const { from: offsetFrom, to: offsetTo, onsets } of changes) {
    const kind = offsetTo > offsetFrom ? 'DAYLIGHT' : 'STANDARD';
    const rule = offsetTo !== offsetFrom && yearlyRule(onsets, last + offsetFrom);
    // Several onsets without a rule: one RDATE line each, the first one included, since some readers (ical.js among
    // them) take only the first value of an RDATE line, and skip DTSTART when there is an RDATE.
    const dates = rule ? [`RRULE:${rule}`] : onsets.length > 1 ? onsets.map((onset) => `RDATE:${basic(onset)}`) : [];
    lines.push(`BEGIN:${kind}`, `DTSTART:${basic(onsets[0]!)}`, ...dates);
    lines.push(`TZOFFSETFROM:${formatOffset(offsetFrom)}`, `TZOFFSETTO:${formatOffset(offsetTo)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
