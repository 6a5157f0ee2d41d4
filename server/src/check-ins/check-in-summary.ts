import type { CheckInSummary, CheckInSummaryRow } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import type { FieldError } from '../http/problem.ts';

/** The longest range one request may count: two years of days, a leap day included. */
export const MAX_SUMMARY_DAYS = 731;

const DAY_MS = 86_400_000;

type Instrument = CheckInSummaryRow['instrument'];
type Bucket = CheckInSummaryRow['bucket'];

const INSTRUMENT_ORDER: readonly Instrument[] = ['mood', 'who5', 'phq4'];
const BUCKET_ORDER: readonly Bucket[] = [
  'level-1',
  'level-2',
  'level-3',
  'level-4',
  'level-5',
  'typical',
  'low',
  'very-low',
  'none',
  'mild',
  'moderate',
  'severe',
  'safety-concern',
];

/** Days since 1970-01-01 of a calendar date "YYYY-MM-DD" (a pure date: no time zone involved). */
function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday, so Monday is the day where (day + 3) mod 7 is 0. */
function mondayOnOrBefore(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

export function summaryRangeErrors(from: string, to: string): FieldError[] {
  const span = dayNumber(to) - dayNumber(from) + 1;
  if (span < 1) return [{ field: '/query/to', message: 'must not be before from' }];
  if (span > MAX_SUMMARY_DAYS) {
    return [{ field: '/query/to', message: `must be at most ${MAX_SUMMARY_DAYS} days after from, counting both` }];
  }
  return [];
}

export interface SummaryOptions {
  /** First and last day asked for, "YYYY-MM-DD" in the campus time zone; widened to whole weeks. */
  from: string;
  to: string;
  timeZone: string;
  retentionDays: number;
  /** The smallest count reported; smaller ones are suppressed. */
  threshold: number;
}

interface CountRow {
  [column: string]: unknown;
  week_start: string;
  instrument: Instrument;
  bucket: Bucket;
  count: number;
}

/**
 * Counts by week, instrument and bucket. Only weeks that have ended and that retention has not yet begun to delete
 * are counted (bounds worked out with the database clock, in the campus time zone), so that the answer for a week
 * never changes; counts below the threshold are suppressed. See the contract's GET /admin/check-ins/summary.
 */
export async function checkInSummary(db: Queryable, options: SummaryOptions): Promise<CheckInSummary> {
  const firstMonday = dateOf(mondayOnOrBefore(dayNumber(options.from)));
  const mondayAfter = dateOf(mondayOnOrBefore(dayNumber(options.to)) + 7);
  const rows = await db.query<CountRow>(
    `WITH bounds AS (
       SELECT greatest(
                $2::date::timestamp,
                -- The first Monday whose whole week is younger than retention.
                date_trunc('week', ((now() - make_interval(days => $4)) AT TIME ZONE $1)
                                   + interval '7 days' - interval '1 microsecond')
              ) AS first_local,
              least($3::date::timestamp, date_trunc('week', now() AT TIME ZONE $1)) AS end_local
     ),
     weekly AS (
       SELECT date_trunc('week', c.received_at AT TIME ZONE $1)::date AS week_start, c.instrument,
              coalesce(c.band, 'level-' || c.mood_level) AS bucket, c.safety_concern
         FROM check_ins c, bounds b
        WHERE c.received_at >= (b.first_local AT TIME ZONE $1)
          AND c.received_at < (b.end_local AT TIME ZONE $1)
     )
     SELECT week_start, instrument, bucket, count(*)::int AS count FROM weekly GROUP BY 1, 2, 3
     UNION ALL
     -- Only a "yes": NULL (not answered) is no concern.
     SELECT week_start, instrument, 'safety-concern', count(*)::int FROM weekly
      WHERE safety_concern IS TRUE GROUP BY 1, 2`,
    [options.timeZone, firstMonday, mondayAfter, options.retentionDays],
  );

  const summaryRows = rows
    .map((row): CheckInSummaryRow => {
      const base = { weekStart: row.week_start, instrument: row.instrument, bucket: row.bucket };
      return row.count < options.threshold
        ? { ...base, suppressed: true }
        : { ...base, count: row.count, suppressed: false };
    })
    .sort(
      (a, b) =>
        a.weekStart.localeCompare(b.weekStart) ||
        INSTRUMENT_ORDER.indexOf(a.instrument) - INSTRUMENT_ORDER.indexOf(b.instrument) ||
        BUCKET_ORDER.indexOf(a.bucket) - BUCKET_ORDER.indexOf(b.bucket),
    );
  return { timeZone: options.timeZone, threshold: options.threshold, rows: summaryRows };
}
