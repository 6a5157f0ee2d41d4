import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type {
  CheckInFollowUpList,
  CheckInFollowUpRequest,
  CheckInResult,
  CheckInSummary,
} from '../src/contract/api-types.ts';
import { checkInSummary } from '../src/check-ins/check-in-summary.ts';
import type { Queryable } from '../src/db/database.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  ADMIN_AUTH,
  ADMIN_TOKEN,
  moodCheckIn,
  postCheckIn,
  who5CheckIn,
  writeDemoConfig,
} from './helpers/check-in-fixtures.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

const NOTE = 'a note staff must never see in the list';

/** Check-ins written straight into the table at a given instant, as if they had arrived then. */
async function insertAt(
  db: Queryable,
  at: string,
  rows: Array<{ instrument: 'mood' | 'who5' | 'phq4'; level?: number; band?: string; safety?: boolean }>,
) {
  for (const [index, row] of rows.entries()) {
    await db.query(
      `INSERT INTO check_ins (id, instrument, answers, safety_concern, locale, band, mood_level, received_at)
       VALUES ($1, $2, '[]'::jsonb, $3, 'en', $4, $5, $6::timestamptz)`,
      [
        `ci_test${Math.random().toString(36).slice(2)}${index}`,
        row.instrument,
        row.safety ?? false,
        row.band ?? null,
        row.level ?? null,
        at,
      ],
    );
  }
}
const times = <T>(count: number, row: T): T[] => Array.from({ length: count }, () => row);

describeEachDatabase('check-ins for staff', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  const api = (path: string) => `${server.url}/api/v1${path}`;
  const adminGet = (path: string, headers: Record<string, string> = ADMIN_AUTH) => fetch(api(path), { headers });
  const markDone = (id: string) =>
    fetch(api(`/admin/check-ins/follow-ups/${id}/done`), { method: 'POST', headers: ADMIN_AUTH });

  async function summary(query: string): Promise<CheckInSummary> {
    const response = await adminGet(`/admin/check-ins/summary?${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as CheckInSummary;
  }

  async function openFollowUps(limit = 50): Promise<CheckInFollowUpRequest[]> {
    const all: CheckInFollowUpRequest[] = [];
    let cursor: string | null = null;
    do {
      const response = await adminGet(`/admin/check-ins/follow-ups?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(response.status, 200);
      const page = (await response.json()) as CheckInFollowUpList;
      assert.ok(page.items.length <= limit);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database, {
      seed: 'demo',
      adminToken: ADMIN_TOKEN,
      checkIns: { rateLimit: null },
      retention: { intervalMs: 0 },
    });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('needs the admin token', async () => {
    for (const path of ['/admin/check-ins/summary?from=2025-01-01&to=2025-01-31', '/admin/check-ins/follow-ups']) {
      assert.equal((await adminGet(path, {})).status, 401, path);
      assert.equal((await adminGet(path, { Authorization: 'Bearer wrong-token-0123456789' })).status, 401, path);
    }
    const done = await fetch(api('/admin/check-ins/follow-ups/fu_nope/done'), { method: 'POST' });
    assert.equal(done.status, 401);
  });

  it('lists open follow-ups oldest first, page by page, with only what getting in touch needs', async () => {
    const contacts = ['first@example.com', 'second@example.com', 'third@example.com', 'fourth@example.com'];
    const ids: string[] = [];
    for (const [index, value] of contacts.entries()) {
      const body =
        index === 1
          ? {
              ...who5CheckIn([0, 1, 1, 1, 1], true),
              followUp: { contact: { channel: 'email', value }, consentVersion: 'v2' },
            }
          : moodCheckIn({
              answers: { level: 2, note: NOTE },
              followUp: { contact: { channel: 'email', value }, consentVersion: 'v2' },
            });
      const response = await postCheckIn(server.url, body);
      assert.equal(response.status, 201);
      ids.push(((await response.json()) as CheckInResult).id);
    }
    // Oldest first; two that arrived in the same millisecond are kept apart by id, and paging loses neither.
    const at = (index: number, hoursAgo: number) =>
      db.database.query(
        `UPDATE check_in_follow_ups SET received_at = date_trunc('second', now()) - make_interval(hours => $2)
          WHERE check_in_id = $1`,
        [ids[index], hoursAgo],
      );
    await at(0, 3);
    await at(1, 2);
    await at(2, 1);
    await at(3, 1);

    const listed = (await openFollowUps(1)).filter((item) => contacts.includes(item.contact.value));
    assert.equal(listed.length, 4);
    assert.deepEqual(
      listed.slice(0, 2).map((item) => item.contact.value),
      ['first@example.com', 'second@example.com'],
    );
    assert.deepEqual(
      listed.slice(2).map((item) => item.id),
      listed
        .slice(2)
        .map((item) => item.id)
        .sort(),
    );
    assert.deepEqual(
      listed
        .slice(2)
        .map((item) => item.contact.value)
        .sort(),
      ['fourth@example.com', 'third@example.com'],
    );
    const byContact = new Map(listed.map((item) => [item.contact.value, item]));
    const who5 = byContact.get('second@example.com')!;
    assert.deepEqual(Object.keys(who5).sort(), [
      'band',
      'consentVersion',
      'contact',
      'id',
      'instrument',
      'receivedAt',
      'safetyConcern',
    ]);
    assert.deepEqual(who5.band, { instrument: 'who5', band: 'very-low', notADiagnosis: true });
    assert.equal(who5.safetyConcern, true);
    assert.equal(who5.consentVersion, 'v2');
    assert.equal(byContact.get('first@example.com')!.band, undefined);
    assert.ok(!JSON.stringify(listed).includes(NOTE));
    assert.ok(!ids.some((id) => JSON.stringify(listed).includes(id)), 'no check-in ids');
  });

  it('marks a follow-up done once, deletes its contact, and takes it off the list', async () => {
    const response = await postCheckIn(
      server.url,
      moodCheckIn({ followUp: { contact: { channel: 'phone', value: '+1 555 555 0199' }, consentVersion: 'v2' } }),
    );
    const { id: checkInId } = (await response.json()) as CheckInResult;
    const item = (await openFollowUps()).find((followUp) => followUp.contact.value === '+1 555 555 0199')!;
    assert.deepEqual(item.contact, { channel: 'phone', value: '+1 555 555 0199' });

    const first = await markDone(item.id);
    assert.equal(first.status, 200);
    const done = (await first.json()) as { id: string; doneAt: string };
    assert.equal(done.id, item.id);
    const again = await markDone(item.id);
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), done, 'done twice keeps the first time');

    assert.ok(!(await openFollowUps()).some((followUp) => followUp.id === item.id));
    const [row] = await db.database.query('SELECT contact, done_at FROM check_in_follow_ups WHERE id = $1', [item.id]);
    assert.equal(row!.contact, null);
    assert.equal((row!.done_at as Date).toISOString(), done.doneAt);
    const [checkIn] = await db.database.query('SELECT id FROM check_ins WHERE id = $1', [checkInId]);
    assert.ok(checkIn, 'the check-in stays until retention');

    const missing = await markDone('fu_doesnotexist');
    assert.equal(missing.status, 404);
    const badCursor = await adminGet('/admin/check-ins/follow-ups?cursor=bm90LW91cnM');
    assert.equal(badCursor.status, 400);
    assert.equal((await problemOf(badCursor)).errors?.[0]?.field, '/query/cursor');
  });

  it('counts whole weeks in the campus time zone, suppressing counts below the threshold', async () => {
    await writeDemoConfig(db.database, { retentionDays: 3650 });
    // America/New_York. Sunday 9 March 2025 23:30 is Monday 03:30 UTC, but still the week of 3 March there.
    await insertAt(db.database, '2025-03-04T12:00:00-05:00', [
      ...times(6, { instrument: 'mood', level: 2 } as const),
      ...times(2, { instrument: 'mood', level: 4, safety: true } as const),
      ...times(5, { instrument: 'who5', band: 'low', safety: true } as const),
      { instrument: 'phq4', band: 'severe' },
    ]);
    await insertAt(db.database, '2025-03-09T23:30:00-04:00', times(5, { instrument: 'mood', level: 5 } as const));
    await insertAt(db.database, '2025-03-10T00:30:00-04:00', times(5, { instrument: 'mood', level: 5 } as const));
    await insertAt(db.database, '2025-03-02T23:59:00-05:00', times(7, { instrument: 'mood', level: 1 } as const));

    const weeks = await summary('from=2025-03-05&to=2025-03-10');
    assert.equal(weeks.timeZone, 'America/New_York');
    assert.equal(weeks.threshold, 5);
    assert.deepEqual(weeks.rows, [
      { weekStart: '2025-03-03', instrument: 'mood', bucket: 'level-2', count: 6, suppressed: false },
      { weekStart: '2025-03-03', instrument: 'mood', bucket: 'level-4', suppressed: true },
      { weekStart: '2025-03-03', instrument: 'mood', bucket: 'level-5', count: 5, suppressed: false },
      { weekStart: '2025-03-03', instrument: 'mood', bucket: 'safety-concern', suppressed: true },
      { weekStart: '2025-03-03', instrument: 'who5', bucket: 'low', count: 5, suppressed: false },
      { weekStart: '2025-03-03', instrument: 'who5', bucket: 'safety-concern', count: 5, suppressed: false },
      { weekStart: '2025-03-03', instrument: 'phq4', bucket: 'severe', suppressed: true },
      { weekStart: '2025-03-10', instrument: 'mood', bucket: 'level-5', count: 5, suppressed: false },
    ]);
    // Any day of a week asks for the whole week.
    assert.deepEqual(await summary('from=2025-03-11&to=2025-03-11'), {
      ...weeks,
      rows: weeks.rows.filter((row) => row.weekStart === '2025-03-10'),
    });
    assert.deepEqual((await summary('from=2025-02-24&to=2025-03-02')).rows, [
      { weekStart: '2025-02-24', instrument: 'mood', bucket: 'level-1', count: 7, suppressed: false },
    ]);
  });

  it('never reports the week under way, nor a week retention has begun to delete', async () => {
    await writeDemoConfig(db.database, { retentionDays: 3650 });
    await insertAt(db.database, new Date().toISOString(), times(6, { instrument: 'phq4', band: 'mild' } as const));
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
    await insertAt(db.database, eightDaysAgo, times(6, { instrument: 'phq4', band: 'none' } as const));
    const today = new Date().toISOString().slice(0, 10);
    const range = `from=${new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10)}&to=${today}`;
    const rows = (await summary(range)).rows;
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    assert.ok(!rows.some((row) => row.weekStart > weekAgo), JSON.stringify(rows));
    assert.ok(
      rows.some((row) => row.bucket === 'none' && row.count === 6),
      'the ended week is there',
    );

    // With retention of a week, no week is both over and untouched by retention.
    await writeDemoConfig(db.database, { retentionDays: 7 });
    try {
      assert.deepEqual((await summary(range)).rows, []);
      assert.deepEqual((await summary('from=2025-03-01&to=2025-03-31')).rows, []);
    } finally {
      await writeDemoConfig(db.database);
    }
  });

  it('refuses a range that runs backwards, spans more than 731 days, or is no date', async () => {
    const cases: Array<[string, string]> = [
      ['from=2025-03-10&to=2025-03-09', '/query/to'],
      ['from=2023-01-01&to=2025-01-01', '/query/to'],
      ['from=2025-02-30&to=2025-03-09', '/query/from'],
      ['from=2025-03-01', '/query/to'],
    ];
    for (const [query, field] of cases) {
      const response = await adminGet(`/admin/check-ins/summary?${query}`);
      assert.equal(response.status, 400, query);
      assert.deepEqual(
        (await problemOf(response)).errors?.map((error) => error.field),
        [field],
        query,
      );
    }
    // 731 days counting both ends is allowed.
    assert.equal((await adminGet('/admin/check-ins/summary?from=2023-01-01&to=2024-12-31')).status, 200);
  });

  it('suppresses below the configured threshold', async () => {
    const strict = await checkInSummary(db.database, {
      from: '2025-03-03',
      to: '2025-03-03',
      timeZone: 'America/New_York',
      retentionDays: 3650,
      threshold: 7,
    });
    assert.equal(strict.threshold, 7);
    assert.deepEqual(
      strict.rows.find((row) => row.bucket === 'level-2'),
      { weekStart: '2025-03-03', instrument: 'mood', bucket: 'level-2', suppressed: true },
    );
  });
});
