import {
  arr,
  bool,
  empty,
  int,
  lenientArr,
  literal,
  nullable,
  obj,
  opt,
  str,
  type Check,
  type Infer,
} from '../../../core/api/shape.js';
import { isKnownTimeZone } from '../../../core/hours/zoned-time.js';
import { ACCESSIBILITY, AUDIENCES, FACILITATORS, FORMATS, LANGUAGE_TAG, TOPICS } from './vocabulary.js';

/**
 * Shape checks for the group endpoints (the contract's GroupList, Group and GroupRegistration). Every string and
 * list is bounded as the contract bounds it, so a hostile or broken backend yields an error state, never a page
 * swamped by a huge value. Identifiers match the contract's Id pattern: they end up in element ids and URLs.
 */

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const id = str({ min: 1, max: 64, pattern: ID });
const LOCAL = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/;
const localDateTime = str({ min: 16, max: 16, pattern: LOCAL });

/** A name `Intl` knows as a time zone; checked once per zone (the schedule is written with it). */
const zoneShape = str({ min: 3, max: 64, pattern: /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+){1,2})$/ });
export const timeZone: Check<string> = (value) => {
  const result = zoneShape(value);
  if (!result.ok) return result;
  return isKnownTimeZone(result.value) ? result : { ok: false, path: '', expected: 'a time zone this browser knows' };
};

/** An RFC 3339 date-time that `Date` can read. */
const instantShape = str({ max: 40, pattern: /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/i });
const instant: Check<string> = (value) => {
  const result = instantShape(value);
  if (!result.ok) return result;
  return Number.isNaN(Date.parse(result.value)) ? { ok: false, path: '', expected: 'a real date-time' } : result;
};

const schedule = obj({
  timeZone,
  startLocal: localDateTime,
  durationMinutes: int({ min: 10, max: 600 }),
  rrule: opt(str({ min: 10, max: 500, pattern: /^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Za-z0-9,+:-]+)*$/ })),
  exdates: opt(arr(localDateTime, { max: 100 })),
});

const occurrence = obj({ startsAt: instant, endsAt: instant, cancelled: opt(bool) });

const address = obj({
  line1: str({ min: 1, max: 120 }),
  line2: opt(str({ max: 120 })),
  locality: str({ min: 1, max: 80 }),
  region: opt(str({ max: 80 })),
  postalCode: opt(str({ max: 20 })),
  country: opt(str({ min: 2, max: 2, pattern: /^[A-Z]{2}$/ })),
  // Links are checked again with safeHref where they are rendered; here only bounded.
  directionsUrl: opt(str({ max: 2048 })),
});

const location = obj({
  venue: opt(
    obj({
      name: str({ min: 1, max: 120 }),
      room: opt(str({ min: 1, max: 60 })),
      address: opt(address),
      directions: opt(str({ min: 1, max: 500 })),
    }),
  ),
  online: opt(
    obj({
      platform: str({ min: 1, max: 60 }),
      joinUrl: opt(str({ max: 2048 })),
      instructions: opt(str({ min: 1, max: 500 })),
    }),
  ),
});

const summaryShape = {
  id,
  name: str({ min: 1, max: 120 }),
  discreetName: opt(str({ max: 60 })),
  summary: str({ max: 280 }),
  topics: arr(literal(...TOPICS), { max: TOPICS.length }),
  audiences: arr(literal(...AUDIENCES), { max: AUDIENCES.length }),
  format: literal(...FORMATS),
  languages: arr(str({ min: 2, max: 35, pattern: LANGUAGE_TAG }), { max: 20 }),
  facilitator: obj({ type: literal(...FACILITATORS), description: opt(str({ min: 1, max: 200 })) }),
  dropIn: bool,
  accessibility: arr(literal(...ACCESSIBILITY), { max: ACCESSIBILITY.length }),
  schedule,
  nextOccurrences: arr(occurrence, { max: 5 }),
  capacity: nullable(int({ min: 1 })),
  spotsLeft: nullable(int({ min: 0 })),
  waitlistEnabled: bool,
  registrationStatus: literal('open', 'waitlist', 'closed'),
  locationHidden: bool,
  areaHint: opt(str({ max: 120 })),
  location: opt(location),
};

/** A group as the list gives it (the contract's GroupSummary). */
export const groupSummaryCheck = obj(summaryShape);
export type GroupSummary = Infer<typeof groupSummaryCheck>;
export type GroupLocation = Infer<typeof location>;
export type GroupSchedule = Infer<typeof schedule>;
export type Occurrence = Infer<typeof occurrence>;

/** The most groups one page may hold: the contract's `limit` maximum. */
export const PAGE_MAX = 50;

const listShape = obj({
  items: lenientArr(groupSummaryCheck, { max: PAGE_MAX }),
  nextCursor: nullable(str({ min: 1, max: 512, pattern: /^[A-Za-z0-9_-]+$/ })),
});

/** One page of groups, with the groups that failed their check left out (counted in `dropped`). */
export interface GroupPage {
  items: GroupSummary[];
  nextCursor: string | null;
  /** Groups left out because they did not pass the check. */
  dropped: number;
}

/**
 * `GET /groups`. One malformed group is left out rather than hiding every other one; a page whose groups all fail
 * (or that has more than the contract's limit) is refused, so a broken backend shows an error, not "no groups".
 */
export const groupPageCheck: Check<GroupPage> = (value) => {
  const result = listShape(value);
  if (!result.ok) return result;
  const { items, nextCursor } = result.value;
  if (items.dropped > 0 && items.items.length === 0) {
    return { ok: false, path: '/items/0', expected: 'a group as the contract describes it' };
  }
  return { ok: true, value: { items: items.items, nextCursor, dropped: items.dropped } };
};

/** `GET /groups/{id}`: the summary's fields and the details. */
export const groupCheck = obj({
  ...summaryShape,
  description: str({ max: 4000 }),
  agreements: arr(str({ max: 300 }), { max: 30 }),
  firstSessionInfo: str({ max: 1000 }),
  attendanceRecorded: bool,
  accessibilityNote: opt(str({ max: 500 })),
  organiserEmail: opt(str({ min: 3, max: 254 })),
});
export type Group = Infer<typeof groupCheck>;

/** `POST /groups/{id}/registrations`: registered or waitlisted, with the cancel token shown this once. */
export const registrationCheck = obj({
  registrationId: id,
  groupId: id,
  status: literal('registered', 'waitlisted'),
  waitlistPosition: nullable(int({ min: 1 })),
  cancelToken: str({ min: 16, max: 128, pattern: /^[A-Za-z0-9_-]+$/ }),
  location: opt(location),
  createdAt: instant,
});
export type Registration = Infer<typeof registrationCheck>;

/** `DELETE …/registrations/{id}`: no content. */
export const cancelledCheck = empty;
