import { ExpiringValue } from '../cache/expiring-value.ts';
import type { CampusConfig, Schemas } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import { loadRoster, readRoster, type Roster, type RosterReading } from '../supporters/roster.ts';
import { countDueQueue } from './request-repository.ts';

export type Availability = Schemas['Availability'];

/** What one moment looks like: the contract's Availability and how to estimate a wait at a given place. */
export interface AvailabilityPicture {
  availability: Availability;
  /**
   * Minutes until a supporter is expected to pick up the request at `position` (1 = next), or null when that cannot
   * be said honestly: nobody on shift, outside the hours, or not before this stretch of opening ends (a pick-up at closing time is no pick-up).
   */
  waitFor(position: number): number | null;
}

export interface AvailabilityOptions {
  /** How long one conversation takes a supporter on average, in minutes (PEER_MINUTES_PER_REQUEST). */
  minutesPerRequest: number;
  /** How long the roster (hours, shifts, training) is kept before it is read again. */
  rosterMaxAgeMs: number;
  /** The time the roster is worked out from (tests fix it). Default: the system clock. */
  clock?: () => number;
}

/**
 * Honest availability from the roster and the load. The expected wait for place p with n supporters on shift is
 * ceil(p / n) conversations of minutesPerRequest each: every supporter takes the next request in turn.
 */
export class AvailabilityService {
  private readonly roster: ExpiringValue<{ campus: CampusConfig; roster: Roster }>;

  constructor(
    db: Queryable,
    private readonly campusConfig: ExpiringValue<CampusConfig>,
    private readonly options: AvailabilityOptions,
  ) {
    this.roster = new ExpiringValue(async () => {
      const campus = await this.campusConfig.get();
      return { campus, roster: await loadRoster(db, campus, (options.clock ?? Date.now)()) };
    }, options.rosterMaxAgeMs);
  }

  /**
   * Loads the roster if it is due (on the database, not in a transaction: call this before opening one), then
   * returns a function that works out the picture on any connection, inside a transaction too (with the due queue's
   * length when the caller has just counted it).
   */
  async prepare(): Promise<(db: Queryable, now: Date, queueLength?: number) => Promise<AvailabilityPicture>> {
    const { campus, roster } = await this.roster.get();
    return async (db, now, queueLength) =>
      this.picture(campus, readRoster(roster, now.getTime()), queueLength ?? (await countDueQueue(db)), now);
  }

  /** Forgets the roster, e.g. after the command line changed shifts in this process. */
  refresh(): void {
    this.roster.clear();
  }

  private picture(campus: CampusConfig, reading: RosterReading, queueLength: number, now: Date): AvailabilityPicture {
    const open = reading.withinHours && reading.onShift > 0;
    const waitFor = (position: number): number | null => {
      if (!open) return null;
      const minutes = Math.ceil(position / reading.onShift) * this.options.minutesPerRequest;
      if (reading.openUntil && now.getTime() + minutes * 60_000 >= reading.openUntil.getTime()) return null;
      return minutes;
    };
    return {
      availability: {
        open,
        withinHours: reading.withinHours,
        supportersOnShift: reading.onShift,
        queueLength,
        expectedWaitMinutes: waitFor(queueLength + 1),
        channels: open ? reading.channels : [],
        hours: campus.peerSupportHours,
        nextOpenAt: open ? null : (reading.nextOpenAt?.toISOString() ?? null),
        acceptsScheduled: true,
        asOf: now.toISOString(),
      },
      waitFor,
    };
  }
}
