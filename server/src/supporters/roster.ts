import type { CampusConfig } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import { intersect, merge, openRuns, rangeOccurrences, startOfDay, type Interval } from '../hours/weekly-intervals.ts';
import type { PeerChannel, Shift } from './supporter-repository.ts';

/** One supporter's shift on one day, as instants, cut to the days their training counts. */
export interface ShiftSlot extends Interval {
  supporterId: string;
  channels: readonly PeerChannel[];
}

/**
 * Who can pick up requests when, over about a week: the campus's opening hours and every shift of a supporter who
 * may take requests (supporter or supervisor, not disabled, with training that counts), each cut to the hours.
 * Worked out from the database now and then (it changes only through the command line) and read many times.
 */
export interface Roster {
  /** The campus's peer support hours, merged. */
  hours: Interval[];
  /** Shift slots inside the hours. */
  slots: ShiftSlot[];
  /** When the service can take requests (inside the hours, someone on shift), merged. */
  open: Interval[];
  /** The span this roster covers; outside it nothing is known. */
  until: number;
}

interface ShiftRow extends Shift {
  [column: string]: unknown;
  supporter_id: string;
  training_completed_on: string;
  training_expires_on: string;
}

/** A week and a day ahead: far enough to name the day the service next opens. */
const HORIZON_MS = 8 * 86_400_000;

/** The shifts of everyone who may take requests, with their training dates. */
async function eligibleShifts(db: Queryable): Promise<ShiftRow[]> {
  return db.query<ShiftRow>(
    `SELECT sh.supporter_id, sh.day, sh.opens, sh.closes, sh.channels,
            s.training_completed_on, s.training_expires_on
       FROM supporter_shifts sh
       JOIN supporters s ON s.id = sh.supporter_id
      WHERE s.disabled_at IS NULL
        AND s.training_completed_on IS NOT NULL
        AND s.roles && ARRAY['supporter', 'supervisor']::text[]`,
  );
}

/** The roster from `now` to HORIZON_MS ahead (and a little before, for shifts under way). */
export async function loadRoster(db: Queryable, campus: CampusConfig, now: number): Promise<Roster> {
  const until = now + HORIZON_MS;
  const hours = openRuns(campus.peerSupportHours, now, until);
  const zone = campus.timeZone;
  const slots: ShiftSlot[] = [];
  for (const row of await eligibleShifts(db)) {
    const trained = [
      { start: startOfDay(row.training_completed_on, zone), end: startOfDay(row.training_expires_on, zone) },
    ];
    const occurrences = rangeOccurrences([row], zone, now, until);
    for (const slot of intersect(intersect(merge(occurrences), trained), hours)) {
      slots.push({ ...slot, supporterId: row.supporter_id, channels: row.channels });
    }
  }
  return { hours, slots, open: merge(slots), until };
}

/** What the roster says about one instant. */
export interface RosterReading {
  withinHours: boolean;
  /** Distinct supporters on shift inside the hours. */
  onShift: number;
  channels: PeerChannel[];
  /** While open: when this stretch of opening ends (null past the roster's span). */
  openUntil: Date | null;
  /** While not open: when the service next opens within the roster's span, else null. */
  nextOpenAt: Date | null;
}

const CHANNEL_ORDER: readonly PeerChannel[] = ['chat', 'call', 'video', 'in-person'];

export function readRoster(roster: Roster, at: number): RosterReading {
  const within = (interval: Interval) => interval.start <= at && at < interval.end;
  const current = roster.slots.filter(within);
  const run = roster.open.find(within);
  const offered = new Set(current.flatMap((slot) => slot.channels));
  return {
    withinHours: roster.hours.some(within),
    onShift: new Set(current.map((slot) => slot.supporterId)).size,
    channels: CHANNEL_ORDER.filter((channel) => offered.has(channel)),
    openUntil: run && run.end < roster.until ? new Date(run.end) : null,
    nextOpenAt: run ? null : nextStart(roster.open, at),
  };
}

function nextStart(open: readonly Interval[], at: number): Date | null {
  const next = open.find((interval) => interval.start > at);
  return next ? new Date(next.start) : null;
}
