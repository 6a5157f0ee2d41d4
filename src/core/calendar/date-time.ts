/**
 * Date-times for the calendar writer. A wall-clock reading is held as a "wall" number: the milliseconds `Date.UTC`
 * gives for that reading, so date arithmetic on it never meets a clock change. Instants are plain epoch ms.
 */
import { zonedWallTimeToInstant } from '../hours/zoned-time.js';

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** Throws the RangeError every calendar function throws for a value it cannot write. */
export function invalid(what: string, value: unknown): never {
  throw new RangeError(`Invalid ${what}: ${String(value)}`);
}

/**
 * The wall number of a local date-time "YYYY-MM-DDTHH:mm" (the contract's LocalDateTime).
 * @throws RangeError when the text is not in that form or names a date that does not exist (30 February).
 */
export function parseLocal(value: string): number {
  const wall = /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value) ? Date.parse(`${value}Z`) : NaN;
  // Reading it back catches what the parser would roll over or refuse (30 February, 24:00).
  if (!(wall === wall && new Date(wall).toISOString().startsWith(value))) invalid('local date-time', value);
  return wall;
}

/** iCalendar's basic form, "YYYYMMDDTHHMMSS", of a wall number (or of an instant read in UTC). */
export function basic(wallOrInstant: number): string {
  return new Date(wallOrInstant).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/**
 * The instant at which a clock in `zone` reads `wall` ("UTC" reads it as UTC). A reading skipped by a clock change
 * gives the moment of the change; a repeated one gives the earlier instant.
 */
export function instantOf(zone: string, wall: number): number {
  if (zone === 'UTC') return wall;
  const date = new Date(wall);
  const instant = zonedWallTimeToInstant(
    zone,
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
  );
  return +instant + wall - Math.floor(wall / MINUTE) * MINUTE; // the seconds zonedWallTimeToInstant leaves out
}
