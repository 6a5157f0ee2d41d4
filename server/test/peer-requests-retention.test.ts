import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createLogger } from '../src/logging/logger.ts';
import { purgePeerRequests } from '../src/peer-requests/purge-peer-requests.ts';
import { housekeeping } from '../src/retention/housekeeping.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  createRequest,
  makeSupporter,
  newKey,
  requestBody,
  signIn,
  supporterCall,
  writePeerCampus,
} from './helpers/peer-request-fixtures.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

describeEachDatabase('peer request retention', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let auth: Record<string, string>;

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database, { retentionDays: 30 });
    server = await startTestServer(db.database, { peerRequests: { rateLimit: null, signInRateLimit: null } });
    auth = await signIn(server.url, await makeSupporter(db.database));
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  /** A request closed (with a note, an escalation and its audit log) or cancelled, or left queued. */
  async function requestEnded(how: 'closed' | 'cancelled' | 'queued', daysAgo: number): Promise<string> {
    const created = await createRequest(server.url, requestBody({ note: 'kept only for a while' }));
    const path = `/requests/${created.requestId}`;
    if (how === 'closed') {
      await supporterCall(server.url, auth, 'POST', `${path}/claim`);
      await supporterCall(server.url, auth, 'POST', `${path}/notes`, { text: 'note' }, { 'Idempotency-Key': newKey() });
      await supporterCall(
        server.url,
        auth,
        'POST',
        `${path}/escalate`,
        { reason: 'other' },
        { 'Idempotency-Key': newKey() },
      );
      const closed = await supporterCall(server.url, auth, 'POST', `${path}/close`, { outcome: 'supported' });
      assert.equal(closed.status, 200);
    } else if (how === 'cancelled') {
      await fetch(`${server.url}/api/v1/peer-requests/${created.requestId}/cancel`, {
        method: 'POST',
        headers: { 'Request-Secret': created.secret },
      });
    }
    await db.database.query(
      `UPDATE peer_requests
          SET created_at = now() - make_interval(days => $2 + 1), updated_at = now() - make_interval(days => $2),
              ended_at = CASE WHEN ended_at IS NULL THEN NULL ELSE now() - make_interval(days => $2) END
        WHERE id = $1`,
      [created.requestId, daysAgo],
    );
    return created.requestId;
  }

  const remaining = async (ids: string[]) =>
    (await db.database.query<{ id: string }>('SELECT id FROM peer_requests WHERE id = ANY($1::text[])', [ids])).map(
      (row) => row.id,
    );

  it('deletes requests retentionDays after they ended, and untouched open ones, with everything attached', async () => {
    const old = await requestEnded('closed', 31);
    const recent = await requestEnded('closed', 29);
    const cancelled = await requestEnded('cancelled', 40);
    const abandoned = await requestEnded('queued', 31);
    const waiting = await requestEnded('queued', 0);
    const purged = await purgePeerRequests(db.database);
    assert.equal(purged.retentionDays, 30);
    assert.ok(purged.requests >= 3, String(purged.requests));
    assert.deepEqual((await remaining([old, recent, cancelled, abandoned, waiting])).sort(), [recent, waiting].sort());
    for (const table of ['peer_request_events', 'peer_request_notes', 'peer_request_escalations']) {
      const rows = await db.database.query(`SELECT 1 FROM ${table} WHERE request_id = $1`, [old]);
      assert.equal(rows.length, 0, table);
    }
    const kept = await db.database.query(`SELECT 1 FROM peer_request_events WHERE request_id = $1`, [recent]);
    assert.ok(kept.length > 0);
  });

  it('deletes expired supporter sessions and keeps the rest', async () => {
    await db.database.query(
      `INSERT INTO supporter_sessions (token_hash, supporter_id, created_at, expires_at)
       SELECT repeat('a', 64), id, now() - interval '10 hours', now() - interval '2 hours' FROM supporters LIMIT 1`,
    );
    const before = await db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM supporter_sessions');
    const purged = await purgePeerRequests(db.database);
    assert.equal(purged.sessions, 1);
    const after = await db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM supporter_sessions');
    assert.equal(after[0]!.n, before[0]!.n - 1);
    assert.equal((await supporterCall(server.url, auth, 'GET', '/queue')).status, 200);
  });

  it('runs with the scheduled purge, which logs counts only', async () => {
    const old = await requestEnded('closed', 45);
    const lines: string[] = [];
    await housekeeping(
      db.database,
      createLogger('info', (line) => lines.push(line)),
    )();
    assert.deepEqual(await remaining([old]), []);
    const line = lines.find((text) => text.includes('peer requests past retention deleted'));
    assert.ok(line, lines.join('\n'));
    assert.ok(!line.includes('kept only for a while'));
    assert.ok(!line.includes(old));
  });

  it('runs inside a server on its schedule', async () => {
    const old = await requestEnded('cancelled', 60);
    const scheduled = await startTestServer(db.database, { retention: { intervalMs: 60_000, firstRunDelayMs: 10 } });
    try {
      for (let tries = 0; tries < 100 && (await remaining([old])).length > 0; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(await remaining([old]), []);
    } finally {
      await scheduled.close();
    }
  });
});
