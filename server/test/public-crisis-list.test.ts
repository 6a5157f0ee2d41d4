import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AdminCrisisResource, CrisisResourceList } from '../src/contract/api-types.ts';
import { countingDatabase, type CountingDatabase } from './helpers/counting-database.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/databases.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';
import { resourceInput as baseInput } from './helpers/crisis-resource-fixtures.ts';

/** Lines of a fictional country of this suite's own. */
const resourceInput = (overrides: Record<string, unknown>) => baseInput({ country: 'XD', ...overrides });

/**
 * The costs of the public endpoints (issue 7, §3.4), counted rather than timed: queries per request, buffers a
 * request reads, database checks per second of /health. And the behaviour the caches must not change: every admin
 * write shows at once, and other countries' rows change neither the answer nor the work.
 */
const ADMIN_TOKEN = 'test-operator-token-0123456789-abcdefghij';
const AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const OTHER_COUNTRY_ROWS = 9_600;

let keyCounter = 0;
const newKey = () => `public-list-key-${process.pid}-${(keyCounter += 1)}`;

/**
 * Rows of other countries, written straight into the table as a bulk import would: national lines of GB in pairs,
 * regional lines of CA, each record padded to the size of a real one.
 */
async function addOtherCountries(db: TestDatabase['database'], from: number, count: number): Promise<void> {
  await db.query(
    `INSERT INTO crisis_resources (id, record, name, country, subdivisions, scope, languages, topics, priority,
       verified_at)
     SELECT 'bulk-' || g,
            jsonb_build_object('id', 'bulk-' || g, 'name', 'Bulk line ' || g,
              'country', CASE WHEN g % 4 = 0 THEN 'CA' ELSE 'GB' END,
              'pairedWith', CASE WHEN g % 2 = 0 THEN jsonb_build_array('bulk-' || (g - 1))
                                 ELSE jsonb_build_array('bulk-' || (g + 1)) END,
              'description', repeat('A line in another country. ', 50)),
            'Bulk line ' || g,
            CASE WHEN g % 4 = 0 THEN 'CA' ELSE 'GB' END,
            CASE WHEN g % 4 = 0 THEN ARRAY['CA-ON'] ELSE ARRAY[]::text[] END,
            CASE WHEN g % 4 = 0 THEN 'regional' ELSE 'national' END,
            ARRAY['en'], ARRAY['general'], g % 100, DATE '2025-01-01'
       FROM generate_series($1::int, $1::int + $2::int - 1) AS g`,
    [from, count],
  );
}

describeEachDatabase('public crisis list and health costs', (target) => {
  let db: TestDatabase;
  let counting: CountingDatabase;
  let server: TestServer;
  const api = (pathAndQuery: string) => `${server.url}/api/v1${pathAndQuery}`;

  async function list(query: string, on: TestServer = server): Promise<CrisisResourceList> {
    const response = await fetch(`${on.url}/api/v1/crisis-resources${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as CrisisResourceList;
  }
  const ids = async (query: string) => (await list(query)).items.map((item) => item.id);

  /** The statements one public request costs. */
  async function statementsFor(query: string, on: TestServer = server): Promise<string[]> {
    counting.reset();
    await list(query, on);
    return [...counting.statements];
  }

  const send = (method: string, pathAndQuery: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(api(pathAndQuery), {
      method,
      headers: { 'Content-Type': 'application/json', ...AUTH, ...headers },
      body: JSON.stringify(body),
    });

  async function adminWrite(method: string, pathAndQuery: string, body: unknown): Promise<AdminCrisisResource> {
    const response = await send(method, pathAndQuery, body, method === 'POST' ? { 'Idempotency-Key': newKey() } : {});
    assert.ok(response.status === 200 || response.status === 201, await response.clone().text());
    return (await response.json()) as AdminCrisisResource;
  }

  before(async () => {
    db = await target.open();
    counting = countingDatabase(db.database);
    server = await startTestServer(counting, { adminToken: ADMIN_TOKEN, seed: 'demo' });
  });
  after(async () => {
    await server?.close();
    await db?.dispose();
  });

  describe('GET /crisis-resources', () => {
    it('costs one query with the campus configuration warm, and none for a question asked before', async () => {
      await list('?country=US');
      for (const query of ['?country=US&lang=es', '?region=US-MA', '?region=US-MA&scope=campus&topic=grief']) {
        const statements = await statementsFor(query);
        assert.equal(statements.length, 1, `${query}: ${statements.join(' | ')}`);
        assert.deepEqual(await statementsFor(query), [], `${query} asked again`);
      }
      // "es-MX" orders exactly as "es" does, and no place means the campus's (US-MA), so these were asked before.
      assert.deepEqual(await statementsFor('?country=US&lang=es-MX'), []);
      assert.deepEqual(await statementsFor(''), []);
    });

    it('keeps the answer with its headers, and says its age once kept', async () => {
      const first = await fetch(api('/crisis-resources?country=NZ&topic=stress'));
      const firstBody = await first.text();
      assert.equal(first.headers.get('cache-control'), 'public, max-age=300');
      assert.match(first.headers.get('content-type') ?? '', /^application\/json/);
      const again = await fetch(api('/crisis-resources?country=NZ&topic=stress'));
      assert.equal(await again.text(), firstBody, 'the same document, generatedAt included');
      assert.equal(again.headers.get('cache-control'), 'public, max-age=300');
      const age = again.headers.get('age');
      assert.ok(age === null || Number(age) < 300, `Age: ${age}`);
    });

    it('shows every admin write at once: create, patch, pairing, verify, retire', async () => {
      const query = '?country=XD';
      const warm = async () => {
        const body = await list(query);
        assert.deepEqual(await statementsFor(query), [], 'the answer is kept before the write');
        return body;
      };

      await warm();
      await adminWrite('POST', '/admin/crisis-resources', resourceInput({ id: 'xd-line', name: 'Delta Line' }));
      assert.deepEqual(await ids(query), ['xd-line'], 'after create');

      await warm();
      await adminWrite('PATCH', '/admin/crisis-resources/xd-line', { name: 'Delta Line, renamed' });
      assert.equal((await list(query)).items[0]?.name, 'Delta Line, renamed', 'after patch');

      await adminWrite(
        'POST',
        '/admin/crisis-resources',
        resourceInput({ id: 'xe-partner', name: 'Echo Partner', country: 'XE', priority: 5 }),
      );
      await warm();
      await adminWrite('PATCH', '/admin/crisis-resources/xd-line', { pairedWith: ['xe-partner'] });
      assert.deepEqual(await ids(query), ['xe-partner', 'xd-line'], 'after pairing: the partner comes along');

      await warm();
      await adminWrite('POST', '/admin/crisis-resources/xd-line/verify', { verifiedAt: '2025-02-01' });
      const verified = (await list(query)).items.find((item) => item.id === 'xd-line');
      assert.equal(verified?.verifiedAt, '2025-02-01', 'after verify');

      await warm();
      await adminWrite('POST', '/admin/crisis-resources/xd-line/retire', { reason: 'service-ended' });
      assert.deepEqual(await ids(query), [], 'after retire');
    });

    it('answers the same, with the same work, whatever other countries hold', async () => {
      // A fresh server for each measurement, so that nothing is kept between them; its configuration is warmed
      // with another question first.
      const measure = async () => {
        const fresh = await startTestServer(counting, { adminToken: ADMIN_TOKEN });
        try {
          await list('?country=NZ', fresh);
          counting.measureBuffers = true;
          const statements = await statementsFor('?region=US-MA', fresh);
          const buffers = counting.buffers;
          counting.measureBuffers = false;
          const items = (await list('?region=US-MA', fresh)).items;
          return { statements: statements.length, buffers, items };
        } finally {
          counting.measureBuffers = false;
          await fresh.close();
        }
      };

      const alone = await measure();
      assert.ok(
        alone.items.some((item) => item.id === 'northfield-counseling-after-hours'),
        'a pair is walked',
      );
      try {
        // First without statistics (PGlite never analyzes by itself; a plan must not depend on it), then with.
        await addOtherCountries(db.database, 1, OTHER_COUNTRY_ROWS);
        const some = await measure();
        await addOtherCountries(db.database, OTHER_COUNTRY_ROWS + 1, OTHER_COUNTRY_ROWS);
        const twice = await measure();
        await db.database.exec('ANALYZE crisis_resources');
        const analyzed = await measure();
        const runs = [
          [`${OTHER_COUNTRY_ROWS} other rows`, some],
          [`${2 * OTHER_COUNTRY_ROWS} other rows`, twice],
          [`${2 * OTHER_COUNTRY_ROWS} other rows, analyzed`, analyzed],
        ] as const;
        for (const [label, run] of runs) {
          assert.deepEqual(
            run.items.map((item) => item.id),
            alone.items.map((item) => item.id),
            label,
          );
          assert.deepEqual(run.items, alone.items, label);
        }
        // Reading the other rows would cost thousands of buffers, and twice as many for twice the rows; index
        // lookups cost about the same (an index may grow a level).
        const read = runs.map(([label, run]) => `${label}: ${run.buffers}`).join(', ');
        for (const [, run] of runs)
          assert.ok(run.buffers <= alone.buffers * 1.5 + 40, `alone: ${alone.buffers}, ${read}`);
        assert.ok(twice.buffers <= some.buffers * 1.25 + 10, `alone: ${alone.buffers}, ${read}`);
        for (const [label, run] of runs) assert.equal(run.statements, 1, label);
      } finally {
        await db.database.query("DELETE FROM crisis_resources WHERE id LIKE 'bulk-%'");
      }
    });
  });

  describe('GET /health', () => {
    it('asks the database at most once a second however often it is polled', async () => {
      const checks = () => counting.statements.filter((sql) => sql.trim() === 'SELECT 1').length;
      counting.reset();
      const started = performance.now();
      for (let round = 0; round < 5; round += 1) {
        const responses = await Promise.all(Array.from({ length: 10 }, () => fetch(api('/health'))));
        for (const response of responses) {
          assert.equal(response.status, 200);
          assert.equal(((await response.json()) as { status: string }).status, 'ok');
        }
      }
      const elapsedSeconds = (performance.now() - started) / 1000;
      assert.ok(checks() >= 1, 'the database is checked');
      assert.ok(checks() <= 1 + Math.floor(elapsedSeconds), `${checks()} checks for 50 polls in ${elapsedSeconds} s`);

      // The check is still made, once its second is over.
      const before = checks();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await (await fetch(api('/health'))).body?.cancel();
      assert.equal(checks(), before + 1);
    });
  });
});
