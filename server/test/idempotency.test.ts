import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, it } from 'node:test';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { IdempotencyStore } from '../src/idempotency/idempotency-store.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { createTestState, Gate } from './helpers/test-handlers.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

let keyCounter = 0;
const newKey = () => `test-key-${process.pid}-${(keyCounter += 1)}`;

function post(server: TestServer, key: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/v1/test-only/items`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers },
    body: JSON.stringify(body),
  });
}

async function rowFor(db: Database, key: string) {
  const rows = await db.query<{ state: string; status: number | null }>(
    'SELECT state, status FROM idempotency_keys WHERE key = $1',
    [key],
  );
  return rows[0];
}

async function age(db: Database, key: string, interval: string) {
  await db.query(`UPDATE idempotency_keys SET created_at = created_at - interval '${interval}' WHERE key = $1`, [key]);
}

describeEachDatabase('idempotency', (target) => {
  let db: TestDatabase;
  let server: TestServer;

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database);
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('replays the first response for the same key and body, marked Idempotent-Replayed', async () => {
    const key = newKey();
    const first = await post(server, key, { name: 'replay', count: 1 });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const firstBody = await first.json();

    // Same content with keys in another order is the same request.
    const second = await post(server, key, { count: 1, name: 'replay' });
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await second.json(), firstBody);
    assert.equal(second.headers.get('location'), first.headers.get('location'));
    assert.match(second.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(server.state.created, 1, 'the handler ran once');
    assert.equal((await rowFor(db.database, key))?.state, 'done');
  });

  it('answers 422 when the key comes back with a different body', async () => {
    const key = newKey();
    assert.equal((await post(server, key, { name: 'one' })).status, 201);
    const reused = await post(server, key, { name: 'two' });
    assert.equal(reused.status, 422);
    assert.equal((await problemOf(reused)).type, '/problems/idempotency-key-reused');
  });

  it('answers 422 when the same key and body come with other credentials', async () => {
    const key = newKey();
    assert.equal((await post(server, key, { name: 'mine' }, { Authorization: 'Bearer alice-token' })).status, 201);
    const other = await post(server, key, { name: 'mine' }, { Authorization: 'Bearer mallory-token' });
    assert.equal(other.status, 422);
  });

  it('answers 409 with Retry-After while the first request is still running', async () => {
    const state = createTestState();
    const slowServer = await startTestServer(db.database, { state });
    try {
      const key = newKey();
      const first = post(slowServer, key, { name: 'slow' });
      await state.gate.entered;
      const concurrent = await post(slowServer, key, { name: 'slow' });
      assert.equal(concurrent.status, 409);
      assert.equal((await problemOf(concurrent)).type, '/problems/conflict');
      assert.ok(Number(concurrent.headers.get('retry-after')) >= 1);
      state.gate.open();
      assert.equal((await first).status, 201);
      const later = await post(slowServer, key, { name: 'slow' });
      assert.equal(later.status, 201);
      assert.equal(later.headers.get('idempotent-replayed'), 'true');
      assert.equal(state.created, 1);
    } finally {
      state.gate.open();
      await slowServer.close();
    }
  });

  it('does not store failed requests: a retry after a 500 or a 429 runs again', async () => {
    const key = newKey();
    assert.equal((await post(server, key, { name: 'boom' })).status, 500);
    assert.equal(await rowFor(db.database, key), undefined);
    assert.equal((await post(server, key, { name: 'boom' })).status, 500);

    const busyKey = newKey();
    const busy = await post(server, busyKey, { name: 'busy' });
    assert.equal(busy.status, 429);
    assert.equal(busy.headers.get('retry-after'), '2');
    assert.equal(await rowFor(db.database, busyKey), undefined);
  });

  it('does not store invalid requests: the key stays free for a corrected body', async () => {
    const key = newKey();
    assert.equal((await post(server, key, { name: '' })).status, 400);
    assert.equal(await rowFor(db.database, key), undefined);
    assert.equal((await post(server, key, { name: 'fixed' })).status, 201);
  });

  it('treats the same key on another path as another request', async () => {
    const key = newKey();
    assert.equal((await post(server, key, { name: 'a' })).status, 201);
    const store = server.idempotencyStore;
    const outcome = await store.claim(key, 'POST', '/api/v1/elsewhere', 'some-hash');
    assert.equal(outcome.kind, 'claimed');
  });

  it('forgets keys after 24 hours: an expired key runs again, and the purge deletes old rows', async () => {
    const key = newKey();
    assert.equal((await post(server, key, { name: 'old' })).status, 201);
    await age(db.database, key, '25 hours');
    // Expired but not yet purged: taken over, even with another body.
    const afresh = await post(server, key, { name: 'new body' });
    assert.equal(afresh.status, 201);
    assert.equal(afresh.headers.get('idempotent-replayed'), null);

    const stale = newKey();
    assert.equal((await post(server, stale, { name: 'stale' })).status, 201);
    const recent = newKey();
    assert.equal((await post(server, recent, { name: 'recent' })).status, 201);
    await age(db.database, stale, '24 hours 1 minute');
    assert.ok((await server.idempotencyStore.purgeExpired()) >= 1);
    assert.equal(await rowFor(db.database, stale), undefined);
    assert.equal((await rowFor(db.database, recent))?.state, 'done');
  });

  it('purges expired keys periodically', async () => {
    const periodic = await startTestServer(db.database, { idempotency: { purgeIntervalMs: 50 } });
    try {
      const key = newKey();
      assert.equal((await post(periodic, key, { name: 'periodic' })).status, 201);
      await age(db.database, key, '2 days');
      for (let attempt = 0; attempt < 40 && (await rowFor(db.database, key)); attempt += 1) await sleep(50);
      assert.equal(await rowFor(db.database, key), undefined);
    } finally {
      await periodic.close();
    }
  });

  it('lets another instance take over a claim whose server died, but only for the same request', async () => {
    const first = new IdempotencyStore(db.database);
    const rescuer = new IdempotencyStore(db.database, { ttlMs: 86_400_000, inFlightTimeoutMs: 0 });
    const key = newKey();
    const claimed = await first.claim(key, 'POST', '/p', 'hash-a');
    assert.equal(claimed.kind, 'claimed');
    assert.equal((await first.claim(key, 'POST', '/p', 'hash-a')).kind, 'in-flight');
    await sleep(5);
    assert.equal((await rescuer.claim(key, 'POST', '/p', 'hash-b')).kind, 'key-reused');
    const takeover = await rescuer.claim(key, 'POST', '/p', 'hash-a');
    assert.equal(takeover.kind, 'claimed');
    // The dead claim can no longer complete; the new one can.
    if (claimed.kind !== 'claimed' || takeover.kind !== 'claimed') return;
    await first.complete(key, 'POST', '/p', claimed.claimToken, { status: 201, headers: {}, body: 'stale' });
    assert.equal((await rowFor(db.database, key))?.state, 'in-flight');
    await rescuer.complete(key, 'POST', '/p', takeover.claimToken, { status: 201, headers: {}, body: 'fresh' });
    const replay = await first.claim(key, 'POST', '/p', 'hash-a');
    assert.equal(replay.kind === 'replay' && replay.response.body, 'fresh');
  });

  it('runs the handler once when many instances receive the same key at the same moment', async () => {
    // A second instance with its own connection(s): on PostgreSQL a separate pool, as on another machine.
    const secondDb = db.kind === 'postgresql' ? await openDatabase(db.config) : db.database;
    const state = createTestState();
    state.gate = new Gate();
    state.gate.open();
    const instanceA = await startTestServer(db.database, { state });
    const instanceB = await startTestServer(secondDb, { state });
    try {
      const key = newKey();
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, index) => post(index % 2 ? instanceA : instanceB, key, { name: 'race' })),
      );
      const statuses = responses.map((response) => response.status);
      assert.ok(
        statuses.every((status) => status === 201 || status === 409),
        statuses.join(','),
      );
      assert.equal(state.created, 1, 'exactly one instance ran the handler');
      const fresh = responses.filter(
        (response) => response.status === 201 && !response.headers.get('idempotent-replayed'),
      );
      assert.equal(fresh.length, 1);
      const final = await post(instanceB, key, { name: 'race' });
      assert.equal(final.headers.get('idempotent-replayed'), 'true');
    } finally {
      await instanceA.close();
      await instanceB.close();
      if (secondDb !== db.database) await secondDb.close();
    }
  });
});
