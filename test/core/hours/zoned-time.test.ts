import { expect } from '@open-wc/testing';
import { isKnownTimeZone, wallTimeInZone, zonedWallTimeToInstant } from '../../../src/core/hours/zoned-time.js';

// The helpers read the clock at the edges of six-hour blocks and reuse it; these tests hold them to what Intl reads
// at the instant itself, in every zone the browser knows and around every offset change of a few years.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const references = new Map<string, Intl.DateTimeFormat>();

/** What Intl itself shows at `instant` in `zone`: the reference the cached helpers must always agree with. */
function intlReading(instant: number, zone: string) {
  let reference = references.get(zone);
  if (!reference) {
    reference = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    references.set(zone, reference);
  }
  const parts = reference.formatToParts(instant);
  const field = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(field('weekday')) + 1;
  return {
    year: Number(field('year')),
    month: Number(field('month')),
    day: Number(field('day')),
    weekday,
    hour: Number(field('hour')) % 24,
    minute: Number(field('minute')),
  };
}

function offsetMinutes(instant: number, zone: string): number {
  const clock = intlReading(instant, zone);
  const wall = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  return Math.round((wall - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** Offset changes in `zone` between `from` and `to` (ms), each to the second: a daily scan, then bisection. */
function transitions(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  let offset = offsetMinutes(from, zone);
  for (let day = from; day < to; day += DAY) {
    const nextOffset = offsetMinutes(day + DAY, zone);
    if (offset === nextOffset) continue;
    offset = nextOffset;
    let low = day;
    let high = day + DAY;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (offsetMinutes(middle, zone) === offsetMinutes(low, zone)) low = middle;
      else high = middle;
    }
    found.push(high);
  }
  return found;
}

/** A small seeded generator (mulberry32), so a failure names instants that can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const zones = Intl.supportedValuesOf('timeZone');

// Zones with offset changes of every shape: an hour either way on both hemispheres, half an hour (Lord Howe),
// 45-minute offsets (Chatham), changes at midnight (Santiago, Havana), at 00:00 local from a half-hour offset
// (Tehran's old rules), a zone that dropped its change (Istanbul), and zones a campus is likely to name.
const changingZones = [
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Santiago',
  'America/Havana',
  'America/Sao_Paulo',
  'America/Mexico_City',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Istanbul',
  'Africa/Casablanca',
  'Asia/Tehran',
  'Asia/Gaza',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Auckland',
];

describe('zoned time against Intl', function () {
  this.timeout(60_000);
  it('reads the same wall clock as Intl at random instants (1990–2040) in every zone the browser knows', () => {
    const next = random(7);
    const from = Date.UTC(1990, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    expect(zones.length).to.be.greaterThan(300);
    for (const zone of zones) {
      for (let i = 0; i < 40; i++) {
        // Whole minutes and odd milliseconds alike.
        const instant = Math.floor(from + next() * (to - from));
        expect(wallTimeInZone(instant, zone), `${zone} at ${new Date(instant).toISOString()}`).to.deep.equal(
          intlReading(instant, zone),
        );
      }
    }
  });

  it('agrees with Intl on both sides of every offset change from 2019 to 2029, to the second', () => {
    const near = [-3 * HOUR, -HOUR, -60_000, -1000, -1, 0, 1, 1000, 60_000, 30 * 60_000, HOUR, 3 * HOUR];
    let changes = 0;
    for (const zone of changingZones) {
      for (const change of transitions(zone, Date.UTC(2019, 0, 1), Date.UTC(2029, 0, 1))) {
        changes++;
        for (const delta of near) {
          const instant = change + delta;
          expect(wallTimeInZone(instant, zone), `${zone} at ${new Date(instant).toISOString()}`).to.deep.equal(
            intlReading(instant, zone),
          );
        }
      }
    }
    // The scan itself found the changes (a broken scan would make this test pass on anything).
    expect(changes).to.be.greaterThan(150);
  });

  it('turns every wall time back into its instant, and a repeated time into its first pass', () => {
    const next = random(11);
    const from = Date.UTC(2019, 0, 1);
    const to = Date.UTC(2029, 0, 1);
    for (const zone of changingZones) {
      const moments = [
        ...transitions(zone, from, to).flatMap((change) => [change - HOUR, change - 60_000, change, change + HOUR]),
        ...Array.from({ length: 200 }, () => from + Math.floor(next() * (to - from))),
      ];
      for (const moment of moments) {
        const instant = Math.floor(moment / 60_000) * 60_000;
        const clock = wallTimeInZone(instant, zone);
        const back = +zonedWallTimeToInstant(zone, clock.year, clock.month, clock.day, clock.hour, clock.minute);
        // The same wall time can only have come from an instant no later than this one (the repeated hour).
        expect(back, `${zone} at ${new Date(instant).toISOString()}`).to.be.at.most(instant);
        expect(intlReading(back, zone), `${zone} at ${new Date(instant).toISOString()}`).to.deep.equal(clock);
        if (back !== instant) expect(instant - back, zone).to.be.at.most(HOUR);
      }
    }
  });

  it('throws a RangeError for an invalid instant and never caches one', () => {
    expect(() => wallTimeInZone(Number.NaN, 'Europe/London')).to.throw(RangeError);
    expect(() => wallTimeInZone(new Date('not a date'), 'Europe/London')).to.throw(RangeError);
    expect(wallTimeInZone(Date.UTC(2026, 5, 1, 12), 'Europe/London').hour).to.equal(13);
  });
});

describe('isKnownTimeZone', () => {
  it('knows the zones Intl knows, and nothing else', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'UTC', 'Asia/Kolkata'])
      expect(isKnownTimeZone(zone), zone).to.equal(true);
    for (const zone of ['Mars/Olympus_Mons', '', 'Europe/Pari', undefined, null, 42]) {
      expect(isKnownTimeZone(zone), String(zone)).to.equal(false);
    }
  });

  it('asks Intl once per zone, known or not, however often a page renders', () => {
    const original = Intl.DateTimeFormat;
    let made = 0;
    const counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made++;
      return new original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = counting;
    try {
      for (let i = 0; i < 50; i++) {
        isKnownTimeZone('US/Samoa'); // an alias: not among the zones the tests above read
        isKnownTimeZone('Nowhere/Town');
      }
    } finally {
      Intl.DateTimeFormat = original;
    }
    expect(made).to.equal(2);
  });
});
