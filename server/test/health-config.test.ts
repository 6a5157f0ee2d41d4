import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { CONTRACT_SCHEMA_ID, rewriteSchemaRefs } from '../src/contract/ajv-factory.ts';
import { loadContractFile } from '../src/contract/load-contract.ts';
import type { Database } from '../src/db/database.ts';
import { defaultPaths } from '../src/paths.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { problemOf, startTestServer, type TestServer } from './helpers/test-server.ts';

const rootVersion = (await import('../../package.json', { with: { type: 'json' } })).default.version;

/** Checks a document against a schema of the real contract, independently of the server's own validator. */
async function contractSchemaValidator(name: string) {
  const document = await loadContractFile(defaultPaths.contract);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addSchema({ $id: CONTRACT_SCHEMA_ID, $defs: rewriteSchemaRefs(document.components?.schemas ?? {}) });
  return ajv.compile({ $ref: `${CONTRACT_SCHEMA_ID}#/$defs/${name}` });
}

/** Answers like the real database, except that SELECT 1 fails while `down` is set. */
function flakyDatabase(real: Database): Database & { down: boolean } {
  const flaky = {
    down: false,
    kind: real.kind,
    query: (sql: string, params?: readonly unknown[]) =>
      flaky.down && sql === 'SELECT 1' ? Promise.reject(new Error('connection refused')) : real.query(sql, params),
    exec: (sql: string) => real.exec(sql),
    transaction: real.transaction.bind(real),
    close: () => Promise.resolve(),
  };
  return flaky as Database & { down: boolean };
}

describeEachDatabase('health, config and routing', (target) => {
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

  it('GET /health answers ok with version, database kind and time', async () => {
    const response = await fetch(`${server.url}/api/v1/health`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.status, 'ok');
    assert.equal(body.version, rootVersion);
    assert.equal(body.database, target.kind);
    assert.ok(Math.abs(Date.parse(String(body.time)) - Date.now()) < 60_000);
    const validate = await contractSchemaValidator('Health');
    assert.ok(validate(body), JSON.stringify(validate.errors));
  });

  it('GET /health answers 503 "unavailable" with Retry-After when the database does not answer', async () => {
    const flaky = flakyDatabase(db.database);
    const other = await startTestServer(flaky);
    try {
      flaky.down = true;
      const response = await fetch(`${other.url}/api/v1/health`);
      assert.equal(response.status, 503);
      assert.ok(Number(response.headers.get('retry-after')) > 0);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body.status, 'unavailable');
      assert.equal(body.database, target.kind);
    } finally {
      await other.close();
    }
  });

  it('GET /config returns the neutral defaults in exactly the CampusConfig shape', async () => {
    const response = await fetch(`${server.url}/api/v1/config`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    const validate = await contractSchemaValidator('CampusConfig');
    assert.ok(validate(body), JSON.stringify(validate.errors));
    assert.deepEqual(Object.keys(body).sort(), [
      'campusName',
      'country',
      'defaultLocale',
      'features',
      'locales',
      'peerSupportHours',
      'retentionDays',
      'timeZone',
    ]);
    assert.deepEqual(body.features, { checkIn: false, groups: false, peerRequests: false, crisisResources: true });
    assert.deepEqual(body.peerSupportHours, { timeZone: 'UTC', alwaysOpen: false, weekly: [] });
    assert.equal(body.country, 'ZZ');
  });

  it('SEED=demo fills in the fictional demo campus, and seeding twice changes nothing', async () => {
    for (let round = 0; round < 2; round += 1) {
      const seeded = await startTestServer(db.database, { seed: 'demo' });
      await seeded.close();
    }
    const response = await fetch(`${server.url}/api/v1/config`);
    const body = (await response.json()) as Record<string, unknown>;
    const validate = await contractSchemaValidator('CampusConfig');
    assert.ok(validate(body), JSON.stringify(validate.errors));
    assert.equal(body.campusName, 'Northfield University');
    assert.equal(body.country, 'US');
    assert.equal(body.region, 'US-MA');
    assert.equal(body.privacyNoticeUrl, 'https://northfield.example/privacy');
    assert.deepEqual(body.features, { checkIn: true, groups: true, peerRequests: true, crisisResources: true });
    const rows = await db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM campus_config');
    assert.equal(rows[0]?.n, 1);
  });

  it('an unknown seed name stops the server from starting', async () => {
    await assert.rejects(startTestServer(db.database, { seed: 'nope' }), /Unknown SEED "nope"/);
  });

  it('an unknown path under the base path is a 404 problem', async () => {
    const response = await fetch(`${server.url}/api/v1/no-such-thing`);
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    const problem = await problemOf(response);
    assert.equal(problem.type, '/problems/not-found');
    assert.equal(problem.status, 404);
    assert.equal(typeof problem.title, 'string');
  });

  it('a known path with another method is a 405 problem with Allow', async () => {
    const response = await fetch(`${server.url}/api/v1/health`, { method: 'DELETE' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal((await problemOf(response)).status, 405);
  });

  it('HEAD is answered like GET, without a body', async () => {
    const response = await fetch(`${server.url}/api/v1/health`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '');
  });

  it('API responses are never cached (but the public campus config, briefly) and never sniffed', async () => {
    for (const path of ['/api/v1/health', '/api/v1/config', '/api/v1/no-such-thing']) {
      const response = await fetch(`${server.url}${path}`);
      await response.body?.cancel();
      const expected = path.endsWith('/config') ? 'public, max-age=300' : 'no-store';
      assert.equal(response.headers.get('cache-control'), expected, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
    }
  });

  it('a handler failure is a 500 problem without a stack trace', async () => {
    const response = await fetch(`${server.url}/api/v1/test-only/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'boom-key-0001' },
      body: JSON.stringify({ name: 'boom' }),
    });
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.doesNotMatch(text, /test handler failure|at .*\.ts|stack/i);
    const problem = JSON.parse(text) as { type: string; instance: string };
    assert.equal(problem.type, '/problems/internal');
    assert.match(problem.instance, /^urn:uuid:[0-9a-f-]{36}$/);
  });
});
