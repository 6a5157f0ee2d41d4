import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { hashPassword, needsRehash, verifyPassword } from '../src/supporters/passwords.ts';
import { setDisabled } from '../src/supporters/supporter-repository.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  createRequest,
  makeSupporter,
  newKey,
  postSignIn,
  signIn,
  supporterCall,
  writePeerCampus,
  type TestSupporter,
} from './helpers/peer-request-fixtures.ts';
import { problemOf, startTestServer, TEST_PASSWORD_COST, type TestServer } from './helpers/test-server.ts';

describe('supporter passwords', () => {
  it('are scrypt hashes with their own salt and cost, verified only by the same password', async () => {
    const a = await hashPassword('correct horse battery staple', TEST_PASSWORD_COST);
    const b = await hashPassword('correct horse battery staple', TEST_PASSWORD_COST);
    assert.match(a, /^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, b);
    assert.ok(!a.includes('correct'));
    assert.equal(await verifyPassword('correct horse battery staple', a), true);
    assert.equal(await verifyPassword('correct horse battery stapl', a), false);
    assert.equal(await verifyPassword('', a), false);
  });

  it('read the same password in either Unicode form (é typed as one or two code points)', async () => {
    const stored = await hashPassword('caf\u00e9 au lait 1234', TEST_PASSWORD_COST);
    assert.equal(await verifyPassword('cafe\u0301 au lait 1234', stored), true);
  });

  it('refuse a stored hash that is malformed or asks for an outsized cost, and know when to rehash', async () => {
    assert.equal(await verifyPassword('x', 'plain text'), false);
    assert.equal(await verifyPassword('x', `scrypt$${2 ** 24}$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`), false);
    const stored = await hashPassword('x', TEST_PASSWORD_COST);
    assert.equal(needsRehash(stored, TEST_PASSWORD_COST), false);
    assert.equal(needsRehash(stored, { N: 2048, r: 8, p: 1 }), true);
  });
});

/** Every supporter endpoint, with a body where it takes one. `{id}` is a real queued request's id. */
const ENDPOINTS: ReadonlyArray<{ method: string; path: string; body?: unknown; idempotent?: boolean }> = [
  { method: 'GET', path: '/queue' },
  { method: 'PATCH', path: '/requests/{id}', body: { status: 'in-progress' } },
  { method: 'POST', path: '/requests/{id}/claim' },
  { method: 'POST', path: '/requests/{id}/escalate', body: { reason: 'other' }, idempotent: true },
  { method: 'POST', path: '/requests/{id}/close', body: { outcome: 'supported' } },
  { method: 'GET', path: '/requests/{id}/notes' },
  { method: 'POST', path: '/requests/{id}/notes', body: { text: 'A note' }, idempotent: true },
];

describeEachDatabase('supporter sign-in and sessions', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let alex: TestSupporter;

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database);
    server = await startTestServer(db.database, { peerRequests: { signInRateLimit: null } });
    alex = await makeSupporter(db.database, { displayName: 'Alex' });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('signs in with a login in any case and spacing, and answers a token, its expiry, roles and training', async () => {
    const started = Date.now();
    const response = await postSignIn(server.url, `  ${alex.login.toUpperCase()} `, alex.password);
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const session = (await response.json()) as {
      token: string;
      tokenType: string;
      expiresAt: string;
      supporter: { id: string; displayName: string; roles: string[]; training: { current: boolean } };
    };
    assert.match(session.token, /^pst_[A-Za-z0-9_-]{43}$/);
    assert.equal(session.tokenType, 'Bearer');
    const hours = (Date.parse(session.expiresAt) - started) / 3_600_000;
    assert.ok(hours > 7.9 && hours < 8.1, String(hours));
    assert.deepEqual(session.supporter.roles, ['supporter']);
    assert.equal(session.supporter.displayName, 'Alex');
    assert.equal(session.supporter.training.current, true);
    assert.equal(
      (await supporterCall(server.url, { Authorization: `Bearer ${session.token}` }, 'GET', '/queue')).status,
      200,
    );
  });

  it('keeps only the SHA-256 of a session token, never the token', async () => {
    const response = await postSignIn(server.url, alex.login, alex.password);
    const { token } = (await response.json()) as { token: string };
    const sessions = JSON.stringify(await db.database.query('SELECT * FROM supporter_sessions'));
    assert.ok(!sessions.includes(token));
    assert.ok(!sessions.includes(token.slice(4)));
    assert.ok(sessions.includes(createHash('sha256').update(token).digest('hex')));
  });

  it('answers an unknown login, a wrong password and a disabled account with the very same 401', async () => {
    const disabled = await makeSupporter(db.database);
    await setDisabled(db.database, disabled.id, true);
    const answers = await Promise.all([
      postSignIn(server.url, alex.login, `${alex.password}x`),
      postSignIn(server.url, 'nobody.here', alex.password),
      postSignIn(server.url, disabled.login, disabled.password),
    ]);
    const bodies = await Promise.all(answers.map((answer) => answer.text()));
    for (const answer of answers) {
      assert.equal(answer.status, 401);
      assert.equal(answer.headers.get('content-type'), 'application/problem+json');
      assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    assert.equal(new Set(bodies).size, 1, bodies.join('\n'));
    assert.equal(JSON.parse(bodies[0]!).type, '/problems/unauthorized');
  });

  it('ends the sessions of an account when it is disabled', async () => {
    const sam = await makeSupporter(db.database);
    const auth = await signIn(server.url, sam);
    assert.equal((await supporterCall(server.url, auth, 'GET', '/queue')).status, 200);
    await setDisabled(db.database, sam.id, true);
    assert.equal((await supporterCall(server.url, auth, 'GET', '/queue')).status, 401);
  });

  it('rehashes a password stored at another cost when its owner signs in', async () => {
    const sam = await makeSupporter(db.database);
    await db.database.query(`UPDATE supporters SET password_hash = $2 WHERE id = $1`, [
      sam.id,
      await hashPassword(sam.password, { N: 2048, r: 8, p: 1 }),
    ]);
    await signIn(server.url, sam);
    const [row] = await db.database.query<{ password_hash: string }>(
      'SELECT password_hash FROM supporters WHERE id = $1',
      [sam.id],
    );
    assert.match(row!.password_hash, /^scrypt\$1024\$/);
  });
});

describeEachDatabase('supporter sign-in time', (target) => {
  let db: TestDatabase;
  let server: TestServer;

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database);
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('takes about as long for an unknown login as for a wrong password', async () => {
    // A cost whose hashing outweighs a query by far, as the real one does, so the comparison means something.
    const cost = { N: 2 ** 14, r: 8, p: 1 };
    server = await startTestServer(db.database, { peerRequests: { signInRateLimit: null, passwordCost: cost } });
    const sam = await makeSupporter(db.database);
    await db.database.query(`UPDATE supporters SET password_hash = $2 WHERE id = $1`, [
      sam.id,
      await hashPassword(sam.password, cost),
    ]);
    const time = async (login: string) => {
      const started = performance.now();
      const response = await postSignIn(server.url, login, 'not the password at all');
      assert.equal(response.status, 401);
      return performance.now() - started;
    };
    await time('warming.up');
    // The fastest of several rounds: other work on a loaded machine only ever adds time, so the minimum is the cost
    // of the sign-in itself, and a real difference (a skipped hash) still shows as a ratio far from 1.
    const fastest = (values: number[]) => Math.min(...values);
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let round = 0; round < 7; round += 1) {
      unknown.push(await time(`nobody.${round}`));
      wrong.push(await time(sam.login));
    }
    const ratio = fastest(unknown) / fastest(wrong);
    assert.ok(ratio > 0.6 && ratio < 1.6, `unknown ${fastest(unknown)} ms, wrong password ${fastest(wrong)} ms`);
  });
});

describeEachDatabase('authentication and roles on every supporter endpoint', (target) => {
  let db: TestDatabase;
  let server: TestServer;
  let requestId: string;
  let expired: Record<string, string>;
  let adminOnly: Record<string, string>;

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database);
    server = await startTestServer(db.database, { peerRequests: { signInRateLimit: null } });
    requestId = (await createRequest(server.url)).requestId;
    const sam = await makeSupporter(db.database);
    expired = await signIn(server.url, sam);
    const token = expired.Authorization!.slice('Bearer '.length);
    await db.database.query(
      `UPDATE supporter_sessions SET created_at = now() - interval '9 hours', expires_at = now() - interval '1 second'
        WHERE token_hash = $1`,
      [createHash('sha256').update(token).digest('hex')],
    );
    adminOnly = await signIn(server.url, await makeSupporter(db.database, { roles: ['admin'] }));
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  const call = (endpoint: (typeof ENDPOINTS)[number], auth: Record<string, string>) =>
    supporterCall(
      server.url,
      auth,
      endpoint.method,
      endpoint.path.replace('{id}', requestId),
      endpoint.body,
      endpoint.idempotent ? { 'Idempotency-Key': newKey() } : {},
    );

  for (const endpoint of ENDPOINTS) {
    const name = `${endpoint.method} /supporter${endpoint.path}`;

    it(`${name}: 401 problem without a token, with a wrong one and with an expired one`, async () => {
      const cases = [
        { auth: {}, error: false },
        { auth: { Authorization: 'Bearer pst_not-a-real-token-at-all' }, error: true },
        { auth: expired, error: true },
        { auth: { Authorization: 'Basic YWxleDpwdw==' }, error: false },
      ];
      for (const { auth, error } of cases) {
        const response = await call(endpoint, auth);
        assert.equal(response.status, 401, JSON.stringify(auth));
        assert.equal(response.headers.get('content-type'), 'application/problem+json');
        assert.equal((await problemOf(response)).type, '/problems/unauthorized');
        const challenge = response.headers.get('www-authenticate') ?? '';
        assert.match(challenge, /^Bearer realm="peer-support"/);
        assert.equal(challenge.includes('invalid_token'), error, challenge);
      }
    });

    it(`${name}: 403 problem for an account without the supporter or supervisor role`, async () => {
      const response = await call(endpoint, adminOnly);
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      assert.equal((await problemOf(response)).type, '/problems/forbidden');
    });
  }

  it('left the request as it was through all of that', async () => {
    const rows = await db.database.query<{ status: string }>('SELECT status FROM peer_requests WHERE id = $1', [
      requestId,
    ]);
    assert.equal(rows[0]!.status, 'queued');
    const events = await db.database.query('SELECT 1 FROM peer_request_events WHERE request_id = $1', [requestId]);
    assert.equal(events.length, 1);
    const notes = await db.database.query('SELECT 1 FROM peer_request_notes WHERE request_id = $1', [requestId]);
    assert.equal(notes.length, 0);
  });
});
