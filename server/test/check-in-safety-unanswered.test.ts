import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { CheckInFollowUpList, CheckInRequest, CheckInResult, CheckInSummary } from '../src/contract/api-types.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  ADMIN_AUTH,
  ADMIN_TOKEN,
  moodCheckIn,
  phq4CheckIn,
  postCheckIn,
  who5CheckIn,
  writeDemoConfig,
} from './helpers/check-in-fixtures.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

/** The same check-in with the safety question left unanswered: no `safetyConcern` at all. */
function unanswered(request: CheckInRequest): CheckInRequest {
  const { safetyConcern: _dropped, ...rest } = request;
  return rest as CheckInRequest;
}

/**
 * "Did not answer" the safety question is neither "yes" nor "no": stored as NULL, never a concern, shown to staff as
 * null, and not counted with the concerns.
 */
describeEachDatabase('check-ins whose safety question went unanswered', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  const api = (path: string) => `${server.url}/api/v1${path}`;

  async function post(body: CheckInRequest): Promise<CheckInResult> {
    const response = await postCheckIn(server.url, body);
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as CheckInResult;
  }

  async function storedSafety(id: string): Promise<unknown> {
    const [row] = await db.database.query('SELECT safety_concern FROM check_ins WHERE id = $1', [id]);
    assert.ok(row, id);
    return row.safety_concern;
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

  it('takes every instrument without safetyConcern: 201, NULL stored, no crisis suggestion', async () => {
    for (const request of [
      moodCheckIn({ answers: { level: 1 } }),
      who5CheckIn([0, 1, 0, 1, 0]),
      phq4CheckIn([3, 3, 3, 3]),
    ]) {
      const body = unanswered(request);
      assert.ok(!('safetyConcern' in body));
      const result = await post(body);
      assert.equal(await storedSafety(result.id), null, request.instrument);
      assert.ok(
        !result.suggestions.some((step) => step.kind === 'crisis' || step.reason === 'safety-concern'),
        `${request.instrument}: ${JSON.stringify(result.suggestions)}`,
      );
    }
  });

  it('still stores false as false and true as true', async () => {
    const no = await post(who5CheckIn([2, 1, 2, 1, 3], false));
    assert.equal(await storedSafety(no.id), false);
    assert.ok(!no.suggestions.some((step) => step.kind === 'crisis'));
    const yes = await post(who5CheckIn([2, 1, 2, 1, 3], true));
    assert.equal(await storedSafety(yes.id), true);
    assert.deepEqual(yes.suggestions[0], { kind: 'crisis', reason: 'safety-concern', urgent: true });
  });

  it('refuses a safetyConcern that is not a boolean (null included)', async () => {
    for (const value of [null, 'no', 0]) {
      const response = await postCheckIn(server.url, { ...who5CheckIn([2, 1, 2, 1, 3]), safetyConcern: value });
      assert.equal(response.status, 400, JSON.stringify(value));
    }
  });

  it('shows staff null on a follow-up request when unanswered, and true or false as answered', async () => {
    const followUp = (value: string) => ({ contact: { channel: 'email' as const, value }, consentVersion: 'v2' });
    await post({ ...unanswered(moodCheckIn({ answers: { level: 1 } })), followUp: followUp('unasked@example.com') });
    await post({ ...who5CheckIn([0, 1, 0, 1, 0], false), followUp: followUp('said-no@example.com') });
    await post({ ...phq4CheckIn([3, 3, 3, 3], true), followUp: followUp('said-yes@example.com') });

    const response = await fetch(api('/admin/check-ins/follow-ups?limit=50'), { headers: ADMIN_AUTH });
    assert.equal(response.status, 200);
    const text = await response.text();
    const safety = new Map(
      (JSON.parse(text) as CheckInFollowUpList).items.map((item) => [item.contact.value, item.safetyConcern]),
    );
    assert.equal(safety.get('unasked@example.com'), null);
    assert.ok(text.includes('"safetyConcern":null'), 'null is sent, not left out');
    assert.equal(safety.get('said-no@example.com'), false);
    assert.equal(safety.get('said-yes@example.com'), true);
  });

  it('counts only true in the summary: unanswered is not a concern, and still counted in its band', async () => {
    await writeDemoConfig(db.database, { retentionDays: 3650 });
    try {
      for (const [safety, count] of [
        [true, 5],
        [false, 6],
        [null, 7],
      ] as const) {
        for (let index = 0; index < count; index += 1) {
          await db.database.query(
            `INSERT INTO check_ins (id, instrument, answers, safety_concern, locale, band, received_at)
             VALUES ($1, 'who5', '[1, 1, 1, 1, 1]'::jsonb, $2, 'en', 'low', '2024-06-05T12:00:00Z')`,
            [`ci_unanswered${String(safety)}${index}`, safety],
          );
        }
      }
      const response = await fetch(api('/admin/check-ins/summary?from=2024-06-03&to=2024-06-09'), {
        headers: ADMIN_AUTH,
      });
      assert.equal(response.status, 200);
      const { rows } = (await response.json()) as CheckInSummary;
      assert.deepEqual(
        rows.filter((row) => row.weekStart === '2024-06-03'),
        [
          { weekStart: '2024-06-03', instrument: 'who5', bucket: 'low', count: 18, suppressed: false },
          { weekStart: '2024-06-03', instrument: 'who5', bucket: 'safety-concern', count: 5, suppressed: false },
        ],
      );
    } finally {
      await writeDemoConfig(db.database);
    }
  });
});
