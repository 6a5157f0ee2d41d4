import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { normaliseSecret, newRequestSecret } from '../src/peer-requests/request-ids.ts';
import { matchesTag } from '../src/peer-requests/request-views.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  auditLog,
  createRequest,
  getStatus,
  makeSupporter,
  newKey,
  postRequest,
  requestBody,
  signIn,
  supporterCall,
  writePeerCampus,
} from './helpers/peer-request-fixtures.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

const STATUS_FIELDS = new Set([
  'requestId',
  'status',
  'position',
  'expectedWaitMinutes',
  'topic',
  'supportKind',
  'channel',
  'when',
  'supporterName',
  'joinUrl',
  'createdAt',
  'updatedAt',
  'availability',
]);

describe('request codes and entity tags', () => {
  it('are 28 symbols of Crockford base 32 in groups of four, read back whatever the case or look-alikes', () => {
    const secret = newRequestSecret();
    assert.match(secret, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
    assert.notEqual(newRequestSecret(), secret);
    assert.equal(normaliseSecret('k7qm-o1il'), 'K7QM0111');
  });

  it('match If-None-Match weakly, in lists and with *', () => {
    assert.equal(matchesTag('W/"abc"', 'W/"abc"'), true);
    assert.equal(matchesTag('"abc"', 'W/"abc"'), true);
    assert.equal(matchesTag('W/"x", W/"abc"', 'W/"abc"'), true);
    assert.equal(matchesTag('*', 'W/"abc"'), true);
    assert.equal(matchesTag('W/"abd"', 'W/"abc"'), false);
    assert.equal(matchesTag(undefined, 'W/"abc"'), false);
  });
});

describeEachDatabase('peer requests, the student side', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let supporterAuth: Record<string, string>;
  const logs: string[] = [];

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database);
    server = await startTestServer(db.database, {
      logLevel: 'debug',
      logSink: (line) => logs.push(line),
      peerRequests: { rateLimit: null, signInRateLimit: null, rosterMaxAgeMs: 0, minutesPerRequest: 15 },
    });
    supporterAuth = await signIn(server.url, await makeSupporter(db.database, { displayName: 'Robin' }));
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('queues a request: Location, the code once, the place, an honest wait and availability', async () => {
    const response = await postRequest(server.url);
    assert.equal(response.status, 201);
    const created = (await response.json()) as Awaited<ReturnType<typeof createRequest>>;
    assert.equal(response.headers.get('location'), `/api/v1/peer-requests/${created.requestId}`);
    assert.match(created.requestId, /^pr_[0-9A-Z]{13}$/);
    assert.match(created.secret, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    assert.equal(created.status, 'queued');
    assert.ok(created.position !== null && created.position >= 1);
    // One supporter on shift, 15 minutes a conversation: place p waits p × 15 minutes.
    assert.equal(created.expectedWaitMinutes, created.position * 15);
    assert.equal(created.availability.open, true);
    assert.equal(created.availability.supportersOnShift, 1);
    assert.equal(created.availability.queueLength, created.position);
    assert.deepEqual(created.availability.channels, ['chat', 'call']);

    const next = await createRequest(server.url);
    assert.equal(next.position, created.position + 1);
    assert.equal(next.expectedWaitMinutes, (created.position + 1) * 15);
  });

  it('stores the code only as a hash, with the consent version, and logs nothing the student wrote', async () => {
    logs.length = 0;
    const note = 'I have not slept properly in weeks <b>really</b>';
    const created = await createRequest(
      server.url,
      requestBody({ note, contact: { method: 'email', email: 'quiet.student@example.edu' } }),
    );
    const [row] = await db.database.query<Record<string, unknown>>('SELECT * FROM peer_requests WHERE id = $1', [
      created.requestId,
    ]);
    const stored = JSON.stringify(row);
    assert.ok(!stored.includes(created.secret) && !stored.includes(created.secret.replaceAll('-', '')));
    assert.equal(row!.secret_hash, createHash('sha256').update(created.secret.replaceAll('-', '')).digest('hex'));
    assert.equal(row!.consent_version, 'peer-2025-09');
    assert.equal(row!.note, note);
    const logged = logs.join('\n');
    for (const secret of [note, 'quiet.student', created.secret, '127.0.0.1'])
      assert.ok(!logged.includes(secret), secret);
  });

  it('replays the answer for the same Idempotency-Key and body, and refuses the key with another body', async () => {
    const key = newKey();
    const first = await postRequest(server.url, requestBody(), key);
    const again = await postRequest(server.url, requestBody(), key);
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const [a, b] = [await first.json(), await again.json()];
    assert.deepEqual(a, b);
    const rows = await db.database.query('SELECT 1 FROM peer_requests WHERE id = $1', [
      (a as { requestId: string }).requestId,
    ]);
    assert.equal(rows.length, 1);
    const other = await postRequest(server.url, requestBody({ topic: 'studies' }), key);
    assert.equal(other.status, 422);
  });

  it('refuses requests without consent, with unknown fields, or for a time outside 15 minutes to 30 days', async () => {
    const refused = async (body: unknown, field: string) => {
      const response = await postRequest(server.url, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      const problem = await problemOf(response);
      assert.ok(
        problem.errors?.some((error) => error.field === field),
        JSON.stringify(problem.errors),
      );
    };
    await refused({ ...requestBody(), consent: { accepted: false, noticeVersion: 'v1' } }, '/body/consent/accepted');
    await refused({ ...requestBody(), ip: '203.0.113.9' }, '/body/ip');
    const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    await refused(requestBody({ when: { mode: 'scheduled', at: inMinutes(5) } }), '/body/when/at');
    await refused(requestBody({ when: { mode: 'scheduled', at: inMinutes(31 * 24 * 60) } }), '/body/when/at');
    await refused(requestBody({ note: 'x'.repeat(501) }), '/body/note');
  });

  it('takes a request for later without a place or a wait until it is due', async () => {
    const at = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const created = await createRequest(server.url, requestBody({ when: { mode: 'scheduled', at } }));
    assert.equal(created.position, null);
    assert.equal(created.expectedWaitMinutes, null);
    const status = (await (await getStatus(server.url, created.requestId, created.secret)).json()) as {
      when: unknown;
      position: unknown;
    };
    assert.deepEqual(status.when, { mode: 'scheduled', at });
    assert.equal(status.position, null);
  });

  it('shows the student their status, place and wait, and nothing of the note or contact', async () => {
    const created = await createRequest(
      server.url,
      requestBody({ note: 'private words', contact: { method: 'phone', phone: '+12125550123', textOk: true } }),
    );
    const response = await getStatus(server.url, created.requestId, created.secret);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const text = await response.text();
    const status = JSON.parse(text) as Record<string, unknown>;
    for (const field of Object.keys(status)) assert.ok(STATUS_FIELDS.has(field), field);
    assert.equal(status.status, 'queued');
    assert.equal(status.position, created.position);
    assert.equal(status.expectedWaitMinutes, created.expectedWaitMinutes);
    for (const secret of ['private words', '5550123', created.secret, 'peer-2025-09'])
      assert.ok(!text.includes(secret));
  });

  it('finds the request by the code however it is typed: lower case, without hyphens, O for 0 and I or L for 1', async () => {
    const created = await createRequest(server.url);
    const typed = created.secret.toLowerCase().replaceAll('-', '').replaceAll('0', 'o').replaceAll('1', 'l');
    assert.equal((await getStatus(server.url, created.requestId, typed)).status, 200);
  });

  it('answers 404 alike for a wrong code and an unknown request', async () => {
    const created = await createRequest(server.url);
    const wrong = await getStatus(server.url, created.requestId, newRequestSecret());
    const unknown = await getStatus(server.url, 'pr_0000000000000', created.secret);
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    assert.equal(await wrong.text(), await unknown.text());
  });

  it('answers a poll that finds nothing new with 304, and a change with 200 and a new tag', async () => {
    const created = await createRequest(server.url);
    const first = await getStatus(server.url, created.requestId, created.secret);
    const tag = first.headers.get('etag');
    assert.match(tag ?? '', /^W\/"[A-Za-z0-9_-]+"$/);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const unchanged = await getStatus(server.url, created.requestId, created.secret, { 'If-None-Match': tag! });
    assert.equal(unchanged.status, 304);
    assert.equal(unchanged.headers.get('etag'), tag);
    assert.equal(await unchanged.text(), '');

    const claim = await supporterCall(server.url, supporterAuth, 'POST', `/requests/${created.requestId}/claim`);
    assert.equal(claim.status, 200);
    const changed = await getStatus(server.url, created.requestId, created.secret, { 'If-None-Match': tag! });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), tag);
    const status = (await changed.json()) as { status: string; supporterName?: string; position: unknown };
    assert.equal(status.status, 'claimed');
    assert.equal(status.supporterName, 'Robin');
    assert.equal(status.position, null);
  });

  it('lets the student cancel with the code: contact deleted, the same answer again, and the audit log', async () => {
    const created = await createRequest(
      server.url,
      requestBody({ contact: { method: 'email', email: 'cancel.me@example.edu' } }),
    );
    const cancel = () =>
      fetch(`${server.url}/api/v1/peer-requests/${created.requestId}/cancel`, {
        method: 'POST',
        headers: { 'Request-Secret': created.secret, 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason: 'found-other-help' }),
      });
    const first = await cancel();
    assert.equal(first.status, 200);
    assert.equal(((await first.json()) as { status: string }).status, 'cancelled');
    const again = await cancel();
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { status: string }).status, 'cancelled');
    const [row] = await db.database.query<{ contact: unknown; ended_at: Date | null }>(
      'SELECT contact, ended_at FROM peer_requests WHERE id = $1',
      [created.requestId],
    );
    assert.equal(row!.contact, null);
    assert.ok(row!.ended_at instanceof Date);
    const log = await auditLog(db.database, created.requestId);
    assert.deepEqual(
      log.map((event) => [event.actor, event.from_status, event.to_status]),
      [
        ['student', null, 'queued'],
        ['student', 'queued', 'cancelled'],
      ],
    );
    const wrongCode = await fetch(`${server.url}/api/v1/peer-requests/${created.requestId}/cancel`, {
      method: 'POST',
      headers: { 'Request-Secret': newRequestSecret() },
    });
    assert.equal(wrongCode.status, 404);
  });

  it('refuses to cancel a request that is closed or with the on-call professional (409)', async () => {
    for (const end of ['close', 'escalate'] as const) {
      const created = await createRequest(server.url);
      const path = `/requests/${created.requestId}`;
      if (end === 'close') {
        assert.equal((await supporterCall(server.url, supporterAuth, 'POST', `${path}/claim`)).status, 200);
        const closed = await supporterCall(server.url, supporterAuth, 'POST', `${path}/close`, {
          outcome: 'supported',
        });
        assert.equal(closed.status, 200);
      } else {
        const escalated = await supporterCall(
          server.url,
          supporterAuth,
          'POST',
          `${path}/escalate`,
          { reason: 'risk-to-life' },
          { 'Idempotency-Key': newKey() },
        );
        assert.equal(escalated.status, 201);
      }
      const cancel = await fetch(`${server.url}/api/v1/peer-requests/${created.requestId}/cancel`, {
        method: 'POST',
        headers: { 'Request-Secret': created.secret },
      });
      assert.equal(cancel.status, 409, end);
      assert.equal((await problemOf(cancel)).type, '/problems/conflict');
    }
  });
});

describeEachDatabase('peer requests switched off', (target) => {
  let db: TestDatabase;
  let server: TestServer;

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database, {
      features: { checkIn: true, groups: true, peerRequests: false, crisisResources: true },
    });
    server = await startTestServer(db.database);
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('answers 501 on the student and supporter endpoints', async () => {
    assert.equal((await fetch(`${server.url}/api/v1/availability`)).status, 501);
    assert.equal((await postRequest(server.url)).status, 501);
    const signInAnswer = await fetch(`${server.url}/api/v1/supporter/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: 'a', password: 'b' }),
    });
    assert.equal(signInAnswer.status, 501);
    assert.equal((await problemOf(signInAnswer)).type, '/problems/not-implemented');
  });
});
