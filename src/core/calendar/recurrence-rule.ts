/**
 * RRULE values (RFC 5545 §3.3.10) as the contract's GroupScheduleRule sends them, checked part by part and written
 * back in a form every calendar reads: FREQ first, `UNTIL` in UTC.
 */
import { basic, DAY, instantOf, invalid, parseLocal } from './date-time.js';

/** A day of the week as RRULE writes it. */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

/** A recurrence rule made safe to write, and the instant its `UNTIL` stands for (none for COUNT or open rules). */
export interface RecurrenceRule {
  rule: string;
  until: number | undefined;
}

const COUNT = /^[1-9]\d{0,3}$/;

// The parts RFC 5545 defines that hold one value, and what each allows.
const SINGLE: Record<string, RegExp> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  UNTIL: /^\d{8}(T\d{6}Z?)?$/,
  COUNT: COUNT,
  INTERVAL: COUNT,
  WKST: /^(MO|TU|WE|TH|FR|SA|SU)$/,
};

// The parts that hold a list of numbers: [smallest, largest, may count back from the end with "-"]. BYDAY's numbers
// are the optional ordinals before its days ("-1SU": the last Sunday).
const LISTS: Record<string, [number, number, boolean?]> = {
  BYSECOND: [0, 60],
  BYMINUTE: [0, 59],
  BYHOUR: [0, 23],
  BYDAY: [1, 53, true],
  BYMONTHDAY: [1, 31, true],
  BYYEARDAY: [1, 366, true],
  BYWEEKNO: [1, 53, true],
  BYMONTH: [1, 12],
  BYSETPOS: [1, 366, true],
};

// Names are upper-cased first, so none of them can be a key of Object.prototype.
function isValidPart(name: string, value: string): boolean {
  if (SINGLE[name]) return SINGLE[name].test(value);
  const [min, max, signed] = LISTS[name] ?? [];
  return (
    min !== undefined &&
    value.split(',').every((item) => {
      const [, sign, digits, day] = /^([+-]?)(\d{0,3})(MO|TU|WE|TH|FR|SA|SU)?$/.exec(item) ?? [];
      if (!day !== (name !== 'BYDAY') || sign === undefined) return false; // days in BYDAY and nowhere else
      if (!digits) return !!day && !sign; // BYDAY's ordinal may be left out
      return (signed || !sign) && +digits >= min && +digits <= max!;
    })
  );
}

/**
 * Checks an RRULE value and converts a local `UNTIL` to UTC using `zone`, the zone of the event's DTSTART (RFC 5545
 * wants UTC there). A local `UNTIL` stays inclusive: a session that starts exactly then is still in the set; a
 * date-only `UNTIL` keeps every session on that local day. A leading "RRULE:", surrounding space and lower case
 * are repaired.
 * @throws RangeError for anything else that is not a valid rule: an unknown or repeated part, a value out of range,
 *   a line break or other stray character, COUNT together with UNTIL, or a part the rule's FREQ forbids.
 */
export function recurrenceRule(value: string, zone: string): RecurrenceRule {
  const parts = new Map<string, string>();
  const text = String(value)
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  for (const part of text.split(';')) {
    const [name = '', item, extra] = part.split('=');
    if (item === undefined || extra !== undefined || parts.has(name) || !isValidPart(name, item)) {
      invalid('RRULE', value);
    }
    parts.set(name, item);
  }
  // What RFC 5545 forbids (and parsers such as ical.js refuse): COUNT with UNTIL, BYWEEKNO or BYYEARDAY outside
  // YEARLY, BYMONTHDAY in WEEKLY, ordinals in BYDAY of DAILY or WEEKLY, BYSETPOS with no other BYxxx part. The names
  // can be looked for in the text: no valid value contains them.
  const freq = parts.get('FREQ');
  if (
    !freq ||
    (parts.has('UNTIL') && parts.has('COUNT')) ||
    (/BYWEEKNO|BYYEARDAY/.test(text) && freq !== 'YEARLY') ||
    (/BYMONTHDAY/.test(text) && freq === 'WEEKLY') ||
    (/BYDAY=[^;]*\d/.test(text) && /DAILY|WEEKLY/.test(freq)) ||
    (/BYSETPOS/.test(text) && !/BY(?!SETPOS)/.test(text))
  ) {
    invalid('RRULE', value);
  }

  let until: number | undefined;
  const untilText = parts.get('UNTIL');
  if (untilText) {
    until = untilInstant(untilText, zone);
    parts.set('UNTIL', `${basic(until)}Z`);
  }
  parts.delete('FREQ');
  return { rule: [`FREQ=${freq}`, ...[...parts].map(([name, item]) => `${name}=${item}`)].join(';'), until };
}

function untilInstant(text: string, zone: string): number {
  const digits = text.replace('Z', '');
  const number = (from: number) => +digits.slice(from, from + 2) || 0;
  const wall = Date.UTC(+digits.slice(0, 4), number(4) - 1, number(6), number(9), number(11), number(13));
  if (basic(wall).slice(0, digits.length) !== digits) invalid('UNTIL', text);
  if (text.endsWith('Z')) return wall;
  // The last second of that local day, so a date keeps the sessions on it.
  if (digits.length === 8) return instantOf(zone, wall + DAY) - 1000;
  return instantOf(zone, wall);
}

/** What a weekly rule is made of. */
export interface WeeklyRuleOptions {
  /** The day or days of the week. */
  byDay: Weekday | readonly Weekday[];
  /** Every this many weeks; default 1. */
  interval?: number;
  /** The local start "YYYY-MM-DDTHH:mm" of the last session (inclusive), in the event's time zone. */
  until?: string;
  /** The number of sessions in all, the first one included. Not together with `until`. */
  count?: number;
}

/**
 * An RRULE value for something that happens every week (a check-in reminder), e.g. "FREQ=WEEKLY;BYDAY=MO". A local
 * `until` is written as it is; `toICalendar` converts it to UTC with the event's zone.
 * @throws RangeError for an unknown day, no day, a non-positive interval or count, or both `until` and `count`.
 */
export function weeklyRule({ byDay, interval, until, count }: WeeklyRuleOptions): string {
  let rule = `FREQ=WEEKLY;BYDAY=${[byDay].flat().join(',')}`;
  if (interval !== undefined && interval !== 1) rule += `;INTERVAL=${interval}`;
  if (until !== undefined) rule += `;UNTIL=${basic(parseLocal(until))}`;
  if (count !== undefined) rule += `;COUNT=${count}`;
  recurrenceRule(rule, 'UTC'); // the same checks as any rule from a backend
  return rule;
}
