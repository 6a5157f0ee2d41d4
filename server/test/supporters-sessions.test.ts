import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, it } from 'node:test';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import {
  campusDate,
  makeSupporter,
  postSignIn,
  signIn,
  supporterCall,
  writePeerCampus,
  type TestSupporter,
} from './helpers/peer-request-fixtures.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

type Auth = Record<string, string>;

const hashOf = (auth: Auth) => createHash('sha256').update(auth.Authorization!.slice('Bearer '.length)).digest('hex');

describeEachDatabase('supporter sign-out (DELETE /supporter/sessions/current)', (target) => {
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

  const signOut = (auth: Auth) => supporterCall(server.url, auth, 'DELETE', '/sessions/current');
  const queue = (auth: Auth) => supporterCall(server.url, auth, 'GET', '/queue');
  const sessionRows = (auth: Auth) =>
    db.database.query('SELECT 1 FROM supporter_sessions WHERE token_hash = $1', [hashOf(auth)]);

  async function assertUnauthorized(response: Response, invalidToken: boolean): Promise<void> {
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal((await problemOf(response)).type, '/problems/unauthorized');
    const challenge = response.headers.get('www-authenticate') ?? '';
    assert.match(challenge, /^Bearer realm="peer-support"/);
    assert.equal(challenge.includes('invalid_token'), invalidToken, challenge);
  }

  it('ends the token: 204 with no body, the session row is gone, and the queue answers 401 with it', async () => {
    const auth = await signIn(server.url, alex);
    assert.equal((await queue(auth)).status, 200);
    const response = await signOut(auth);
    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');
    assert.equal((await sessionRows(auth)).length, 0);
    await assertUnauthorized(await queue(auth), true);
    await assertUnauthorized(await supporterCall(server.url, auth, 'GET', '/profile'), true);
  });

  it('ends only that session: the same supporter’s other sessions stay valid', async () => {
    const here = await signIn(server.url, alex);
    const elsewhere = await signIn(server.url, alex);
    assert.equal((await signOut(here)).status, 204);
    assert.equal((await queue(elsewhere)).status, 200);
    assert.equal((await sessionRows(elsewhere)).length, 1);
    assert.equal((await queue(here)).status, 401);
  });

  it('signing out again with the ended token answers 401, as every supporterAuth operation does for it', async () => {
    const auth = await signIn(server.url, alex);
    assert.equal((await signOut(auth)).status, 204);
    await assertUnauthorized(await signOut(auth), true);
    await assertUnauthorized(await signOut(auth), true);
  });

  it('an expired token answers 401 too, and a garbage or missing token 401 without ending anyone else’s', async () => {
    const other = await signIn(server.url, alex);
    const expired = await signIn(server.url, alex);
    await db.database.query(
      `UPDATE supporter_sessions SET created_at = now() - interval '9 hours', expires_at = now() - interval '1 second'
        WHERE token_hash = $1`,
      [hashOf(expired)],
    );
    await assertUnauthorized(await signOut(expired), true);
    await assertUnauthorized(await signOut({ Authorization: 'Bearer pst_not-a-real-token-at-all' }), true);
    await assertUnauthorized(await signOut({}), false);
    await assertUnauthorized(await signOut({ Authorization: 'Basic YWxleDpwdw==' }), false);
    assert.equal((await queue(other)).status, 200);
  });

  it('ignores an Idempotency-Key (the contract takes none here) and still ends the session', async () => {
    const auth = await signIn(server.url, alex);
    const response = await supporterCall(server.url, auth, 'DELETE', '/sessions/current', undefined, {
      'Idempotency-Key': 'sign-out-key-0001',
    });
    assert.equal(response.status, 204);
    assert.equal((await queue(auth)).status, 401);
  });

  it('ends the session of an account that cannot work on requests (admin only) as well', async () => {
    const auth = await signIn(server.url, await makeSupporter(db.database, { roles: ['admin'] }));
    assert.equal((await signOut(auth)).status, 204);
    assert.equal((await sessionRows(auth)).length, 0);
  });
});

describeEachDatabase('the signed-in supporter’s profile (GET /supporter/profile)', (target) => {
  let db: TestDatabase;
  let server: TestServer;

  before(async () => {
    db = await target.open();
    await writePeerCampus(db.database);
    server = await startTestServer(db.database, { peerRequests: { signInRateLimit: null } });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  const profile = (auth: Auth) => supporterCall(server.url, auth, 'GET', '/profile');

  it('answers the same profile as sign-in: id, name, roles and training, and nothing else', async () => {
    const sam = await makeSupporter(db.database, { displayName: 'Sam' });
    const signedIn = await postSignIn(server.url, sam.login, sam.password);
    const session = (await signedIn.json()) as { token: string; supporter: unknown };
    const response = await profile({ Authorization: `Bearer ${session.token}` });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const text = await response.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    assert.deepEqual(body, session.supporter);
    assert.deepEqual(Object.keys(body).sort(), ['displayName', 'id', 'roles', 'training']);
    assert.deepEqual(body, {
      id: sam.id,
      displayName: 'Sam',
      roles: ['supporter'],
      training: { current: true, expiresOn: campusDate(300) },
    });
    const [row] = await db.database.query<{ password_hash: string }>(
      'SELECT password_hash FROM supporters WHERE id = $1',
      [sam.id],
    );
    for (const secret of [
      row!.password_hash,
      row!.password_hash.split('$').at(-1)!,
      'scrypt',
      sam.login,
      sam.password,
    ]) {
      assert.ok(!text.includes(secret), `the profile includes ${secret}`);
    }
  });

  it('says when training is missing or expired, and names the supervisor role', async () => {
    const cases = [
      { training: 'none', roles: ['supporter'], expected: { current: false, expiresOn: null } },
      { training: 'expired', roles: ['supporter'], expected: { current: false, expiresOn: campusDate(0) } },
      {
        training: 'current',
        roles: ['supporter', 'supervisor'],
        expected: { current: true, expiresOn: campusDate(300) },
      },
      { training: 'none', roles: ['admin'], expected: { current: false, expiresOn: null } },
    ] as const;
    for (const { training, roles, expected } of cases) {
      const supporter = await makeSupporter(db.database, { training, roles: [...roles] });
      const response = await profile(await signIn(server.url, supporter));
      assert.equal(response.status, 200, `${training} ${roles.join()}`);
      const body = (await response.json()) as { roles: string[]; training: unknown };
      assert.deepEqual(body.roles, roles);
      assert.deepEqual(body.training, expected, `${training} ${roles.join()}`);
    }
  });

  it('answers 401 without a valid session: none, garbage, or one that has signed out', async () => {
    const auth = await signIn(server.url, await makeSupporter(db.database));
    assert.equal((await supporterCall(server.url, auth, 'DELETE', '/sessions/current')).status, 204);
    for (const attempt of [{}, { Authorization: 'Bearer pst_not-a-real-token-at-all' }, auth]) {
      const response = await profile(attempt);
      assert.equal(response.status, 401, JSON.stringify(attempt));
      assert.equal((await problemOf(response)).type, '/problems/unauthorized');
    }
  });
});
