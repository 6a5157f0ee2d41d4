import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { writeCampusConfig } from '../src/campus-config/campus-config-repository.ts';
import { groupHousekeeping } from '../src/groups/group-housekeeping.ts';
import type { AdminGroup, AdminGroupList, Group, GroupList, GroupRegistration } from '../src/groups/group-types.ts';
import { demoCampusConfig } from '../src/seed/demo-campus-config.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  ADMIN_AUTH,
  ADMIN_TOKEN,
  dateFromToday,
  groupApi,
  groupInput,
  newKey,
  recordingMailer,
  type RecordingMailer,
} from './helpers/group-fixtures.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

const CONSENT = { accepted: true, noticeVersion: 'groups-2025-09' } as const;

describeEachDatabase('admin groups', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let api: ReturnType<typeof groupApi>;
  let mailer: RecordingMailer;

  const admin = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    api.send(method, path, body, { ...ADMIN_AUTH, ...headers });
  const fieldsOf = async (response: Response) => (await problemOf(response)).errors?.map((error) => error.field);

  before(async () => {
    db = await target.open();
    mailer = recordingMailer();
    server = await startTestServer(db.database, { adminToken: ADMIN_TOKEN, email: mailer });
    await writeCampusConfig(db.database, demoCampusConfig);
    api = groupApi(server.url);
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('needs the admin token', async () => {
    const body = groupInput();
    for (const headers of [{}, { Authorization: `Bearer ${ADMIN_TOKEN}x` }] as Array<Record<string, string>>) {
      const response = await api.send('POST', '/admin/groups', body, { ...headers, 'Idempotency-Key': newKey() });
      assert.equal(response.status, 401);
    }
    assert.equal((await api.send('GET', '/admin/groups')).status, 401);
    assert.equal((await api.send('PATCH', '/admin/groups/grp_x', { capacity: 3 })).status, 401);
  });

  it('creates a group that is listed at once, with its location for staff, and replays a retried create', async () => {
    const key = newKey();
    const body = groupInput({ name: 'Brand new circle', sensitive: true, areaHint: 'North campus' });
    const response = await admin('POST', '/admin/groups', body, { 'Idempotency-Key': key });
    assert.equal(response.status, 201);
    const created = (await response.json()) as AdminGroup;
    assert.equal(response.headers.get('location'), `/api/v1/groups/${created.id}`);
    assert.match(created.id, /^grp_[A-Za-z0-9_-]+$/);
    assert.deepEqual(
      [created.registeredCount, created.waitlistCount, created.registrationOpen, created.cancelledSessions],
      [0, 0, true, []],
    );
    assert.equal(created.location.venue?.room, 'Room 1');
    assert.equal(created.nextOccurrences.length, 5);
    const replay = await admin('POST', '/admin/groups', body, { 'Idempotency-Key': key });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(((await replay.json()) as AdminGroup).id, created.id);
    const listed = (await (await api.send('GET', '/groups?q=brand')).json()) as GroupList;
    assert.deepEqual(
      listed.items.map((item) => item.id),
      [created.id],
    );
  });

  it('refuses a group whose location, format or schedule do not fit, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ format: 'online' }, '/body/location/online'],
      [{ format: 'hybrid' }, '/body/location/online'],
      [
        { schedule: { timeZone: 'Atlantis/Capital', startLocal: '2027-01-05T18:00', durationMinutes: 60 } },
        '/body/schedule/timeZone',
      ],
      [
        {
          schedule: {
            timeZone: 'UTC',
            startLocal: '2027-01-05T18:00',
            durationMinutes: 60,
            rrule: 'FREQ=DAILY;BYHOUR=9',
          },
        },
        '/body/schedule/rrule',
      ],
      [
        {
          schedule: {
            timeZone: 'UTC',
            startLocal: '2027-01-05T18:00',
            durationMinutes: 60,
            rrule: 'FREQ=WEEKLY;BYDAY=XX',
          },
        },
        '/body/schedule/rrule',
      ],
    ];
    for (const [change, field] of cases) {
      const response = await admin(
        'POST',
        '/admin/groups',
        { ...groupInput(), ...change },
        { 'Idempotency-Key': newKey() },
      );
      assert.equal(response.status, 400, JSON.stringify(change));
      assert.ok((await fieldsOf(response))?.includes(field), `${JSON.stringify(change)}: ${field}`);
    }
    const group = await api.createGroup(groupInput());
    const patched = await admin('PATCH', `/admin/groups/${group.id}`, { format: 'online' });
    assert.equal(patched.status, 400);
    assert.deepEqual(await fieldsOf(patched), ['/body/location/online']);
  });

  it('edits what is sent, finds the group by its new words, and promotes the waitlist when room appears', async () => {
    const group = await api.createGroup(groupInput({ name: 'Old name', discreetName: 'Quiet name', capacity: 1 }));
    await api.register(group.id);
    const waiting: GroupRegistration[] = [];
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
      waiting.push((await (await api.register(group.id, { email, consent: CONSENT })).json()) as GroupRegistration);
    }
    await mailer.waitFor(3);
    mailer.sent.length = 0;

    const response = await admin('PATCH', `/admin/groups/${group.id}`, {
      name: 'Walk and talk',
      discreetName: null,
      capacity: 3,
    });
    assert.equal(response.status, 200);
    const edited = (await response.json()) as AdminGroup;
    assert.equal(edited.name, 'Walk and talk');
    assert.ok(!('discreetName' in edited));
    assert.deepEqual([edited.registeredCount, edited.waitlistCount], [3, 1]);
    const sent = await mailer.waitFor(2);
    assert.deepEqual(sent.map((message) => message.to).sort(), ['a@example.com', 'b@example.com']);
    const byWords = (await (await api.send('GET', '/groups?q=walk%20talk')).json()) as GroupList;
    assert.deepEqual(
      byWords.items.map((item) => item.id),
      [group.id],
    );
    assert.equal(((await (await api.send('GET', '/groups?q=old')).json()) as GroupList).items.length, 0);
    assert.equal((await admin('PATCH', '/admin/groups/grp_missing', { capacity: 2 })).status, 404);
  });

  it('cancels one session, which stays listed as cancelled, and takes it back', async () => {
    const first = `${dateFromToday(2)}T18:00`;
    const second = `${dateFromToday(9)}T18:00`;
    const group = await api.createGroup(
      groupInput({
        schedule: { timeZone: 'America/New_York', startLocal: first, durationMinutes: 60, rrule: 'FREQ=WEEKLY' },
      }),
    );
    const cancel = (body: unknown) => admin('POST', `/admin/groups/${group.id}/cancel-session`, body);

    const response = await cancel({ startLocal: first });
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as AdminGroup).cancelledSessions, [first]);
    assert.equal((await cancel({ startLocal: first })).status, 200);
    const detail = (await (await api.send('GET', `/groups/${group.id}`)).json()) as Group;
    assert.equal(detail.nextOccurrences[0]!.cancelled, true);
    assert.equal(detail.nextOccurrences[1]!.cancelled, undefined);
    assert.equal(detail.registrationStatus, 'open');
    // The finder now orders the group by its second session.
    const key = await db.database.query<{ start_local: string }>(
      `SELECT start_local FROM group_sessions WHERE group_id = $1 AND NOT cancelled AND starts_at > now()
        ORDER BY starts_at LIMIT 1`,
      [group.id],
    );
    assert.equal(key[0]!.start_local, second);

    const back = await cancel({ startLocal: first, cancelled: false });
    assert.deepEqual(((await back.json()) as AdminGroup).cancelledSessions, []);
    for (const [startLocal, why] of [
      [`${dateFromToday(2)}T18:30`, 'not a session'],
      [`${dateFromToday(3)}T18:00`, 'another day'],
      ['2020-01-07T18:00', 'before the first'],
    ]) {
      const refused = await cancel({ startLocal });
      assert.equal(refused.status, 400, why);
      assert.deepEqual(await fieldsOf(refused), ['/body/startLocal'], why);
    }
    assert.equal((await admin('POST', '/admin/groups/grp_missing/cancel-session', { startLocal: first })).status, 404);
  });

  it('archives a group: gone at once with its registrations and their contact details', async () => {
    const group = await api.createGroup(groupInput());
    const made = (await (
      await api.register(group.id, { name: 'Robin', email: 'robin@example.com', consent: CONSENT })
    ).json()) as GroupRegistration;
    assert.equal((await admin('DELETE', `/admin/groups/${group.id}`)).status, 204);
    assert.equal((await api.send('GET', `/groups/${group.id}`)).status, 404);
    assert.equal((await api.register(group.id)).status, 404);
    assert.equal((await api.cancel(group.id, made.registrationId, made.cancelToken)).status, 404);
    assert.equal((await admin('DELETE', `/admin/groups/${group.id}`)).status, 404);
    assert.equal((await admin('PATCH', `/admin/groups/${group.id}`, { capacity: 4 })).status, 404);
    const rows = await db.database.query('SELECT 1 FROM group_registrations WHERE group_id = $1', [group.id]);
    assert.equal(rows.length, 0);
    const staff = (await (await admin('GET', '/admin/groups?limit=50')).json()) as AdminGroupList;
    assert.ok(!staff.items.some((item) => item.id === group.id));
  });

  it('lists every group for staff by name, a page at a time', async () => {
    for (const name of ['Zeta staff list', 'Alpha staff list', 'Mu staff list'])
      await api.createGroup(groupInput({ name }));
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const answer = (await (
        await admin('GET', `/admin/groups?q=staff%20list&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as AdminGroupList;
      names.push(...answer.items.map((item) => item.name));
      cursor = answer.nextCursor;
    } while (cursor);
    assert.deepEqual(names, ['Alpha staff list', 'Mu staff list', 'Zeta staff list']);
  });

  it('housekeeping writes sessions further ahead and forgets registrants of groups that ended long ago', async () => {
    const ongoing = await api.createGroup(groupInput());
    const ended = await api.createGroup(groupInput());
    const recent = await api.createGroup(groupInput());
    const details = { name: 'Kai', email: 'kai@example.com', accessibilityNeeds: 'Step-free route', consent: CONSENT };
    for (const group of [ongoing, ended, recent]) await api.register(group.id, details);
    // Their last sessions ended 31 and 29 days ago (the demo campus keeps 30 days).
    await db.database.query(`UPDATE groups SET ends_at = now() - interval '31 days' WHERE id = $1`, [ended.id]);
    await db.database.query(`UPDATE groups SET ends_at = now() - interval '29 days' WHERE id = $1`, [recent.id]);
    // A horizon about to run out, and a long-past session.
    await db.database.query(`UPDATE groups SET sessions_until = now() + interval '10 days' WHERE id = $1`, [
      ongoing.id,
    ]);
    await db.database.query(
      `DELETE FROM group_sessions WHERE group_id = $1 AND starts_at > now() + interval '10 days'`,
      [ongoing.id],
    );
    await db.database.query(
      `INSERT INTO group_sessions (group_id, starts_at, ends_at, start_local) VALUES ($1, now() - interval '3 days',
         now() - interval '3 days' + interval '1 hour', '2000-01-01T00:00')`,
      [recent.id],
    );

    const result = await groupHousekeeping(db.database);
    assert.ok(result.refreshed >= 1);
    assert.ok(result.pastSessions >= 1);
    assert.equal(result.registrations, 1);
    const contact = async (groupId: string) =>
      (
        await db.database.query(
          'SELECT name, email, accessibility_needs FROM group_registrations WHERE group_id = $1',
          [groupId],
        )
      )[0];
    assert.deepEqual(await contact(ended.id), { name: null, email: null, accessibility_needs: null });
    assert.deepEqual(await contact(recent.id), {
      name: 'Kai',
      email: 'kai@example.com',
      accessibility_needs: 'Step-free route',
    });
    assert.equal((await contact(ongoing.id))!.name, 'Kai');
    const [horizon] = await db.database.query<{ ahead: boolean; sessions: number; old: number }>(
      `SELECT sessions_until > now() + interval '100 days' AS ahead,
              (SELECT count(*)::int FROM group_sessions WHERE group_id = $1 AND starts_at > now() + interval '30 days') AS sessions,
              (SELECT count(*)::int FROM group_sessions WHERE starts_at < now() - interval '2 days') AS old
         FROM groups WHERE id = $1`,
      [ongoing.id],
    );
    assert.deepEqual(horizon, { ahead: true, sessions: horizon!.sessions, old: 0 });
    assert.ok(horizon!.sessions >= 12);
  });
});
