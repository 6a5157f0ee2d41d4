import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { writeCampusConfig } from '../src/campus-config/campus-config-repository.ts';
import { cursorKeyFor } from '../src/groups/cursor-key.ts';
import type { Group, GroupList, GroupSummary } from '../src/groups/group-types.ts';
import { encodeListCursor, filtersKey } from '../src/groups/list-cursor.ts';
import { demoCampusConfig } from '../src/seed/demo-campus-config.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  ADMIN_AUTH,
  ADMIN_TOKEN,
  dateFromToday,
  groupApi,
  groupInput,
  recordingMailer,
} from './helpers/group-fixtures.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

/** The wall-clock time ("HH:MM") and UTC offset of an instant in a zone. */
function wallClock(instant: string, timeZone: string): { time: string; offset: string } {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return { time: `${part('hour')}:${part('minute')}`, offset: part('timeZoneName') };
}

describeEachDatabase('GET /groups', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let api: ReturnType<typeof groupApi>;
  const ids: Record<string, string> = {};

  const list = async (query: string, limit = 50): Promise<GroupList> => {
    const response = await api.send('GET', `/groups?limit=${limit}&${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as GroupList;
  };
  /** The named test groups a question finds, in the order given. */
  const found = async (query: string) => {
    const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    return (await list(query)).items.flatMap((item) => (names.has(item.id) ? [names.get(item.id)!] : []));
  };

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database, { adminToken: ADMIN_TOKEN, email: recordingMailer() });
    // The demo campus without its groups, so that these tests see only their own (read at the first request).
    await writeCampusConfig(db.database, demoCampusConfig);
    api = groupApi(server.url);
    ids.grief = (
      await api.createGroup(
        groupInput({
          name: 'Grief circle',
          summary: 'For students who lost someone close.',
          topics: ['grief'],
          schedule: {
            timeZone: 'America/New_York',
            startLocal: `${dateFromToday(1)}T18:00`,
            durationMinutes: 60,
            rrule: 'FREQ=WEEKLY',
          },
          accessibility: ['step-free', 'quiet-room'],
        }),
      )
    ).id;
    // Monday 08:00 in Auckland is Sunday afternoon in New York and in UTC: day and time are the group's own.
    ids.ansiedad = (
      await api.createGroup(
        groupInput({
          name: 'Ansiedad y estrés',
          summary: 'Un grupo en línea para hablar de la ansiedad.',
          topics: ['anxiety', 'stress'],
          audiences: ['international-students'],
          format: 'online',
          location: { online: { platform: 'Zoom', joinUrl: 'https://meet.example.edu/j/1' } },
          languages: ['es-MX'],
          dropIn: true,
          facilitator: { type: 'clinician' },
          accessibility: ['captions'],
          schedule: {
            timeZone: 'Pacific/Auckland',
            startLocal: '2026-01-05T08:00',
            durationMinutes: 60,
            rrule: 'FREQ=WEEKLY;BYDAY=MO',
          },
        }),
      )
    ).id;
    ids.rainbow = (
      await api.createGroup(
        groupInput({
          name: 'Rainbow group',
          summary: 'LGBTQIA+ students meeting over coffee.',
          topics: ['lgbtqia'],
          format: 'hybrid',
          location: {
            venue: { name: 'Union', room: 'Room 9' },
            online: { platform: 'Teams', joinUrl: 'https://meet.example.edu/j/2' },
          },
          languages: ['en', 'es'],
          facilitator: { type: 'lived-experience' },
          accessibility: ['step-free', 'captions', 'quiet-room'],
          sensitive: true,
          areaHint: 'Main campus',
          schedule: {
            timeZone: 'America/Los_Angeles',
            startLocal: '2026-01-04T13:00',
            durationMinutes: 90,
            rrule: 'FREQ=WEEKLY;BYDAY=SU',
          },
        }),
      )
    ).id;
    ids.ended = (
      await api.createGroup(
        groupInput({
          name: 'Ended grief group',
          topics: ['grief'],
          schedule: {
            timeZone: 'UTC',
            startLocal: '2025-01-07T18:00',
            durationMinutes: 60,
            rrule: 'FREQ=WEEKLY;COUNT=4',
          },
        }),
      )
    ).id;
    ids.archived = (await api.createGroup(groupInput({ name: 'Archived grief group', topics: ['grief'] }))).id;
    assert.equal((await api.send('DELETE', `/admin/groups/${ids.archived}`, undefined, ADMIN_AUTH)).status, 204);
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('lists groups with a session to come, soonest first, never ended or archived ones', async () => {
    const all = (await list('')).items;
    const nexts = all.map((item) => item.nextOccurrences.find((occurrence) => !occurrence.cancelled)!.startsAt);
    assert.deepEqual(nexts, [...nexts].sort());
    assert.deepEqual(new Set(await found('')), new Set(['grief', 'ansiedad', 'rainbow']));
    assert.equal((await api.send('GET', `/groups/${ids.ended}`)).status, 200);
    assert.equal((await api.send('GET', `/groups/${ids.archived}`)).status, 404);
  });

  it('filters every way the contract lists, in the group’s own time zone', async () => {
    const cases: Array<[string, string[]]> = [
      ['topic=grief', ['grief']],
      ['topic=grief&topic=stress', ['grief', 'ansiedad']],
      ['audience=international-students', ['ansiedad']],
      ['format=online&format=hybrid', ['ansiedad', 'rainbow']],
      ['day=mon', ['ansiedad']],
      ['day=sun', ['rainbow']],
      ['timeOfDay=morning', ['ansiedad']],
      ['timeOfDay=afternoon', ['rainbow']],
      ['timeOfDay=evening', ['grief']],
      ['dropIn=true', ['ansiedad']],
      ['dropIn=false', ['grief', 'rainbow']],
      ['facilitator=clinician&facilitator=lived-experience', ['ansiedad', 'rainbow']],
      ['accessibility=step-free&accessibility=quiet-room', ['grief', 'rainbow']],
      ['accessibility=captions&accessibility=quiet-room', ['rainbow']],
      ['language=es', ['ansiedad', 'rainbow']],
      ['language=ES', ['ansiedad', 'rainbow']],
      ['language=es-MX', ['ansiedad']],
      ['language=en', ['grief', 'rainbow']],
      ['language=fr', []],
      ['q=grief', ['grief']],
      ['q=LOST', ['grief']],
      ['q=ansie', ['ansiedad']],
      ['q=estres', ['ansiedad']],
      ['q=Estr%C3%A9s%20ANSIEDAD', ['ansiedad']],
      ['q=rainbow%20circle', []],
      ['q=rain%20gro', ['rainbow']],
      ['q=%27%3B%20DROP%20TABLE%20groups%3B%20--', []],
      ['q=%21%21%21', ['grief', 'ansiedad', 'rainbow']],
      ['format=hybrid&accessibility=captions&q=coffee', ['rainbow']],
      ['topic=grief&format=online', []],
    ];
    for (const [query, expected] of cases) {
      assert.deepEqual(new Set(await found(query)), new Set(expected), query);
    }
    const bad = await api.send('GET', '/groups?day=someday&timeOfDay=noon');
    assert.equal(bad.status, 400);
    const fields = (await problemOf(bad)).errors?.map((error) => error.field.replace(/\/\d+$/, ''));
    assert.deepEqual(new Set(fields), new Set(['/query/day', '/query/timeOfDay']));
  });

  it('shows the next five sessions at the same local time across clock changes', async () => {
    const group = await api.createGroup(
      groupInput({
        name: 'Every other month',
        schedule: {
          timeZone: 'America/New_York',
          startLocal: `${dateFromToday(3)}T18:00`,
          durationMinutes: 60,
          rrule: 'FREQ=MONTHLY;INTERVAL=2',
        },
      }),
    );
    const detail = (await (await api.send('GET', `/groups/${group.id}`)).json()) as Group;
    assert.equal(detail.nextOccurrences.length, 5);
    const clocks = detail.nextOccurrences.map((occurrence) => wallClock(occurrence.startsAt, 'America/New_York'));
    // Ten months always span both of New York's changes: the offset differs, the wall clock never does.
    assert.ok(
      clocks.every((clock) => clock.time === '18:00'),
      JSON.stringify(clocks),
    );
    assert.equal(new Set(clocks.map((clock) => clock.offset)).size, 2);
    assert.equal(detail.attendanceRecorded, false);
    assert.deepEqual(detail.agreements, ['What is shared here stays here.']);
    await api.send('DELETE', `/admin/groups/${group.id}`, undefined, ADMIN_AUTH);
  });

  it('never shows a sensitive group’s location, only its area', async () => {
    const item = (await list('topic=lgbtqia')).items[0] as GroupSummary;
    assert.equal(item.locationHidden, true);
    assert.equal(item.areaHint, 'Main campus');
    assert.ok(!('location' in item));
    const open = (await list('topic=grief')).items[0] as GroupSummary;
    assert.equal(open.locationHidden, false);
    assert.equal(open.location?.venue?.name, 'Test Hall');
  });

  describe('pages', () => {
    const tied: string[] = [];
    const start = `${dateFromToday(4)}T10:00`;
    const tie = () =>
      groupInput({
        name: 'Tied group',
        topics: ['sleep'],
        schedule: { timeZone: 'America/New_York', startLocal: start, durationMinutes: 60, rrule: 'FREQ=WEEKLY' },
      });

    before(async () => {
      for (let index = 0; index < 23; index += 1) tied.push((await api.createGroup(tie())).id);
    });

    async function walk(query: string, between?: (page: number) => Promise<void>) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let page = 0;
      do {
        const answer = await list(`${query}${cursor ? `&cursor=${cursor}` : ''}`, 5);
        seen.push(...answer.items.map((item) => item.id));
        cursor = answer.nextCursor;
        page += 1;
        if (cursor) await between?.(page);
      } while (cursor);
      return seen;
    }

    it('walks groups that tie on their next session by id, each once', async () => {
      const seen = await walk('topic=sleep');
      assert.deepEqual(seen, [...tied].sort());
    });

    it('neither repeats nor skips when groups are added or removed between pages', async () => {
      const before = await walk('topic=sleep');
      const removed: string[] = [];
      const added: string[] = [];
      const seen = await walk('topic=sleep', async (page) => {
        if (page === 1) {
          // One already shown and one still to come go; two new ones tie with the rest.
          removed.push(before[1]!, before[12]!);
          for (const id of removed) await api.send('DELETE', `/admin/groups/${id}`, undefined, ADMIN_AUTH);
          added.push((await api.createGroup(tie())).id, (await api.createGroup(tie())).id);
        }
      });
      assert.equal(new Set(seen).size, seen.length, 'a group was shown twice');
      const stayed = before.filter((id) => !removed.includes(id));
      for (const id of stayed) assert.ok(seen.includes(id), `${id} was skipped`);
      assert.ok(!seen.includes(before[12]!), 'a removed group was shown after it was removed');
      // A new group shows up exactly when its place in the order is still ahead.
      const lastOfFirstPage = before[4]!;
      for (const id of added) assert.equal(seen.includes(id), id > lastOfFirstPage, id);
    });

    it('refuses a cursor that was changed, made up, expired, or made for other filters', async () => {
      const first = await list('topic=sleep', 5);
      const cursor = first.nextCursor!;
      const flipped = `${cursor.slice(0, 10)}${cursor[10] === 'A' ? 'B' : 'A'}${cursor.slice(11)}`;
      const key = await cursorKeyFor(db.database);
      const forged = encodeListCursor(
        { asOf: new Date(), nextAt: new Date(0), id: 'grp_x' },
        filtersKey('made up'),
        Buffer.alloc(32),
      );
      const expired = encodeListCursor(
        { asOf: new Date(Date.now() - 25 * 3600_000), nextAt: new Date(), id: tied[0]! },
        filtersKey([['sleep'], [], [], [], [], null, [], [], null, []]),
        key,
      );
      for (const [query, reason] of [
        [`topic=sleep&cursor=${flipped}`, 'changed'],
        [`topic=sleep&cursor=${cursor.slice(0, -4)}`, 'cut short'],
        [`topic=sleep&cursor=${forged}`, 'forged'],
        [`topic=sleep&cursor=${expired}`, 'expired'],
        [`topic=grief&cursor=${cursor}`, 'other filters'],
        [`topic=sleep&q=tied&cursor=${cursor}`, 'other words'],
        ['topic=sleep&cursor=bm90IGEgY3Vyc29y', 'not a cursor'],
        ['topic=sleep&cursor=%21%21', 'not even the pattern'],
      ]) {
        const response = await api.send('GET', `/groups?limit=5&${query}`);
        assert.equal(response.status, 400, reason);
        assert.equal((await problemOf(response)).errors?.[0]?.field, '/query/cursor', reason);
      }
      // The same cursor with the same filters, written in another order, goes on.
      assert.equal((await api.send('GET', `/groups?limit=5&topic=sleep&cursor=${cursor}`)).status, 200);
    });
  });

  it('answers 501 while the campus does not offer groups', async () => {
    await writeCampusConfig(db.database, {
      ...demoCampusConfig,
      features: { ...demoCampusConfig.features, groups: false },
    });
    const off = await startTestServer(db.database, { email: recordingMailer() });
    try {
      for (const path of ['/groups', `/groups/${ids.grief}`]) {
        assert.equal((await groupApi(off.url).send('GET', path)).status, 501, path);
      }
      assert.equal((await groupApi(off.url).register(ids.grief)).status, 501);
    } finally {
      await off.close();
      await writeCampusConfig(db.database, demoCampusConfig);
    }
  });
});
