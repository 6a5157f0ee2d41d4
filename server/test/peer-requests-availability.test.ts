import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ExpiringValue } from '../src/cache/expiring-value.ts';
import type { CampusConfig } from '../src/contract/api-types.ts';
import type { Queryable, Row } from '../src/db/database.ts';
import { AvailabilityService } from '../src/peer-requests/availability.ts';
import { demoCampusConfig } from '../src/seed/demo-campus-config.ts';
import { loadRoster, readRoster } from '../src/supporters/roster.ts';
import type { Shift } from '../src/supporters/supporter-repository.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  allWeek,
  createRequest,
  makeSupporter,
  requestBody,
  signIn,
  supporterCall,
  writePeerCampus,
  type SupporterRequest,
} from './helpers/peer-request-fixtures.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

interface FakeShift extends Shift {
  supporter: string;
  trained?: [string, string];
}

/** A database that answers the roster's one query with these shifts, and the queue count with `queued`. */
function fakeDatabase(shifts: readonly FakeShift[], queued = 0): Queryable {
  return {
    kind: 'pglite',
    async query<T extends Row>(sql: string): Promise<T[]> {
      if (sql.includes('count(*)')) return [{ n: queued }] as unknown as T[];
      return shifts.map((shift) => ({
        supporter_id: shift.supporter,
        day: shift.day,
        opens: shift.opens,
        closes: shift.closes,
        channels: shift.channels,
        training_completed_on: shift.trained?.[0] ?? '2020-01-01',
        training_expires_on: shift.trained?.[1] ?? '2100-01-01',
      })) as unknown as T[];
    },
    exec: async () => undefined,
  };
}

/** The demo campus: Mon-Thu 10:00-22:00, Fri 10:00-18:00, Sun 18:00-22:00, New York time. */
const campus: CampusConfig = demoCampusConfig;
const alwaysOpen: CampusConfig = {
  ...demoCampusConfig,
  peerSupportHours: { timeZone: 'America/New_York', alwaysOpen: true, weekly: [] },
};

const at = (iso: string) => Date.parse(iso);

describe('the roster: who is on shift, and when the service next opens', () => {
  const shifts: FakeShift[] = [
    { supporter: 'a', day: 'mon', opens: '09:00', closes: '12:00', channels: ['chat'] },
    { supporter: 'b', day: 'mon', opens: '11:00', closes: '20:00', channels: ['call', 'video'] },
  ];

  it('counts supporters on shift inside the hours, with the channels they take, until the stretch ends', async () => {
    // Monday 1 September 2025, 11:30 in New York (EDT, UTC-4).
    const now = at('2025-09-01T15:30:00Z');
    const reading = readRoster(await loadRoster(fakeDatabase(shifts), campus, now), now);
    assert.equal(reading.withinHours, true);
    assert.equal(reading.onShift, 2);
    assert.deepEqual(reading.channels, ['chat', 'call', 'video']);
    assert.equal(reading.openUntil?.toISOString(), '2025-09-02T00:00:00.000Z');
    assert.equal(reading.nextOpenAt, null);
  });

  it('counts nobody before the hours begin, and opens when they do if someone is on shift then', async () => {
    const now = at('2025-09-01T13:30:00Z'); // 09:30: supporter a is on shift, the service is not open yet
    const reading = readRoster(await loadRoster(fakeDatabase(shifts), campus, now), now);
    assert.equal(reading.withinHours, false);
    assert.equal(reading.onShift, 0);
    assert.equal(reading.nextOpenAt?.toISOString(), '2025-09-01T14:00:00.000Z');
  });

  it('says when it next opens when nobody is on shift inside the hours: the next Monday', async () => {
    const now = at('2025-09-02T01:00:00Z'); // Monday 21:00: inside the hours, nobody on shift
    const reading = readRoster(await loadRoster(fakeDatabase(shifts), campus, now), now);
    assert.equal(reading.withinHours, true);
    assert.equal(reading.onShift, 0);
    assert.equal(reading.nextOpenAt?.toISOString(), '2025-09-08T14:00:00.000Z');
  });

  it('keeps shifts on the campus clock across the change back to standard time', async () => {
    // Friday 31 October 2025, 19:00 EDT; the clocks go back on Sunday 2 November.
    const now = at('2025-10-31T23:00:00Z');
    const reading = readRoster(await loadRoster(fakeDatabase(shifts), campus, now), now);
    assert.equal(reading.nextOpenAt?.toISOString(), '2025-11-03T15:00:00.000Z'); // Monday 10:00 EST
  });

  it('follows a shift past midnight into the next day', async () => {
    const overnight: FakeShift[] = [
      { supporter: 'a', day: 'fri', opens: '20:00', closes: '02:00', channels: ['chat'] },
    ];
    const roster = await loadRoster(fakeDatabase(overnight), alwaysOpen, at('2025-09-05T12:00:00Z'));
    assert.equal(readRoster(roster, at('2025-09-06T05:00:00Z')).onShift, 1); // Saturday 01:00
    assert.equal(readRoster(roster, at('2025-09-06T06:30:00Z')).onShift, 0); // Saturday 02:30
    assert.equal(readRoster(roster, at('2025-09-06T06:30:00Z')).nextOpenAt?.toISOString(), '2025-09-13T00:00:00.000Z');
  });

  it('leaves out the shifts on and after the day training expires, and before it is completed', async () => {
    const everyDay = allWeek(['chat']).map((shift) => ({ ...shift, supporter: 'a' }));
    const now = at('2025-09-01T16:00:00Z'); // Monday noon
    const expiring = everyDay.map((shift) => ({ ...shift, trained: ['2025-01-01', '2025-09-03'] as [string, string] }));
    const roster = await loadRoster(fakeDatabase(expiring), alwaysOpen, now);
    assert.equal(readRoster(roster, at('2025-09-02T16:00:00Z')).onShift, 1); // Tuesday
    assert.equal(readRoster(roster, at('2025-09-03T16:00:00Z')).onShift, 0); // Wednesday: expired
    const later = everyDay.map((shift) => ({ ...shift, trained: ['2025-09-04', '2026-09-04'] as [string, string] }));
    const reading = readRoster(await loadRoster(fakeDatabase(later), alwaysOpen, now), now);
    assert.equal(reading.onShift, 0);
    assert.equal(reading.nextOpenAt?.toISOString(), '2025-09-04T04:00:00.000Z'); // midnight in New York
  });
});

describe('expected waits', () => {
  const service = (config: CampusConfig, shifts: FakeShift[], queued: number, now: number) =>
    new AvailabilityService(fakeDatabase(shifts, queued), new ExpiringValue(async () => config, 60_000), {
      minutesPerRequest: 15,
      rosterMaxAgeMs: 0,
      clock: () => now,
    });
  const twoAllWeek = [...allWeek(['chat'])].flatMap((shift) => [
    { ...shift, supporter: 'a' },
    { ...shift, supporter: 'b' },
  ]);

  it('are ceil(place / supporters on shift) conversations of minutesPerRequest', async () => {
    const now = at('2025-09-01T16:00:00Z');
    const pictureAt = await service(alwaysOpen, twoAllWeek, 3, now).prepare();
    const db = fakeDatabase([], 3);
    const picture = await pictureAt(db, new Date(now));
    assert.deepEqual([1, 2, 3, 4, 5].map(picture.waitFor), [15, 15, 30, 30, 45]);
    assert.equal(picture.availability.expectedWaitMinutes, 30); // a new request would be fourth
    assert.equal(picture.availability.queueLength, 3);
    assert.equal(picture.availability.supportersOnShift, 2);
    assert.equal(picture.availability.open, true);
  });

  it('are null when the pick-up would come after the service closes, or when nobody is on shift', async () => {
    // Monday 21:30 in New York, closing at 22:00: 15 minutes fit, 45 do not.
    const now = at('2025-09-02T01:30:00Z');
    const lateShift = [
      { supporter: 'a', day: 'mon' as const, opens: '18:00', closes: '23:00', channels: ['chat' as const] },
    ];
    const picture = await (await service(campus, lateShift, 0, now).prepare())(fakeDatabase([], 0), new Date(now));
    assert.deepEqual([1, 2, 3].map(picture.waitFor), [15, null, null]);
    const closed = await (await service(campus, [], 0, now).prepare())(fakeDatabase([], 0), new Date(now));
    assert.equal(closed.waitFor(1), null);
    assert.equal(closed.availability.open, false);
    assert.equal(closed.availability.withinHours, true);
    assert.deepEqual(closed.availability.channels, []);
    assert.equal(closed.availability.nextOpenAt, null); // nobody has any shift: unknown, not a guess
  });
});

describeEachDatabase('GET /availability and the supporter queue', (target) => {
  let db: TestDatabase;
  let server: TestServer;

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database);
    server = await startTestServer(db.database, {
      peerRequests: { rateLimit: null, signInRateLimit: null, rosterMaxAgeMs: 0, minutesPerRequest: 10 },
    });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('says honestly that nobody is on shift, and then that someone is', async () => {
    const closed = await fetch(`${server.url}/api/v1/availability`);
    assert.equal(closed.status, 200);
    assert.equal(closed.headers.get('cache-control'), 'public, max-age=15');
    const before = (await closed.json()) as Record<string, unknown>;
    assert.equal(before.open, false);
    assert.equal(before.withinHours, true);
    assert.equal(before.supportersOnShift, 0);
    assert.equal(before.expectedWaitMinutes, null);
    // A request is still taken, and says the same.
    const created = await createRequest(server.url);
    assert.equal(created.availability.open, false);
    assert.equal(created.expectedWaitMinutes, null);

    await makeSupporter(db.database);
    await makeSupporter(db.database, { training: 'expired' });
    const open = (await (await fetch(`${server.url}/api/v1/availability`)).json()) as Record<string, unknown>;
    assert.equal(open.open, true);
    assert.equal(open.supportersOnShift, 1);
    assert.equal(open.queueLength, 1);
    assert.equal(open.expectedWaitMinutes, 20);
    assert.equal(open.nextOpenAt, null);
  });

  it('pages the queue in order, each request once, with consecutive places, and filters it', async () => {
    const supporter = await makeSupporter(db.database);
    const auth = await signIn(server.url, supporter);
    for (let index = 0; index < 44; index += 1) await createRequest(server.url);
    const later = await createRequest(
      server.url,
      requestBody({ when: { mode: 'scheduled', at: new Date(Date.now() + 3_600_000).toISOString() } }),
    );
    const seen: SupporterRequest[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/queue?limit=20${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (await supporterCall(server.url, auth, 'GET', query)).json()) as {
        items: SupporterRequest[];
        nextCursor: string | null;
      };
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.equal(new Set(seen.map((item) => item.requestId)).size, seen.length);
    assert.equal(seen.length, 46);
    // Due requests first with places 1, 2, 3…; the one for later last, without a place.
    assert.deepEqual(
      seen.slice(0, 45).map((item) => item.position),
      Array.from({ length: 45 }, (_, index) => index + 1),
    );
    assert.equal(seen.at(-1)!.requestId, later.requestId);
    assert.equal(seen.at(-1)!.position, null);

    const first = seen[0]!.requestId;
    assert.equal((await supporterCall(server.url, auth, 'POST', `/requests/${first}/claim`)).status, 200);
    const mine = (await (await supporterCall(server.url, auth, 'GET', '/queue?mine=true')).json()) as {
      items: SupporterRequest[];
    };
    assert.deepEqual(
      mine.items.map((item) => item.requestId),
      [first],
    );
    const claimed = (await (await supporterCall(server.url, auth, 'GET', '/queue?status=claimed')).json()) as {
      items: SupporterRequest[];
    };
    assert.ok(claimed.items.every((item) => item.status === 'claimed'));
    const bad = await supporterCall(server.url, auth, 'GET', '/queue?cursor=bm90LWEtY3Vyc29y');
    assert.equal(bad.status, 400);
    assert.equal((await problemOf(bad)).errors?.[0]?.field, '/query/cursor');
  });
});
