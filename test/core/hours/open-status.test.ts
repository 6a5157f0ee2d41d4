import { expect } from '@open-wc/testing';
import type { components } from '../../../src/api/schema.js';
import { openStatus, sortByAvailability, type OpenStatus } from '../../../src/core/hours/open-status.js';
import { wallTimeInZone, zonedWallTimeToInstant } from '../../../src/core/hours/zoned-time.js';

type WeeklyHours = components['schemas']['WeeklyHours'];
type HoursRange = components['schemas']['HoursRange'];
type Day = HoursRange['day'];

// Every clock here is fixed, built with Date.UTC (month is 0-based there). Reference week: Monday 2026-06-01 to
// Sunday 2026-06-07. London is on BST (UTC+1) then, Los Angeles on PDT (UTC-7).
const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi));

function hours(timeZone: string, ...ranges: [Day, string, string][]): WeeklyHours {
  return { timeZone, alwaysOpen: false, weekly: ranges.map(([day, opens, closes]) => ({ day, opens, closes })) };
}
const london = (...ranges: [Day, string, string][]) => hours('Europe/London', ...ranges);
const newYork = (...ranges: [Day, string, string][]) => hours('America/New_York', ...ranges);

const open = (closesAt: Date | null): OpenStatus => ({ kind: 'open', closesAt });
const closed = (opensAt: Date | null): OpenStatus => ({ kind: 'closed', opensAt });
const unknown: OpenStatus = { kind: 'unknown' };

describe('openStatus', () => {
  describe('regular hours', () => {
    it('is always open when alwaysOpen is set, whatever the weekly list says', () => {
      const hoursAlways: WeeklyHours = { timeZone: 'Europe/London', alwaysOpen: true, weekly: [] };
      expect(openStatus(hoursAlways, utc(2026, 6, 1, 3))).to.deep.equal({ kind: 'always' });
      const withStaleRanges = { ...hoursAlways, weekly: [{ day: 'mon', opens: '09:00', closes: '17:00' }] };
      expect(openStatus(withStaleRanges as WeeklyHours, utc(2026, 6, 1, 3))).to.deep.equal({ kind: 'always' });
    });

    it('is open now until the closing time', () => {
      const weekdays = london(['mon', '09:00', '17:00'], ['tue', '09:00', '17:00']);
      expect(openStatus(weekdays, utc(2026, 6, 1, 10))).to.deep.equal(open(utc(2026, 6, 1, 16)));
      // Open from the opening minute, closed from the closing minute.
      expect(openStatus(weekdays, utc(2026, 6, 1, 8))).to.deep.equal(open(utc(2026, 6, 1, 16)));
      expect(openStatus(weekdays, utc(2026, 6, 1, 16))).to.deep.equal(closed(utc(2026, 6, 2, 8)));
    });

    it('is closed and opens later today', () => {
      const evenings = london(['mon', '18:00', '23:00']);
      expect(openStatus(evenings, utc(2026, 6, 1, 9, 15))).to.deep.equal(closed(utc(2026, 6, 1, 17)));
    });

    it('on a day with no ranges, opens at the next day that has one', () => {
      const weekdays = london(['fri', '09:00', '17:00'], ['mon', '09:00', '17:00']);
      // Saturday 6 June noon and Sunday evening → Monday 8 June 09:00 BST.
      expect(openStatus(weekdays, utc(2026, 6, 6, 11))).to.deep.equal(closed(utc(2026, 6, 8, 8)));
      expect(openStatus(weekdays, utc(2026, 6, 7, 20))).to.deep.equal(closed(utc(2026, 6, 8, 8)));
      // After Monday's closing, the next opening is Friday.
      expect(openStatus(weekdays, utc(2026, 6, 1, 17))).to.deep.equal(closed(utc(2026, 6, 5, 8)));
    });

    it('when the only range of the week has passed, opens at the same time next week', () => {
      const once = london(['mon', '09:00', '10:00']);
      expect(openStatus(once, utc(2026, 6, 1, 12))).to.deep.equal(closed(utc(2026, 6, 8, 8)));
    });

    it('runs an overnight range (fri 22:00–02:00) into Saturday', () => {
      const lateFriday = london(['fri', '22:00', '02:00']);
      // Saturday 01:00 BST is Friday 24:00 UTC: the range started the day before, on the service's clock.
      expect(openStatus(lateFriday, utc(2026, 6, 6, 0))).to.deep.equal(open(utc(2026, 6, 6, 1)));
      expect(openStatus(lateFriday, utc(2026, 6, 5, 22))).to.deep.equal(open(utc(2026, 6, 6, 1)));
      expect(openStatus(lateFriday, utc(2026, 6, 6, 1))).to.deep.equal(closed(utc(2026, 6, 12, 21)));
    });

    it('reads "24:00" as the end of the day', () => {
      const lateMonday = london(['mon', '19:00', '24:00']);
      expect(openStatus(lateMonday, utc(2026, 6, 1, 22, 59))).to.deep.equal(open(utc(2026, 6, 1, 23)));
      expect(openStatus(lateMonday, utc(2026, 6, 1, 23))).to.deep.equal(closed(utc(2026, 6, 8, 18)));
      const wholeDay = london(['wed', '00:00', '24:00']);
      expect(openStatus(wholeDay, utc(2026, 6, 3, 12))).to.deep.equal(open(utc(2026, 6, 3, 23)));
    });

    it('merges adjacent and overlapping ranges into one opening', () => {
      const night = london(['mon', '18:00', '24:00'], ['tue', '00:00', '06:00']);
      expect(openStatus(night, utc(2026, 6, 1, 19))).to.deep.equal(open(utc(2026, 6, 2, 5)));
      const chain = london(['wed', '08:00', '12:00'], ['wed', '11:00', '14:00'], ['wed', '14:00', '20:00']);
      expect(openStatus(chain, utc(2026, 6, 3, 7))).to.deep.equal(open(utc(2026, 6, 3, 19)));
      // Out of order in the data makes no difference.
      const shuffled = london(['wed', '14:00', '20:00'], ['wed', '08:00', '12:00'], ['wed', '11:00', '14:00']);
      expect(openStatus(shuffled, utc(2026, 6, 3, 7))).to.deep.equal(open(utc(2026, 6, 3, 19)));
      // A gap of one minute is not adjacent.
      const gap = london(['thu', '08:00', '12:00'], ['thu', '12:01', '14:00']);
      expect(openStatus(gap, utc(2026, 6, 4, 10))).to.deep.equal(open(utc(2026, 6, 4, 11)));
    });

    it('wraps from Sunday to Monday', () => {
      const weekend = london(['sun', '22:00', '24:00'], ['mon', '00:00', '02:00']);
      expect(openStatus(weekend, utc(2026, 6, 7, 22))).to.deep.equal(open(utc(2026, 6, 8, 1)));
      const overnight = london(['sun', '20:00', '03:00']);
      expect(openStatus(overnight, utc(2026, 6, 8, 1))).to.deep.equal(open(utc(2026, 6, 8, 2)));
      const mondays = london(['mon', '09:00', '17:00']);
      expect(openStatus(mondays, utc(2026, 6, 7, 20))).to.deep.equal(closed(utc(2026, 6, 8, 8)));
    });

    it('works on the service’s clock, not the viewer’s', () => {
      const losAngeles = hours(
        'America/Los_Angeles',
        ['mon', '09:00', '17:00'],
        ['tue', '09:00', '17:00'],
        ['wed', '09:00', '17:00'],
      );
      // 08:30 PDT Monday: closed, opens 09:00 PDT = 16:00 UTC.
      expect(openStatus(losAngeles, utc(2026, 6, 1, 15, 30))).to.deep.equal(closed(utc(2026, 6, 1, 16)));
      // Monday 23:30 UTC is already Tuesday 00:30 in London but Monday 16:30 in Los Angeles: open until 17:00 PDT.
      expect(openStatus(losAngeles, utc(2026, 6, 1, 23, 30))).to.deep.equal(open(utc(2026, 6, 2, 0)));
      // Wednesday 20:00 PDT is Thursday 03:00 UTC: closed until the next Monday 09:00 PDT.
      expect(openStatus(losAngeles, utc(2026, 6, 4, 3))).to.deep.equal(closed(utc(2026, 6, 8, 16)));
    });

    it('without regular hours (empty weekly, not always open) is closed with no opening time', () => {
      expect(openStatus(london(), utc(2026, 6, 1, 12))).to.deep.equal(closed(null));
    });

    it('gives no closing time when open through the whole next 7 days', () => {
      const days: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
      const everyDay = london(...days.map((day): [Day, string, string] => [day, '00:00', '24:00']));
      expect(openStatus(everyDay, utc(2026, 6, 3, 12))).to.deep.equal(open(null));
      // A week with a single closed hour (Tuesday 00:00–01:00 BST) still reports when it closes, days ahead.
      const allButOneHour = london(
        ...days.map((day): [Day, string, string] =>
          day === 'tue' ? ['tue', '01:00', '24:00'] : [day, '00:00', '24:00'],
        ),
      );
      expect(openStatus(allButOneHour, utc(2026, 6, 3, 12))).to.deep.equal(open(utc(2026, 6, 8, 23)));
    });
  });

  describe('clock changes', () => {
    // America/New_York: 2026-03-08 02:00 EST → 03:00 EDT (07:00 UTC); 2026-11-01 02:00 EDT → 01:00 EST (06:00 UTC).
    // Europe/London: 2026-03-29 01:00 GMT → 02:00 BST (01:00 UTC); 2026-10-25 02:00 BST → 01:00 GMT (01:00 UTC).

    it('New York spring forward: openings after the change use the new offset', () => {
      const sundayMorning = newYork(['sun', '09:00', '17:00']);
      // Seen on Saturday evening, before the change: 09:00 EDT = 13:00 UTC (not 14:00).
      expect(openStatus(sundayMorning, utc(2026, 3, 7, 23))).to.deep.equal(closed(utc(2026, 3, 8, 13)));
      const justAfter = newYork(['sun', '03:00', '05:00']);
      expect(openStatus(justAfter, utc(2026, 3, 8, 6, 30))).to.deep.equal(closed(utc(2026, 3, 8, 7)));
    });

    it('New York spring forward: an opening in the skipped hour happens when the clock jumps', () => {
      const skipped = newYork(['sun', '02:30', '05:00']);
      expect(openStatus(skipped, utc(2026, 3, 8, 5))).to.deep.equal(closed(utc(2026, 3, 8, 7)));
      expect(openStatus(skipped, utc(2026, 3, 8, 7))).to.deep.equal(open(utc(2026, 3, 8, 9)));
    });

    it('New York spring forward: a range across the skipped hour is an hour shorter', () => {
      const across = newYork(['sun', '01:00', '04:00']);
      expect(openStatus(across, utc(2026, 3, 8, 5))).to.deep.equal(closed(utc(2026, 3, 8, 6)));
      expect(openStatus(across, utc(2026, 3, 8, 6, 59))).to.deep.equal(open(utc(2026, 3, 8, 8)));
      expect(openStatus(across, utc(2026, 3, 8, 7))).to.deep.equal(open(utc(2026, 3, 8, 8)));
      // Wholly inside the skipped hour: it does not happen that day, so the next one is a week later (EDT).
      const inside = newYork(['sun', '02:10', '02:50']);
      expect(openStatus(inside, utc(2026, 3, 8, 6))).to.deep.equal(closed(utc(2026, 3, 15, 6, 10)));
    });

    it('New York fall back: a 25-hour day, and the repeated hour counts from its first pass', () => {
      const sundayMorning = newYork(['sun', '09:00', '17:00']);
      // Seen on Saturday, before the change: 09:00 EST = 14:00 UTC (not 13:00).
      expect(openStatus(sundayMorning, utc(2026, 10, 31, 20))).to.deep.equal(closed(utc(2026, 11, 1, 14)));
      const wholeSunday = newYork(['sun', '00:00', '24:00']);
      // 00:00 EDT (04:00 UTC) to 24:00 EST (05:00 UTC next day): 25 hours.
      expect(openStatus(wholeSunday, utc(2026, 11, 1, 4))).to.deep.equal(open(utc(2026, 11, 2, 5)));
      const early = newYork(['sun', '00:00', '06:00']);
      expect(openStatus(early, utc(2026, 11, 1, 6, 30))).to.deep.equal(open(utc(2026, 11, 1, 11)));
      const repeated = newYork(['sun', '01:30', '05:00']);
      expect(openStatus(repeated, utc(2026, 11, 1, 3))).to.deep.equal(closed(utc(2026, 11, 1, 5, 30)));
    });

    it('London spring forward', () => {
      const morning = london(['sun', '09:00', '12:00']);
      expect(openStatus(morning, utc(2026, 3, 28, 12))).to.deep.equal(closed(utc(2026, 3, 29, 8)));
      const skipped = london(['sun', '01:30', '03:00']);
      // 01:30 does not exist: opens at the change (01:00 UTC = 02:00 BST), closes 03:00 BST = 02:00 UTC.
      expect(openStatus(skipped, utc(2026, 3, 29, 0))).to.deep.equal(closed(utc(2026, 3, 29, 1)));
      expect(openStatus(skipped, utc(2026, 3, 29, 1, 30))).to.deep.equal(open(utc(2026, 3, 29, 2)));
    });

    it('London fall back', () => {
      const morning = london(['sun', '09:00', '12:00']);
      expect(openStatus(morning, utc(2026, 10, 24, 12))).to.deep.equal(closed(utc(2026, 10, 25, 9)));
      const repeated = london(['sun', '01:30', '03:00']);
      // First 01:30 is BST (00:30 UTC); 03:00 GMT is 03:00 UTC: open two and a half hours.
      expect(openStatus(repeated, utc(2026, 10, 25, 0))).to.deep.equal(closed(utc(2026, 10, 25, 0, 30)));
      expect(openStatus(repeated, utc(2026, 10, 25, 1, 15))).to.deep.equal(open(utc(2026, 10, 25, 3)));
    });
  });

  describe('broken data makes no claim', () => {
    const now = utc(2026, 6, 1, 12);

    it('is unknown for a time zone Intl does not know, or none at all', () => {
      expect(openStatus(hours('Mars/Olympus_Mons', ['mon', '09:00', '17:00']), now)).to.deep.equal(unknown);
      expect(openStatus(hours('Mars/Olympus_Mons'), now)).to.deep.equal(unknown);
      // Left out, Intl would quietly use the viewer's zone: that must not happen.
      const noZone = { alwaysOpen: false, weekly: [{ day: 'mon', opens: '09:00', closes: '17:00' }] };
      expect(openStatus(noZone as unknown as WeeklyHours, now)).to.deep.equal(unknown);
      expect(openStatus({ ...london(), timeZone: '' }, now)).to.deep.equal(unknown);
    });

    it('is unknown for malformed ranges or flags', () => {
      const bad: unknown[] = [
        { day: 'monday', opens: '09:00', closes: '17:00' },
        { day: 'mon', opens: '9:00', closes: '17:00' },
        { day: 'mon', opens: '09:00', closes: '25:00' },
        { day: 'mon', opens: '24:00', closes: '02:00' },
        { day: 'mon', opens: '09:00', closes: '09:00' },
        { day: 'mon', opens: 900, closes: '17:00' },
        { day: 'mon', opens: '09:00' },
        null,
      ];
      for (const range of bad) {
        const withBadRange = {
          ...london(['tue', '09:00', '17:00']),
          weekly: [{ day: 'tue', opens: '09:00', closes: '17:00' }, range],
        };
        expect(openStatus(withBadRange as WeeklyHours, now), JSON.stringify(range)).to.deep.equal(unknown);
      }
      const noFlag = { timeZone: 'Europe/London', weekly: [] };
      expect(openStatus(noFlag as unknown as WeeklyHours, now)).to.deep.equal(unknown);
      const noList = { timeZone: 'Europe/London', alwaysOpen: false };
      expect(openStatus(noList as unknown as WeeklyHours, now)).to.deep.equal(unknown);
      expect(openStatus(null as unknown as WeeklyHours, now)).to.deep.equal(unknown);
    });

    it('is unknown for an invalid clock', () => {
      expect(openStatus(london(['mon', '09:00', '17:00']), new Date(NaN))).to.deep.equal(unknown);
    });
  });
});

describe('sortByAvailability', () => {
  const at = (day: number, hour: number) => utc(2026, 6, day, hour);
  const lines: { name: string; status: OpenStatus }[] = [
    { name: 'closed, opens Wednesday', status: closed(at(3, 9)) },
    { name: 'unknown A', status: unknown },
    { name: 'open A', status: open(at(1, 17)) },
    { name: 'closed, no hours', status: closed(null) },
    { name: 'always', status: { kind: 'always' } },
    { name: 'closed, opens Tuesday A', status: closed(at(2, 9)) },
    { name: 'unknown B', status: unknown },
    { name: 'closed, opens Tuesday B', status: closed(at(2, 9)) },
    { name: 'open B', status: open(null) },
  ];

  it('puts open lines first, then unknown, then closed by soonest opening, keeping data order in ties', () => {
    const sorted = sortByAvailability(lines, (line) => line.status).map((line) => line.name);
    expect(sorted).to.deep.equal([
      'open A',
      'always',
      'open B',
      'unknown A',
      'unknown B',
      'closed, opens Tuesday A',
      'closed, opens Tuesday B',
      'closed, opens Wednesday',
      'closed, no hours',
    ]);
  });

  it('never drops or mutates, even when a status cannot be worked out', () => {
    const input = [...lines];
    const sorted = sortByAvailability(input, (line) => {
      if (line.name === 'open A') throw new Error('broken');
      return line.status;
    });
    expect(input).to.deep.equal(lines);
    expect(sorted).to.have.length(lines.length);
    expect(sorted).to.have.members(lines); // the same objects, each once
    // The line whose status threw sits with the unknown ones, in its data order.
    expect(sorted.slice(2, 5).map((line) => line.name)).to.deep.equal(['unknown A', 'open A', 'unknown B']);
    expect(sortByAvailability([], () => unknown)).to.deep.equal([]);
  });
});

describe('zoned time helpers', () => {
  it('reads the wall clock in a zone, with an ISO weekday', () => {
    // 2026-06-01 is a Monday; at 23:30 UTC it is 00:30 Tuesday in London and 16:30 Monday in Los Angeles.
    const instant = utc(2026, 6, 1, 23, 30);
    expect(wallTimeInZone(instant, 'Europe/London')).to.deep.equal({
      year: 2026,
      month: 6,
      day: 2,
      weekday: 2,
      hour: 0,
      minute: 30,
    });
    expect(wallTimeInZone(instant, 'America/Los_Angeles')).to.deep.equal({
      year: 2026,
      month: 6,
      day: 1,
      weekday: 1,
      hour: 16,
      minute: 30,
    });
    expect(wallTimeInZone(utc(2026, 6, 7), 'UTC').weekday).to.equal(7);
    expect(wallTimeInZone(utc(2026, 6, 7), 'UTC').hour).to.equal(0);
  });

  it('turns wall times into instants, including the ones clocks skip or repeat', () => {
    expect(zonedWallTimeToInstant('America/New_York', 2026, 3, 8, 1, 59)).to.deep.equal(utc(2026, 3, 8, 6, 59));
    expect(zonedWallTimeToInstant('America/New_York', 2026, 3, 8, 2, 30)).to.deep.equal(utc(2026, 3, 8, 7));
    expect(zonedWallTimeToInstant('America/New_York', 2026, 3, 8, 3, 0)).to.deep.equal(utc(2026, 3, 8, 7));
    expect(zonedWallTimeToInstant('America/New_York', 2026, 11, 1, 1, 30)).to.deep.equal(utc(2026, 11, 1, 5, 30));
    expect(zonedWallTimeToInstant('America/New_York', 2026, 11, 1, 2, 0)).to.deep.equal(utc(2026, 11, 1, 7));
    expect(zonedWallTimeToInstant('Europe/London', 2026, 3, 29, 1, 0)).to.deep.equal(utc(2026, 3, 29, 1));
    expect(zonedWallTimeToInstant('Europe/London', 2026, 10, 25, 1, 0)).to.deep.equal(utc(2026, 10, 25, 0));
    // Half-hour zones and rollover of hour 24 and day 32.
    expect(zonedWallTimeToInstant('Asia/Kolkata', 2026, 6, 1, 9, 0)).to.deep.equal(utc(2026, 6, 1, 3, 30));
    expect(zonedWallTimeToInstant('Europe/London', 2026, 12, 31, 24, 0)).to.deep.equal(utc(2027, 1, 1));
    expect(zonedWallTimeToInstant('Europe/London', 2026, 1, 32, 12, 0)).to.deep.equal(utc(2026, 2, 1, 12));
  });

  it('throws a RangeError for an unknown zone', () => {
    expect(() => wallTimeInZone(utc(2026, 6, 1), 'Mars/Olympus_Mons')).to.throw(RangeError);
    expect(() => zonedWallTimeToInstant('', 2026, 6, 1, 0, 0)).to.throw(RangeError);
  });
});
