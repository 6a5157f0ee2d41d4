import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openDatabase } from '../src/db/open-database.ts';
import { optionsFromEnv } from '../src/env.ts';
import {
  clientAddress,
  clientAddressRule,
  parseTrustedProxies,
  type ClientAddressSettings,
} from '../src/rate-limit/client-address.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { makeSupporter, newKey, postRequest, postSignIn, writePeerCampus } from './helpers/peer-request-fixtures.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

/** A server that answers with the key its rule gives each request, reached from 127.0.0.1. */
async function echoServer(settings: ClientAddressSettings | undefined) {
  const rule = clientAddressRule(settings);
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, rule)));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    key: async (headers: Record<string, string> = {}) => (await fetch(url, { headers })).text(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the client address rule', () => {
  it('reads the connection only, whatever headers say, when no proxy is trusted', async () => {
    const echo = await echoServer(undefined);
    try {
      assert.equal(await echo.key(), '127.0.0.1');
      assert.equal(await echo.key({ 'X-Forwarded-For': '203.0.113.7' }), '127.0.0.1');
    } finally {
      await echo.close();
    }
  });

  it('reads X-Forwarded-For from a trusted proxy, from the right, past every trusted hop', async () => {
    const echo = await echoServer({ trustedProxies: ['127.0.0.1', '10.0.0.0/8'] });
    try {
      assert.equal(await echo.key({ 'X-Forwarded-For': '203.0.113.7' }), '203.0.113.7');
      // What the client wrote itself sits on the left, and is never reached.
      assert.equal(await echo.key({ 'X-Forwarded-For': '192.0.2.1, 203.0.113.7' }), '203.0.113.7');
      assert.equal(await echo.key({ 'X-Forwarded-For': '192.0.2.1, 198.51.100.2, 10.1.2.3' }), '198.51.100.2');
      assert.equal(await echo.key({ 'X-Forwarded-For': '[2001:db8:1:2::99]:443' }), '2001:db8:1:2::/64');
      assert.equal(await echo.key({ 'X-Forwarded-For': '203.0.113.8:5123' }), '203.0.113.8');
      // Without the header, the proxy's own address is what there is.
      assert.equal(await echo.key(), '127.0.0.1');
    } finally {
      await echo.close();
    }
  });

  it('reads the header the operator named instead, and nothing from a proxy it does not trust', async () => {
    const named = await echoServer({ trustedProxies: ['127.0.0.1'], header: 'X-Real-IP' });
    const elsewhere = await echoServer({ trustedProxies: ['10.0.0.0/8'] });
    try {
      assert.equal(await named.key({ 'X-Real-IP': '203.0.113.9', 'X-Forwarded-For': '192.0.2.1' }), '203.0.113.9');
      assert.equal(await elsewhere.key({ 'X-Forwarded-For': '203.0.113.7' }), '127.0.0.1');
    } finally {
      await named.close();
      await elsewhere.close();
    }
  });

  it('comes from TRUSTED_PROXIES and CLIENT_ADDRESS_HEADER, refusing what is not an address or a network', () => {
    assert.deepEqual(parseTrustedProxies('T', ' 10.0.0.5 , 2001:db8::/32,'), ['10.0.0.5', '2001:db8::/32']);
    for (const bad of ['proxy.internal', '10.0.0.0/33', '2001:db8::/129', '10.0.0.300']) {
      assert.throws(() => parseTrustedProxies('TRUSTED_PROXIES', bad), /TRUSTED_PROXIES/, bad);
    }
    assert.deepEqual(optionsFromEnv({ TRUSTED_PROXIES: '127.0.0.1' }).clientAddress, { trustedProxies: ['127.0.0.1'] });
  });
});

describe('peer request settings from the environment', () => {
  it('reads the limits, the on-call address, the inbox link, session hours and minutes per request', () => {
    assert.deepEqual(optionsFromEnv({}).peerRequests, {});
    const set = optionsFromEnv({
      PEER_REQUEST_RATE_LIMIT: '5/3600',
      SIGN_IN_RATE_LIMIT: '0',
      ON_CALL_EMAIL: 'on-call@campus.example',
      SUPPORTER_INBOX_URL: 'https://peer.campus.example/inbox',
      SUPPORTER_SESSION_HOURS: '12',
      PEER_MINUTES_PER_REQUEST: '20',
    }).peerRequests;
    assert.deepEqual(set, {
      rateLimit: { limit: 5, windowSeconds: 3600 },
      signInRateLimit: null,
      onCallEmail: 'on-call@campus.example',
      inboxUrl: 'https://peer.campus.example/inbox',
      sessionTtlMs: 12 * 3_600_000,
      minutesPerRequest: 20,
    });
    const refusals: Array<[Record<string, string>, RegExp]> = [
      [{ ON_CALL_EMAIL: 'a@b.example, c@d.example' }, /ON_CALL_EMAIL/],
      [{ ON_CALL_EMAIL: 'on-call@campus.example\r\nBcc: x@y.example' }, /ON_CALL_EMAIL/],
      [{ SUPPORTER_INBOX_URL: 'javascript:alert(1)' }, /SUPPORTER_INBOX_URL/],
      [{ SUPPORTER_INBOX_URL: 'http://peer.campus.example/' }, /SUPPORTER_INBOX_URL/],
      [{ SUPPORTER_SESSION_HOURS: '48' }, /SUPPORTER_SESSION_HOURS/],
      [{ PEER_MINUTES_PER_REQUEST: '0' }, /PEER_MINUTES_PER_REQUEST/],
      [{ PEER_REQUEST_RATE_LIMIT: 'ten' }, /PEER_REQUEST_RATE_LIMIT/],
    ];
    for (const [env, message] of refusals) assert.throws(() => optionsFromEnv(env), message, JSON.stringify(env));
  });
});

/** The tests tell clients apart as a trusted proxy on loopback would. */
const viaProxy = { trustedProxies: ['127.0.0.1', '::1'] };
let clientCounter = 0;
const newClient = () => ({ 'X-Forwarded-For': `198.51.100.${(clientCounter += 1)}` });

describeEachDatabase('rate limits on sign-in and new requests, shared by every instance', (target) => {
  let db: TestDatabase;
  let first: TestServer;
  let second: TestServer;
  let secondDb: Awaited<ReturnType<typeof openDatabase>> | undefined;
  const limits = {
    clientAddress: viaProxy,
    peerRequests: { rateLimit: { limit: 3, windowSeconds: 600 }, signInRateLimit: { limit: 3, windowSeconds: 600 } },
  };

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database);
    first = await startTestServer(db.database, limits);
    // On PostgreSQL, a second pool as another instance would have; PGlite has one connection to share.
    secondDb = db.kind === 'postgresql' ? await openDatabase(db.config) : undefined;
    second = await startTestServer(secondDb ?? db.database, limits);
  });
  after(async () => {
    await second?.close();
    await first?.close();
    await secondDb?.close();
    await db?.dispose();
  });

  it('counts sign-in attempts from one client across both instances, right or wrong, and then answers 429', async () => {
    const supporter = await makeSupporter(db.database);
    const client = newClient();
    const statuses: number[] = [];
    for (const [server, password] of [
      [first, supporter.password],
      [second, 'wrong password'],
      [second, supporter.password],
      [first, supporter.password],
    ] as const) {
      statuses.push((await postSignIn(server.url, supporter.login, password, client)).status);
    }
    assert.deepEqual(statuses, [201, 401, 201, 429]);
    const limited = await postSignIn(second.url, supporter.login, supporter.password, client);
    assert.equal(limited.status, 429);
    assert.equal((await problemOf(limited)).type, '/problems/rate-limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 600, String(retryAfter));
    // Another client signs in.
    assert.equal((await postSignIn(first.url, supporter.login, supporter.password, newClient())).status, 201);
  });

  it('counts new requests from one client across both instances, keeps nothing over the limit, and replays freely', async () => {
    const client = newClient();
    const firstKey = newKey();
    const statuses: number[] = [];
    for (const [server, key] of [
      [first, firstKey],
      [second, newKey()],
      [first, newKey()],
      [second, newKey()],
    ] as const) {
      statuses.push((await postRequest(server.url, undefined, key, client)).status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    const [count] = await db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM peer_requests');
    assert.equal(count!.n, 3);
    const replay = await postRequest(second.url, undefined, firstKey, client);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal((await postRequest(second.url, undefined, newKey(), newClient())).status, 201);
  });

  it('does not let a client pick its own key when it connects directly', async () => {
    const direct = await startTestServer(db.database, { ...limits, clientAddress: { trustedProxies: [] } });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 4; index += 1) {
        statuses.push((await postRequest(direct.url, undefined, newKey(), newClient())).status);
      }
      // Every request counts as 127.0.0.1's, whatever X-Forwarded-For says.
      assert.equal(statuses.filter((status) => status === 429).length >= 1, true, statuses.join());
    } finally {
      await direct.close();
    }
  });
});
