import { RRuleTemporal, type TemporalZonedDateTime, type TemporalZonedDateTimeInput } from 'rrule-temporal';
import type { FieldError } from '../http/problem.ts';
import { isKnownTimeZone } from '../hours/time-zones.ts';
import type { GroupScheduleRule } from './group-types.ts';

/**
 * A group's sessions from its GroupScheduleRule: the RRULE is expanded by rrule-temporal in the rule's own time zone
 * (RFC 5545), so a 6 pm group stays at 6 pm local time across clock changes and its UTC instant moves instead.
 * DTSTART and EXDATE values that fall in a clock change resolve as RFC 5545 §3.3.5 says (a time skipped by the
 * change is read with the offset before it; a repeated time is its first occurrence); a rule occurrence whose
 * local time does not exist that day is left out (§3.3.10).
 */

/** One session: its local start as the contract writes it ("2025-09-09T18:00") and its instants. */
export interface Session {
  startLocal: string;
  startsAt: Date;
  endsAt: Date;
}

/** Parts the contract's rule pattern admits that this server refuses: every session starts at startLocal's time. */
const TIME_PARTS = new Set(['BYHOUR', 'BYMINUTE', 'BYSECOND']);
const KNOWN_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);

/** The most sessions one rule may have when it ends (COUNT or UNTIL): ten years of weekly meetings. */
export const MAX_BOUNDED_SESSIONS = 520;

/** A zoned value the rule library reads: a local date-time in an IANA zone. */
function zoned(startLocal: string, timeZone: string): TemporalZonedDateTimeInput {
  const text = `${startLocal}:00[${timeZone}]`;
  return { timeZoneId: timeZone, toString: () => text };
}

/** "2025-09-09T18:00" from a zoned date-time, in its own zone. */
export function localStartOf(value: TemporalZonedDateTime): string {
  return value.toPlainDateTime().toString({ smallestUnit: 'minute' });
}

function ruleParts(rrule: string): Map<string, string> {
  return new Map(rrule.split(';').map((part) => part.split('=', 2) as [string, string]));
}

/**
 * The rule as the library's object. Without an `rrule` the group meets once: a one-session rule, so that the
 * single start resolves across clock changes exactly as a rule's first session does. Throws on a rule the library
 * refuses; check with scheduleErrors first.
 */
function recurrence(rule: GroupScheduleRule): RRuleTemporal {
  return new RRuleTemporal({
    rruleString: rule.rrule ?? 'FREQ=DAILY;COUNT=1',
    dtstart: zoned(rule.startLocal, rule.timeZone),
    exDate: (rule.exdates ?? []).map((local) => zoned(local, rule.timeZone)),
    // Refuses what RFC 5545 forbids (e.g. BYWEEKNO outside YEARLY) instead of guessing what it meant.
    strict: true,
  });
}

function toSession(value: TemporalZonedDateTime, durationMinutes: number): Session {
  const startsAt = new Date(value.epochMilliseconds);
  return {
    startLocal: localStartOf(value),
    startsAt,
    endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
  };
}

function isBounded(rule: GroupScheduleRule): boolean {
  if (rule.rrule === undefined) return true;
  const parts = ruleParts(rule.rrule);
  return parts.has('COUNT') || parts.has('UNTIL');
}

/**
 * What is wrong with a rule beyond the contract's schema, as 400 field errors under `pointer` (e.g.
 * "/body/schedule"): an unknown zone, refused or unknown parts, a rule the library cannot read, a bounded rule
 * with too many sessions, or one that leaves no session at all (every one excluded).
 */
export function scheduleErrors(rule: GroupScheduleRule, pointer: string): FieldError[] {
  if (!isKnownTimeZone(rule.timeZone)) {
    return [{ field: `${pointer}/timeZone`, message: 'is not a time zone this server knows' }];
  }
  if (rule.rrule !== undefined) {
    for (const name of ruleParts(rule.rrule).keys()) {
      if (TIME_PARTS.has(name)) {
        return [{ field: `${pointer}/rrule`, message: `must not set ${name}: every session starts at startLocal` }];
      }
      if (!KNOWN_PARTS.has(name)) return [{ field: `${pointer}/rrule`, message: `has an unknown part ${name}` }];
    }
  }
  let first: TemporalZonedDateTime | null;
  try {
    const rrule = recurrence(rule);
    if (isBounded(rule)) {
      let count = 0;
      rrule.all(() => (count += 1) <= MAX_BOUNDED_SESSIONS);
      if (count > MAX_BOUNDED_SESSIONS) {
        return [{ field: `${pointer}/rrule`, message: `must not give more than ${MAX_BOUNDED_SESSIONS} sessions` }];
      }
    }
    first = rrule.next(new Date(0), true);
  } catch (error) {
    // The library's messages name the part at fault ("Invalid BYDAY value: XX") and hold nothing personal.
    return [{ field: `${pointer}/rrule`, message: `cannot be read: ${(error as Error).message.slice(0, 200)}` }];
  }
  if (first === null) return [{ field: pointer, message: 'has no session left once exdates are taken out' }];
  return [];
}

export interface ExpandOptions {
  /** Sessions starting after this instant. */
  after: Date;
  /** ...and up to this one, */
  until: Date;
  /** ...or more, until there are this many (for rules that meet rarely), */
  atLeast: number;
  /** ...but never more than this many. */
  atMost: number;
}

/** The sessions of a valid rule in a window, soonest first, in the rule's zone (see the module comment). */
export function expandSessions(rule: GroupScheduleRule, options: ExpandOptions): Session[] {
  const rrule = recurrence(rule);
  const found = rrule.between(options.after, options.until, false).slice(0, options.atMost);
  let last = found.at(-1);
  while (found.length < Math.min(options.atLeast, options.atMost)) {
    const next = rrule.next(last ?? options.after, false);
    if (next === null) break;
    found.push(next);
    last = next;
  }
  return found.map((value) => toSession(value, rule.durationMinutes));
}

/** When the last session ends, or null for a rule without COUNT or UNTIL (it goes on). */
export function scheduleEnd(rule: GroupScheduleRule): Date | null {
  if (!isBounded(rule)) return null;
  const all = recurrence(rule).all((_, index) => index < MAX_BOUNDED_SESSIONS);
  const last = all.at(-1);
  return last ? toSession(last, rule.durationMinutes).endsAt : null;
}

/** The instant a local start names in a zone, read as a DTSTART is (see the module comment). */
export function instantOf(startLocal: string, timeZone: string): Date {
  const single = new RRuleTemporal({ rruleString: 'FREQ=DAILY;COUNT=1', dtstart: zoned(startLocal, timeZone) });
  return new Date(single.all()[0]!.epochMilliseconds);
}

/** True when `startLocal` is the local start of one of the rule's sessions (exdates are not sessions). */
export function isSessionStart(rule: GroupScheduleRule, startLocal: string): boolean {
  const found = recurrence(rule).next(instantOf(startLocal, rule.timeZone), true);
  return found !== null && localStartOf(found) === startLocal;
}

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** The contract's TimeOfDay of a local start: before 12:00 morning, 12:00-16:59 afternoon, from 17:00 evening. */
export function partOfDay(startLocal: string): PartOfDay {
  const hour = Number(startLocal.slice(11, 13));
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

/** The contract's DayOfWeek of a local start ("2025-09-09T18:00" was a Tuesday). */
export function dayOf(startLocal: string): Day {
  const [year, month, day] = startLocal.slice(0, 10).split('-').map(Number) as [number, number, number];
  // getUTCDay: 0 is Sunday; the contract's list starts on Monday.
  return DAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7]!;
}
