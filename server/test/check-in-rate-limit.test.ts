import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../src/db/open-database.ts';
import { optionsFromEnv } from '../src/env.ts';
import { addressKey } from '../src/rate-limit/client-address.ts';
import { DailySecret } from '../src/rate-limit/daily-secret.ts';
import { purgeRateLimits } from '../src/rate-limit/purge-rate-limits.ts';
import { parseRateLimit } from '../src/rate-limit/rate-limit-setting.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { countCheckIns, moodCheckIn, newKey, postCheckIn } from './helpers/check-in-fixtures.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

/**
 * The tests tell clients apart by this header, as a reverse proxy would (CLIENT_ADDRESS_HEADER); the test client
 * connects from loopback, declared a trusted proxy (TRUSTED_PROXIES).
 */
const CLIENT_HEADER = 'X-Test-Client';
let clientCounter = 0;
const newClient = () => `198.51.100.${(clientCounter += 1)}`;

describe('rate limit settings', () => {
  it('reads "<requests>/<seconds>", "0" for off, and refuses anything else', () => {
    assert.deepEqual(parseRateLimit('X', '20/600'), { limit: 20, windowSeconds: 600 });
    assert.deepEqual(parseRateLimit('X', ' 1/1 '), { limit: 1, windowSeconds: 1 });
    assert.equal(parseRateLimit('X', '0'), null);
    for (const bad of ['20', '0/600', '20/0', '20/86401', '-1/60', '20 / 600', 'twenty/600', '']) {
      assert.throws(() => parseRateLimit('CHECK_IN_RATE_LIMIT', bad), /CHECK_IN_RATE_LIMIT/, bad);
    }
  });

  it('comes from the environment with the other check-in settings', () => {
    const defaults = optionsFromEnv({});
    assert.deepEqual(defaults.checkIns, { rateLimit: { limit: 20, windowSeconds: 600 }, minCount: 5 });
    assert.equal(defaults.clientAddress, undefined);
    assert.deepEqual(defaults.retention, { intervalMs: 3_600_000 });
    const set = optionsFromEnv({
      CHECK_IN_RATE_LIMIT: '0',
      CHECK_IN_MIN_COUNT: '10',
      PURGE_INTERVAL_MINUTES: '0',
      CLIENT_ADDRESS_HEADER: 'X-Real-IP',
      TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16',
    });
    assert.deepEqual(set.checkIns, { rateLimit: null, minCount: 10 });
    assert.deepEqual(set.clientAddress, { trustedProxies: ['10.0.0.5', '10.1.0.0/16'], header: 'X-Real-IP' });
    assert.deepEqual(set.retention, { intervalMs: 0 });
    assert.throws(() => optionsFromEnv({ CHECK_IN_MIN_COUNT: '2' }), /CHECK_IN_MIN_COUNT/);
    assert.throws(() => optionsFromEnv({ PURGE_INTERVAL_MINUTES: '1.5' }), /PURGE_INTERVAL_MINUTES/);
    assert.throws(
      () => optionsFromEnv({ CLIENT_ADDRESS_HEADER: 'X Real IP', TRUSTED_PROXIES: '10.0.0.5' }),
      /CLIENT_ADDRESS_HEADER/,
    );
    // A header believed from anyone would let each client choose its own key.
    assert.throws(() => optionsFromEnv({ CLIENT_ADDRESS_HEADER: 'X-Real-IP' }), /TRUSTED_PROXIES/);
  });
});

describe('client address keys', () => {
  it('keep IPv4 addresses, unwrap IPv4-mapped IPv6, and put an IPv6 /64 together', () => {
    assert.equal(addressKey('203.0.113.9'), '203.0.113.9');
    assert.equal(addressKey('::ffff:203.0.113.9'), '203.0.113.9');
    assert.equal(addressKey('::FFFF:cb00:7109'), '203.0.113.9');
    assert.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.notEqual(addressKey('2001:db8:1:2::1'), addressKey('2001:db8:1:3::1'));
  });
});

describeEachDatabase('rate limit on POST /check-ins', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  const limited = {
    checkIns: { rateLimit: { limit: 3, windowSeconds: 600 } },
    clientAddress: { trustedProxies: ['127.0.0.1', '::1'], header: CLIENT_HEADER },
  };

  before(async () => {
    db = await target.open();
    server = await startTestServer(db.database, { seed: 'demo', retention: { intervalMs: 0 }, ...limited });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('answers 429 with Retry-After over the limit, stores nothing then, and counts each client apart', async () => {
    const client = newClient();
    const asClient = { [CLIENT_HEADER]: client };
    const firstKey = newKey();
    for (let index = 0; index < 3; index += 1) {
      const response = await postCheckIn(server.url, moodCheckIn(), index === 0 ? firstKey : newKey(), asClient);
      assert.equal(response.status, 201);
    }
    const before = await countCheckIns(db.database);
    const over = await postCheckIn(server.url, moodCheckIn(), newKey(), asClient);
    assert.equal(over.status, 429);
    assert.equal((await problemOf(over)).type, '/problems/rate-limited');
    const retryAfter = Number(over.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 600, String(retryAfter));
    assert.equal(await countCheckIns(db.database), before);

    // A replay is not a new check-in: it is answered whatever the count.
    const replay = await postCheckIn(server.url, moodCheckIn(), firstKey, asClient);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    // Another client is not held back.
    assert.equal(
      (await postCheckIn(server.url, moodCheckIn(), newKey(), { [CLIENT_HEADER]: newClient() })).status,
      201,
    );
  });

  it('is one count for every instance on the database', async () => {
    const secondDb = db.kind === 'postgresql' ? await openDatabase(db.config) : db.database;
    const other = await startTestServer(secondDb, { retention: { intervalMs: 0 }, ...limited });
    try {
      const asClient = { [CLIENT_HEADER]: newClient() };
      const statuses: number[] = [];
      for (const instance of [server, other, other, server]) {
        statuses.push((await postCheckIn(instance.url, moodCheckIn(), newKey(), asClient)).status);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429]);
    } finally {
      await other.close();
      if (secondDb !== db.database) await secondDb.close();
    }
  });

  it('keeps no address: a client is an HMAC-SHA-256 of it under the secret of the day', async () => {
    const client = newClient();
    assert.equal((await postCheckIn(server.url, moodCheckIn(), newKey(), { [CLIENT_HEADER]: client })).status, 201);
    const [secret] = await db.database.query<{ secret: string }>(
      `SELECT secret FROM rate_limit_secrets WHERE day = $1`,
      [new Date().toISOString().slice(0, 10)],
    );
    const expected = createHmac('sha256', Buffer.from(secret!.secret, 'hex')).update(client).digest('base64url');
    const rows = await db.database.query<{ client_key: string; hits: number }>(
      'SELECT client_key, hits FROM rate_limit_windows WHERE client_key = $1',
      [expected],
    );
    assert.deepEqual(
      rows.map((row) => row.hits),
      [1],
    );
    const everything = JSON.stringify(await db.database.query('SELECT * FROM rate_limit_windows'));
    assert.ok(!everything.includes(client));
  });

  it('makes one secret a day for every instance, and a new one the next day', async () => {
    const secondDb = db.kind === 'postgresql' ? await openDatabase(db.config) : db.database;
    try {
      const tomorrow = new Date(Date.now() + 86_400_000);
      const [a, b] = await Promise.all([
        new DailySecret(db.database).keyFor(tomorrow),
        new DailySecret(secondDb).keyFor(tomorrow),
      ]);
      assert.equal(a.length, 32);
      assert.deepEqual(a, b);
      assert.notDeepEqual(a, await new DailySecret(db.database).keyFor(new Date()));
    } finally {
      if (secondDb !== db.database) await secondDb.close();
    }
  });

  it('deletes ended windows and the secrets of days before yesterday', async () => {
    await postCheckIn(server.url, moodCheckIn(), newKey(), { [CLIENT_HEADER]: newClient() });
    await db.database.query(
      `INSERT INTO rate_limit_windows (scope, client_key, window_end, hits)
       VALUES ('check-ins', 'ended-window', now() - interval '1 second', 2)`,
    );
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    for (const offset of [-3, -2, -1]) {
      await db.database.query(
        `INSERT INTO rate_limit_secrets (day, secret) VALUES ($1, repeat('ab', 32)) ON CONFLICT (day) DO NOTHING`,
        [day(offset)],
      );
    }
    const purged = await purgeRateLimits(db.database);
    assert.ok(purged.windows >= 1 && purged.secrets >= 2, JSON.stringify(purged));
    const windows = await db.database.query<{ ended: boolean }>(
      'SELECT window_end < now() AS ended FROM rate_limit_windows',
    );
    assert.ok(windows.length > 0 && windows.every((row) => !row.ended));
    const days = (await db.database.query<{ day: string }>('SELECT day FROM rate_limit_secrets ORDER BY day')).map(
      (row) => row.day,
    );
    assert.ok(!days.includes(day(-2)) && !days.includes(day(-3)), days.join(','));
    assert.ok(days.includes(day(-1)) && days.includes(day(0)), days.join(','));
  });
});
